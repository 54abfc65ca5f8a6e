import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { axeViolations } from "../support/axe";
import { runCli } from "../support/run-cli";
import { openPreview as openPreviewIn, previewSuite } from "../support/preview";

/**
 * The seed card as a planning office keeps it, in plain ranges under merged
 * titles with a note row (domain.md §2), checked and converted to tables in
 * the pane, in Chromium, on the preview's fake Excel.
 */
const PLAIN_FILE = join(__dirname, "../../assets/sample/plain/2018_ZN12-plain.xlsx");

const suite = previewSuite();

const openPreview = (workbook: string) =>
  openPreviewIn(suite.browser, suite.url, { query: `?workbook=${workbook}` });

type Cells = Record<string, Record<string, unknown>>;

/** Every cell of the preview's fake workbook, sheet by sheet, keyed `row:col` (column 0 is A). */
const allCells = (page: Page): Promise<Cells> =>
  page.evaluate(() =>
    Object.fromEntries(
      [...window.objectiveCheckPreview!.host.state.sheets].map(([name, sheet]) => [
        name,
        Object.fromEntries([...sheet.cells].map(([key, cell]) => [key, cell.value])),
      ])
    )
  );

const merges = (page: Page) =>
  page.evaluate(() =>
    [...window.objectiveCheckPreview!.host.state.sheets].map(([name, sheet]) => [
      name,
      sheet.merges,
    ])
  );

const tables = (page: Page) =>
  page.evaluate(() =>
    window.objectiveCheckPreview!.host.state.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headerRow: t.headerRow,
      firstColumn: t.firstColumn,
      rowCount: t.rowCount,
      columns: t.columns,
    }))
  );

/** The findings listed in the pane (the tree's second level), as their text. */
/** The findings' rows, once exactly `count` are drawn (the list draws its rows a task after the verdict). */
async function listedFindings(pane: Frame, count: number): Promise<string[]> {
  const rows = "[role=treeitem][aria-level='2']";
  await pane.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector as string).length === n,
    [rows, count] as const
  );
  return pane.locator(rows).allTextContents();
}

/** The cells of `after` that are not in `before`, or hold another value. */
function written(before: Cells, after: Cells): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [sheet, cells] of Object.entries(after))
    for (const [key, value] of Object.entries(cells))
      if (before[sheet]?.[key] !== value) changed[`${sheet} ${key}`] = value;
  return changed;
}

async function checkPlain(workbook: string): Promise<{ page: Page; pane: Frame }> {
  const opened = await openPreview(workbook);
  await opened.pane.getByRole("button", { name: "Controlla obiettivi" }).click();
  await opened.pane.getByText(/1 obiettivo controllato/).waitFor();
  return opened;
}

/**
 * Converti in tabelle, confirmed. Fluent's dialog hides the rest of the pane from
 * assistive technology while open (aria-hidden on #root) and tabster lifts that a
 * moment after it closes (its modalizer updates on a timer: microsoft/tabster#530);
 * until then role queries and axe would see nothing of the pane.
 */
async function convert(pane: Frame, confirmScan?: (pane: Frame) => Promise<void>): Promise<void> {
  await pane.getByRole("button", { name: "Converti in tabelle" }).click();
  const dialog = pane.getByRole("dialog", { name: "Convertire gli intervalli in tabelle Excel?" });
  await dialog.waitFor();
  // The ranges as they will become tables: header row, data and the status columns just written,
  // never the titles above.
  await dialog.getByText(/: Obiettivi!A3:H4, Fasi!A3:J5, Indicatori!A3:F5\./).waitFor();
  await confirmScan?.(pane);
  await dialog.getByRole("button", { name: "Converti", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await pane.waitForFunction(() => !document.getElementById("root")!.hasAttribute("aria-hidden"));
}

const noAxeViolations = async (pane: Frame) => expect(await axeViolations(pane)).toEqual([]);

/** Counted in the DOM, not the accessibility tree: gone means not there at all. */
const convertButtons = (pane: Frame) =>
  pane.locator("button", { hasText: "Converti in tabelle" }).count();

describe("the seed card in plain ranges, in the pane in Chromium", () => {
  it("finds what the command line finds in the same file, infos listed but not counted, and writes status columns right of each range", async () => {
    const cli = JSON.parse(
      runCli(["validate", PLAIN_FILE, "--json", "--as-of", "2018-06-30"]).out
    ) as {
      files: {
        summary: { errors: number; warnings: number; infos: number };
        findings: {
          rule: string;
          severity: string;
          sheet: string;
          cell: string;
          message: string;
        }[];
      }[];
    };
    const [file] = cli.files;
    // domain.md §6: one error, the first phase's missing end date; the three ranges said once each.
    expect(file.summary).toMatchObject({ errors: 1, warnings: 0, infos: 3 });
    expect(file.findings.map((f) => [f.severity, f.rule, `${f.sheet}!${f.cell}`]).sort()).toEqual([
      ["error", "phase.end.missing", "Fasi!E4"],
      ["info", "table.plain-range", "Fasi!A3"],
      ["info", "table.plain-range", "Indicatori!A3"],
      ["info", "table.plain-range", "Obiettivi!A3"],
    ]);

    const { page, pane } = await openPreview("plain");
    const before = await allCells(page);
    const mergedBefore = await merges(page);
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    // The infos do not count: the verdict has the command line's error and warning counts.
    await pane
      .getByText(
        `1 obiettivo controllato: ${file.summary.errors} errore, ${file.summary.warnings} avvisi.`,
        { exact: false }
      )
      .waitFor();
    const listed = await listedFindings(pane, file.findings.length);
    expect(listed).toHaveLength(file.findings.length);
    // Each of the command line's findings is listed once, at its cell, with its message.
    expect(
      file.findings.map(
        (f) =>
          listed.filter((text) => text.includes(`${f.sheet}!${f.cell}`) && text.includes(f.message))
            .length
      )
    ).toEqual(file.findings.map(() => 1));
    const severityOf = (ref: string) =>
      listed
        .filter((text) => text.includes(ref))
        .map((text) => /^(Errore|Informazione)/.exec(text)?.[1]);
    expect(severityOf("Fasi!E4")).toEqual(["Errore"]);
    expect(["Obiettivi!A3", "Fasi!A3", "Indicatori!A3"].map(severityOf)).toEqual([
      ["Informazione"],
      ["Informazione"],
      ["Informazione"],
    ]);

    // Status columns under headers of their own, right of each range's last header (row 3),
    // on its data rows only; no user cell changed, the titles and notes stay merged.
    expect(written(before, await allCells(page))).toEqual({
      "Obiettivi 3:3": "Somma pesi",
      "Obiettivi 3:4": "Avanzamento atteso",
      "Obiettivi 3:5": "Stato obiettivo",
      "Obiettivi 3:6": "Esito",
      "Obiettivi 3:7": "Segnalazioni",
      "Obiettivi 4:3": 100,
      "Obiettivi 4:4": null,
      "Obiettivi 4:5": "DATE MANCANTI",
      "Obiettivi 4:6": "ERRORE",
      "Obiettivi 4:7": "Fasi: 1 errore",
      "Fasi 3:6": "Avanzamento atteso",
      "Fasi 3:7": "Stato fase",
      "Fasi 3:8": "Esito",
      "Fasi 3:9": "Segnalazioni",
      "Fasi 4:6": null,
      "Fasi 4:7": "DATE MANCANTI",
      "Fasi 4:8": "ERRORE",
      "Fasi 4:9": expect.stringMatching(/^Data di fine prevista mancante/),
      "Fasi 5:6": 1,
      "Fasi 5:7": "IN CORSO",
      "Fasi 5:8": "OK",
      "Indicatori 3:4": "Esito",
      "Indicatori 3:5": "Segnalazioni",
      "Indicatori 4:4": "OK",
      "Indicatori 5:4": "OK",
    });
    const after = await allCells(page);
    for (const [sheet, cells] of Object.entries(before))
      for (const [key, value] of Object.entries(cells)) expect(after[sheet][key]).toBe(value);
    expect(after.Fasi["1:0"]).toBe("Comune di Firenze - PEG 2018 - Fasi");
    expect(after.Fasi["7:0"]).toBe("Nota: dati del Piano esecutivo di gestione 2018.");
    expect(await merges(page)).toEqual(mergedBefore);
    expect(mergedBefore).toEqual([
      ["Obiettivi", ["A1:C1", "A6:C6"]],
      ["Fasi", ["A1:F1", "A7:F7"]],
      ["Indicatori", ["A1:D1", "A7:D7"]],
    ]);
    expect(await tables(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it("converts the three ranges to tables named Obiettivi, Fasi and Indicatori, header and data only, and checks again through them", async () => {
    const { page, pane } = await checkPlain("plain");
    const checked = await allCells(page);
    await convert(pane, noAxeViolations);
    await pane.getByText("Tabelle create: Obiettivi, Fasi, Indicatori.").waitFor();
    // Header row 3 and the data below it, status columns included; titles (rows 1–2) and notes stay outside.
    expect(await tables(page)).toEqual([
      {
        name: "Obiettivi",
        sheet: "Obiettivi",
        headerRow: 3,
        firstColumn: 0,
        rowCount: 1,
        columns: [
          "Codice",
          "Titolo",
          "Direzione",
          "Somma pesi",
          "Avanzamento atteso",
          "Stato obiettivo",
          "Esito",
          "Segnalazioni",
        ],
      },
      {
        name: "Fasi",
        sheet: "Fasi",
        headerRow: 3,
        firstColumn: 0,
        rowCount: 2,
        columns: [
          "Codice obiettivo",
          "Descrizione",
          "Peso",
          "Inizio previsto",
          "Fine prevista",
          "Responsabile",
          "Avanzamento atteso",
          "Stato fase",
          "Esito",
          "Segnalazioni",
        ],
      },
      {
        name: "Indicatori",
        sheet: "Indicatori",
        headerRow: 3,
        firstColumn: 0,
        rowCount: 2,
        columns: [
          "Codice obiettivo",
          "Descrizione",
          "Tipo",
          "Valore atteso",
          "Esito",
          "Segnalazioni",
        ],
      },
    ]);
    // Checked again through the tables: the same error, no plain-range info, no button.
    await pane.getByText(/1 obiettivo controllato: 1 errore, 0 avvisi\./).waitFor();
    await pane.locator("[role=treeitem][aria-level='2']", { hasText: "Fasi!E4" }).waitFor();
    expect(await listedFindings(pane, 1)).toEqual([expect.stringContaining("Fasi!E4")]);
    expect(await pane.getByText(/intervallo semplice/).count()).toBe(0);
    expect(await convertButtons(pane)).toBe(0);
    // Values and status columns kept, nothing written by the second check.
    expect(await allCells(page)).toEqual(checked);
    await noAxeViolations(pane);
    await page.close();
  }, 60_000);

  it("refuses a range holding merged cells, names the sheet and the cells, and converts none", async () => {
    const { page, pane } = await checkPlain("plain-merged");
    const checked = await allCells(page);
    await convert(pane);
    await pane
      .getByText(
        /^Indicatori!A3:F5 contiene celle unite \(C4:C5\) e Excel non ne fa una tabella: separa le celle .* Nessun intervallo è stato convertito\.$/
      )
      .waitFor();
    expect(await tables(page)).toEqual([]);
    expect(await allCells(page)).toEqual(checked);
    // Still plain ranges: the button stays for after the cells are unmerged.
    expect(await convertButtons(pane)).toBe(1);
    await pane.getByRole("button", { name: "Converti in tabelle" }).waitFor();
    await noAxeViolations(pane);
    await page.close();
  }, 60_000);
});
