import type { Frame, Page } from "playwright-core";
import { DIRECTORATE_SIZE, generateDirectorate } from "../../bench/generate-folder";
import { axeViolations } from "../support/axe";
import { openPreview as openPreviewIn, openWorkbook, previewSuite } from "../support/preview";
import { cleanWorkbook, PHASE_HEADERS_WITHOUT_END } from "../support/snapshot-builder";

const suite = previewSuite();

/** The pane's frame is 320 px wide; 700 px high as in the report of issue 9. */
const openPreview = (query = "", forcedColors: "active" | "none" = "none") =>
  openPreviewIn(suite.browser, suite.url, {
    query,
    forcedColors,
    viewport: { width: 1280, height: 700 },
  });

function selection(page: Page): Promise<{ sheet: string; address: string } | null> {
  return page.evaluate(() => window.objectiveCheckPreview!.host.state.selection ?? null);
}

/** The smallest computed font size of any text in the Cronoprogramma section. */
function smallestFont(pane: Frame): Promise<number> {
  return pane.evaluate(() => {
    const section = document.querySelector("section[aria-labelledby]")!;
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    let smallest = Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent!.trim() === "") continue;
      const size = parseFloat(getComputedStyle(node.parentElement!).fontSize);
      smallest = Math.min(smallest, size);
    }
    return smallest;
  });
}

const plan = generateDirectorate(0, DIRECTORATE_SIZE);
const phases = plan.tables.find((t) => t.name === "Fasi")!;

/** Where the description of an objective's first phase is, as the workbook numbers it. */
function firstPhaseCell(code: string): string {
  const index = phases.rows.findIndex((row) => row[0] === code);
  const column = String.fromCharCode(65 + phases.headers.indexOf("Descrizione"));
  return `${column}${phases.headerRow + 1 + index}`;
}

describe("the Cronoprogramma and the reference date in Chromium, on the preview's fake Excel", () => {
  it("draws one objective of a 400-objective plan at a time: it follows the finding, a chooser reaches any other, a bar selects its phase's cell", async () => {
    const { page } = await openPreview();
    const pane = await openWorkbook(page, plan);
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    const cronoprogramma = pane.getByRole("region", { name: "Cronoprogramma" });
    await cronoprogramma.getByText("400 obiettivi hanno fasi", { exact: false }).waitFor();
    const heading = cronoprogramma.getByRole("heading", { level: 3 });

    // Next finding: the Gantt shows the objective of the row the cursor went to.
    await pane.getByRole("button", { name: "Successiva", exact: true }).click();
    await page.waitForFunction(() => window.objectiveCheckPreview!.host.state.selection);
    const { sheet, address } = (await selection(page))!;
    const row = Number(/\d+$/.exec(address)![0]);
    const table = plan.tables.find((t) => t.sheet === sheet)!;
    const objective = String(table.rows[row - table.headerRow - 1][0]);
    await heading.filter({ hasText: objective }).waitFor();

    // Any other objective, found by typing part of its code.
    const chooser = cronoprogramma.getByRole("combobox", { name: "Obiettivo" });
    await chooser.fill("");
    await chooser.pressSequentially("SS123");
    await pane.getByRole("option", { name: /^2024_SS123 – / }).click();
    await heading.filter({ hasText: "2024_SS123" }).waitFor();
    const bars = cronoprogramma.getByRole("button", { name: /Seleziona Fasi!/ });
    expect(await bars.count()).toBe(
      phases.rows.filter((r) => String(r[0]).trim() === "2024_SS123").length
    );

    const legend = cronoprogramma.getByRole("list", { name: "Legenda" });
    await legend.getByText(/Data di riferimento \d\d\/\d\d\/\d{4}/).waitFor();
    expect(await legend.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
    expect(await smallestFont(pane)).toBeGreaterThanOrEqual(11);

    await bars.first().click();
    await page.waitForFunction(
      (cell) => window.objectiveCheckPreview!.host.state.selection?.address === cell,
      firstPhaseCell("2024_SS123")
    );
    expect(await selection(page)).toEqual({ sheet: "Fasi", address: firstPhaseCell("2024_SS123") });

    // From the keyboard: Enter on a focused bar selects its cell too.
    await bars.nth(1).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (cell) => window.objectiveCheckPreview!.host.state.selection?.address !== cell,
      firstPhaseCell("2024_SS123")
    );
    expect(await axeViolations(pane)).toEqual([]);
    await page.close();
  }, 120_000);

  it("saves a typed reference date once, as yyyy-mm-dd, refuses a wrong one inline, and marks the results stale", async () => {
    const { page, pane } = await openPreview();
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
    await pane.getByRole("button", { name: "Impostazioni" }).click();
    await page.evaluate(() => {
      const counter = window as unknown as { settingsSaves: number };
      counter.settingsSaves = 0;
      window.objectiveCheckPreview!.host.state.settingsSaved.add(() => counter.settingsSaves++);
    });
    const saves = () =>
      page.evaluate(() => (window as unknown as { settingsSaves: number }).settingsSaves);
    const field = pane.getByRole("combobox", { name: "Data di riferimento" });
    // The field is in the pane's language, day first.
    expect(await field.inputValue()).toBe("30/06/2018");

    await field.click();
    await page.keyboard.press("Escape");
    await field.fill("");
    await field.pressSequentially("01/07/2018");
    expect(await saves()).toBe(0);
    await page.keyboard.press("Tab");
    await pane.getByText(/La data di riferimento è cambiata dopo il controllo/).waitFor();
    expect(await saves()).toBe(1);
    expect(
      await page.evaluate(
        () => window.objectiveCheckPreview!.host.state.settings.get("objectiveCheck") as object
      )
    ).toMatchObject({ asOf: "2018-07-01" });

    await field.fill("31/06/2018");
    await page.keyboard.press("Tab");
    await pane.getByText("«31/06/2018» non è una data esistente", { exact: false }).waitFor();
    await field.fill("30/09/0002");
    await page.keyboard.press("Tab");
    await pane.getByText("l'anno va scritto per intero", { exact: false }).waitFor();
    expect(await saves()).toBe(1);
    expect(await axeViolations(pane)).toEqual([]);

    // Picking a day in the calendar (Italian months, Monday first) saves it once too.
    await field.fill("01/07/2018");
    await page.keyboard.press("Tab");
    await field.click();
    const calendar = pane.getByRole("dialog");
    await calendar.getByText("Luglio 2018").waitFor();
    expect(await axeViolations(pane)).toEqual([]);
    await calendar.getByRole("gridcell", { name: /^15/ }).click();
    await page.waitForFunction(() =>
      JSON.stringify(
        window.objectiveCheckPreview!.host.state.settings.get("objectiveCheck")
      ).includes("2018-07-15")
    );
    expect(await saves()).toBe(2);
    expect(await field.inputValue()).toBe("15/07/2018");

    // Checking again with the new date clears the stale message.
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByText(/La data di riferimento è cambiata/).waitFor({ state: "detached" });

    // The pane redrawn while the user types (an edit marks the results stale) keeps the typed text.
    await field.fill("");
    await field.pressSequentially("15/0");
    await page.evaluate(() =>
      window.objectiveCheckPreview!.host.simulateEdit("Fasi", 3, 5, "BIANCHI", "Local")
    );
    await pane.getByText(/La cartella di lavoro è cambiata/).waitFor();
    await field.pressSequentially("8/2018");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() =>
      JSON.stringify(
        window.objectiveCheckPreview!.host.state.settings.get("objectiveCheck")
      ).includes("2018-08-15")
    );
    await page.close();
  }, 90_000);

  it("starts the mapping form from the table and columns the engine recognised", async () => {
    const { page } = await openPreview();
    const pane = await openWorkbook(
      page,
      cleanWorkbook({ phaseHeaders: PHASE_HEADERS_WITHOUT_END })
    );
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("combobox", { name: "Tabella Fasi" }).waitFor();
    expect(await pane.getByRole("combobox", { name: "Tabella Fasi" }).textContent()).toBe("Fasi");
    expect(await pane.getByRole("combobox", { name: "Inizio previsto" }).textContent()).toBe(
      "Inizio previsto"
    );
    expect(await pane.getByRole("combobox", { name: "Fine prevista" }).textContent()).toBe("");
    expect(await axeViolations(pane)).toEqual([]);
    await pane.getByRole("combobox", { name: "Fine prevista" }).click();
    await pane.getByRole("option", { name: "Scadenza" }).click();
    await pane.getByRole("button", { name: "Salva l'abbinamento e valida" }).click();
    await pane.getByText("Nessun problema trovato.").waitFor();
    await page.close();
  }, 60_000);

  it("after Create planning tables, says the tables are ready with one action, not a warning per empty table", async () => {
    const { page, pane } = await openPreview("?workbook=empty");
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    await pane.getByRole("button", { name: "Crea tabelle di pianificazione" }).click();
    await pane.getByText(/sono pronte ma vuote/).waitFor();
    expect(await pane.getByText("table.empty").count()).toBe(0);
    expect(await pane.getByText(/non ha righe di dati/).count()).toBe(0);
    expect(await axeViolations(pane)).toEqual([]);
    await pane.getByRole("button", { name: "Aggiungi il primo obiettivo" }).click();
    await page.waitForFunction(
      () => window.objectiveCheckPreview!.host.state.selection?.address === "A2"
    );
    expect(await selection(page)).toEqual({ sheet: "Obiettivi", address: "A2" });
    await page.close();
  }, 60_000);

  it("in a Windows contrast theme (forced colours), uses Fluent's high-contrast theme and keeps every bar and the reference line drawn", async () => {
    const { pane } = await openPreview("", "active");
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    const cronoprogramma = pane.getByRole("region", { name: "Cronoprogramma" });
    await cronoprogramma.getByRole("button", { name: /Seleziona Fasi!B2/ }).waitFor();
    expect(
      await pane.evaluate(() =>
        getComputedStyle(document.querySelector(".fui-FluentProvider")!)
          .getPropertyValue("--colorNeutralBackground1")
          .trim()
      )
    ).toBe("#000000");
    // Forced colours drop backgrounds: each bar and the line must still have a border to draw.
    const borders = await cronoprogramma
      .locator("button span[aria-hidden=true] > span")
      .evaluateAll((spans) =>
        spans.map((span) => {
          const style = getComputedStyle(span);
          return Math.max(parseFloat(style.borderLeftWidth), parseFloat(style.borderTopWidth));
        })
      );
    expect(borders.length).toBeGreaterThanOrEqual(4);
    expect(borders.every((width) => width >= 1)).toBe(true);
    expect(await axeViolations(pane)).toEqual([]);
    await pane.page().close();
  }, 60_000);
});
