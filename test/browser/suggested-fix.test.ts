import type { Frame, Page } from "playwright-core";
import { axeViolations } from "../support/axe";
import { cellValue, openPreview, openWorkbook, previewSuite } from "../support/preview";
import {
  date,
  INDICATOR_HEADERS,
  OBJECTIVE_HEADERS,
  PHASE_HEADERS,
  table,
  workbook,
} from "../support/snapshot-builder";

/**
 * Three phases without an end date (domain.md §4, "A suggestion is never
 * before the phase's own planned start"): Fasi!E2 starts after its
 * indicator's date, so the plan year's end is suggested; Fasi!E3 starts after
 * both, so nothing is suggested; Fasi!E4 gets its indicator's date.
 */
const PLAN = workbook([
  table("Obiettivi", OBJECTIVE_HEADERS, [
    ["2024_OB001", "Analisi dei servizi", "CULTURA"],
    ["2024_OB002", "Nuovo regolamento", "CULTURA"],
    ["2024_OB003", "Bando contributi", "AMBIENTE"],
  ]),
  table("Fasi", PHASE_HEADERS, [
    ["2024_OB001", "Analisi", 100, date("2024-10-12"), null, "ROSSI"],
    ["2024_OB002", "Stesura", 100, date("2025-03-15"), null, "BIANCHI"],
    ["2024_OB003", "Pubblicazione", 100, date("2024-01-10"), null, "VERDI"],
  ]),
  table("Indicatori", INDICATOR_HEADERS, [
    ["2024_OB001", "Relazione consegnata", "RISULTATO", date("2024-02-17")],
    ["2024_OB002", "Regolamento approvato", "RISULTATO", date("2024-11-30")],
    ["2024_OB003", "Bando pubblicato", "RISULTATO", date("2024-06-30")],
  ]),
]);

const suite = previewSuite();

async function checkedPlan(): Promise<{ page: Page; pane: Frame }> {
  const { page } = await openPreview(suite.browser, suite.url);
  const pane = await openWorkbook(page, PLAN);
  await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
  await pane.getByRole("treeitem", { name: /Fasi!E2/ }).waitFor();
  return { page, pane };
}

/** The suggestion buttons the pane shows for the current finding. */
const suggestions = (pane: Frame) =>
  pane.getByRole("button", { name: /^Usa \d\d\/\d\d\/\d{4}$/ }).allTextContents();

describe("suggested end dates in the pane", () => {
  it("never suggests a day before the phase's start: the plan year's end instead, or none and why", async () => {
    const { page, pane } = await checkedPlan();

    await pane.getByRole("treeitem", { name: /Fasi!E2/ }).click();
    expect(await suggestions(pane)).toEqual(["Usa 31/12/2024"]);
    await pane.getByRole("button", { name: "Usa 31/12/2024" }).click();
    const dialog = pane.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "Fasi!E2 (fase «Analisi», inizio 12/10/2024) riceverà 31/12/2024, la fine dell'anno del piano 2024 (la scadenza dell'indicatore, 17/02/2024, è prima dell'inizio previsto)."
    );
    expect(await axeViolations(pane)).toEqual([]);
    await pane.getByRole("button", { name: "Scrivi" }).click();
    await dialog.waitFor({ state: "detached" });
    // 31/12/2024 as a serial of the 1900 date system.
    await page.waitForFunction(
      () =>
        window.objectiveCheckPreview!.host.state.sheets.get("Fasi")!.cells.get("2:4")?.value ===
        45657
    );

    const unsuggested = pane.getByRole("treeitem", { name: /Fasi!E3/ });
    await unsuggested.click();
    expect(await unsuggested.textContent()).toContain(
      "nessuna data suggerita: l'inizio previsto 15/03/2025 viene dopo la scadenza dell'indicatore (30/11/2024) e la fine dell'anno del piano 2024, controlla prima la data di inizio"
    );
    expect(await suggestions(pane)).toEqual([]);
    expect(await cellValue(page, "Fasi", 3, 4)).toBeNull();

    await pane.getByRole("treeitem", { name: /Fasi!E4/ }).click();
    expect(await suggestions(pane)).toEqual(["Usa 30/06/2024"]);
    await page.close();
  }, 120_000);
});
