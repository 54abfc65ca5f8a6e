import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  cellValue,
  openPreview as openPreviewIn,
  openWorkbook,
  previewSuite,
} from "../support/preview";
import { cleanWorkbook, PHASE_HEADERS_WITHOUT_END } from "../support/snapshot-builder";

const SCREENSHOTS = join(__dirname, "../../test-output/screenshots");

const suite = previewSuite();

/** The preview at 1280 × 800 (the pane's frame is 320 px wide). */
const openPreview = (query = "") => openPreviewIn(suite.browser, suite.url, { query });

describe("the planning pane in Chromium, on the preview's fake Excel", () => {
  it("validates the seed card, selects the missing end date's cell, applies the suggested fix and validates clean", async () => {
    const { page, pane } = await openPreview();
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    // The engine runs in a Web Worker: the pane's main thread only waits.
    expect(page.workers().map((w) => w.url())).toContainEqual(
      expect.stringMatching(/engine-worker\.[0-9a-f]{8}\.js$/)
    );
    const finding = pane.getByRole("treeitem", { name: /Fasi!E2.*Data di fine prevista mancante/ });
    await finding.waitFor();
    await finding.click();
    await page.waitForFunction(
      () => window.objectiveCheckPreview!.host.state.selection?.address === "E2"
    );
    expect(await page.evaluate(() => window.objectiveCheckPreview!.host.state.selection)).toEqual({
      sheet: "Fasi",
      address: "E2",
    });
    // Fasi has 8 columns (A–H): the status columns are I–L.
    expect([await cellValue(page, "Fasi", 2, 9), await cellValue(page, "Fasi", 2, 10)]).toEqual([
      "DATE MANCANTI",
      "ERRORE",
    ]);
    expect([
      await cellValue(page, "Fasi", 3, 8),
      await cellValue(page, "Fasi", 3, 9),
      await cellValue(page, "Fasi", 3, 10),
    ]).toEqual([1, "IN CORSO", "OK"]);
    // Obiettivi has 12 columns (A–L): Somma pesi is M, Stato obiettivo O, Esito P.
    expect(await cellValue(page, "Obiettivi", 2, 12)).toBe(100);
    expect([
      await cellValue(page, "Obiettivi", 2, 14),
      await cellValue(page, "Obiettivi", 2, 15),
    ]).toEqual(["DATE MANCANTI", "ERRORE"]);
    await page.close();
  }, 60_000);

  it("runs the ribbon command, which shows its verdict in a dialog", async () => {
    const { page } = await openPreview();
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLIFrameElement>("iframe[title='Ribbon commands']")
        ?.contentWindow?.objectiveCheckOffice?.actions.has("validateObjective")
    );
    await page.getByTestId("ribbon-validate").click();
    const dialog = (await (await page.waitForSelector("[data-testid=dialog]")).contentFrame())!;
    await dialog.getByText(/1 obiettivo controllato: 1 errore/).waitFor();
    await dialog.getByRole("button", { name: "Chiudi" }).click();
    await page.waitForSelector("[data-testid=dialog]", { state: "detached" });
    await page.close();
  }, 60_000);

  it("stores the reference date in the workbook and checks against it", async () => {
    const { page, pane } = await openPreview();
    await pane.getByRole("button", { name: "Impostazioni" }).click();
    await pane.getByRole("combobox", { name: "Data di riferimento" }).fill("01/07/2018");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() =>
      JSON.stringify(
        window.objectiveCheckPreview!.host.state.settings.get("objectiveCheck")
      ).includes("2018-07-01")
    );
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
    // Phase 2 ended on 30/06/2018: on 01/07 it is past due.
    expect(await cellValue(page, "Fasi", 3, 9)).toBe("SCADUTA");
    await page.close();
  }, 60_000);

  it("steps to the next finding's cell and counts where the cursor is", async () => {
    const { page, pane } = await openPreview();
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByTestId("position").filter({ hasText: "1 segnalazione" }).waitFor();
    await pane.getByRole("button", { name: "Successiva" }).click();
    await page.waitForFunction(
      () => window.objectiveCheckPreview!.host.state.selection?.address === "E2"
    );
    await pane.getByTestId("position").filter({ hasText: "1 di 1" }).waitFor();
    await page.close();
  }, 60_000);

  it("marks the results stale after the user edits a table, not after a co-author does", async () => {
    const { page, pane } = await openPreview();
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
    await page.evaluate(() =>
      window.objectiveCheckPreview!.host.simulateEdit("Fasi", 3, 5, "ROSSI", "Remote")
    );
    await page.waitForTimeout(300);
    expect(await pane.getByText(/La cartella di lavoro è cambiata/).count()).toBe(0);
    await page.evaluate(() =>
      window.objectiveCheckPreview!.host.simulateEdit("Fasi", 3, 5, "BIANCHI", "Local")
    );
    await pane.getByText(/La cartella di lavoro è cambiata dopo il controllo/).waitFor();
    await page.close();
  }, 60_000);

  it("lets the user map a table whose end-date column has another name, and stores the mapping", async () => {
    const { page } = await openPreview();
    const pane = await openWorkbook(
      page,
      cleanWorkbook({ phaseHeaders: PHASE_HEADERS_WITHOUT_END })
    );
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("combobox", { name: "Tabella Fasi" }).click();
    await pane.getByRole("option", { name: "Fasi" }).click();
    await pane.getByRole("combobox", { name: "Fine prevista" }).click();
    await pane.getByRole("option", { name: "Scadenza" }).click();
    await pane.getByRole("button", { name: "Salva l'abbinamento e valida" }).click();
    await pane.getByText("Nessun problema trovato.").waitFor();
    const stored = await page.evaluate(() =>
      window.objectiveCheckPreview!.host.state.settings.get("objectiveCheck")
    );
    expect(stored).toMatchObject({
      mapping: { phases: { table: "Fasi", columns: { end: "Scadenza" } } },
    });
    await page.close();
  }, 60_000);

  it("creates the planning tables in an empty workbook", async () => {
    const { page, pane } = await openPreview("?workbook=empty");
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("button", { name: "Crea tabelle di pianificazione" }).click();
    await pane.getByText(/sono pronte ma vuote/).waitFor();
    expect(
      await page.evaluate(() => window.objectiveCheckPreview!.host.state.tables.map((t) => t.name))
    ).toEqual(["Obiettivi", "Fasi", "Indicatori"]);
    await page.close();
  }, 60_000);

  it("works from the keyboard alone", async () => {
    const { page, pane } = await openPreview();
    const focused = () => pane.evaluate(() => document.activeElement?.textContent ?? "");
    await pane.locator("body").focus();
    for (let i = 0; i < 12 && (await focused()) !== "Controlla obiettivi"; i++)
      await page.keyboard.press("Tab");
    expect(await focused()).toBe("Controlla obiettivi");
    await page.keyboard.press("Enter");
    await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
    const role = () => pane.evaluate(() => document.activeElement?.getAttribute("role"));
    for (let i = 0; i < 30 && (await role()) !== "tree"; i++) await page.keyboard.press("Tab");
    expect(await role()).toBe("tree");
    // The tree's first row is the objective's heading; the finding is one row down.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => window.objectiveCheckPreview!.host.state.selection?.address === "E2"
    );
    await page.close();
  }, 60_000);

  it("fits 320 px without horizontal scrolling, in light and dark, Italian and English (screenshots)", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ["light", "dark"]) {
      for (const lang of ["it", "en"]) {
        const { page, pane } = await openPreview(`?theme=${theme}&lang=${lang}`);
        await pane
          .getByRole("button", { name: lang === "it" ? "Controlla obiettivi" : "Check objectives" })
          .click();
        await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
        const overflow = await pane.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await (await page.$("[data-testid=pane]"))!.screenshot({
          path: join(SCREENSHOTS, `pane-${theme}-${lang}.png`),
        });
        await page.close();
      }
    }
  }, 120_000);
});
