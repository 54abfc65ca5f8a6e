import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanWorkbook, date } from "../support/snapshot-builder";
import { readOoxml } from "../support/ooxml-reader";
import { runCommand } from "../support/run-report";
import { ADDIN_ID } from "../../src/adapters/xlsx/document-settings";
import { buildXlsx, webExtensionPart } from "../support/xlsx-builder";

const SEED = join(__dirname, "../fixtures/openpyxl/seed-2018_ZN12.xlsx");

/** A round's folder from two producers: openpyxl's seed card and the project's builder, and a broken file. */
function roundFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "objective-check-report-"));
  const source = join(dir, "Monitoraggio 30-06");
  mkdirSync(source);
  copyFileSync(SEED, join(source, "a-seed.xlsx"));
  writeFileSync(
    join(source, "b-urbanistica.xlsx"),
    buildXlsx(
      cleanWorkbook({
        objectives: [["2018_UR01", "=SOMMA(A1:A3)", "URBANISTICA"]],
        phases: [
          ["2018_UR01", "Prima fase", 60, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
          ["2018_UR01", "Seconda fase", 40, date("2018-06-01"), date("2018-12-15"), null],
        ],
        indicators: [["2018_UR01", "Atto approvato entro", "RISULTATO", "30/11/2018"]],
      }),
      { sharedStrings: true }
    )
  );
  writeFileSync(join(source, "c-broken.xlsx"), "Codice;Titolo\n");
  return dir;
}

describe("objective-check report", () => {
  it("writes the summary workbook: every column of known rows, links, tables and formats", async () => {
    const dir = roundFolder();
    const out = join(dir, "riepilogo", "riepilogo.xlsx");
    mkdirSync(join(dir, "riepilogo"));
    const before = readFileSync(join(dir, "Monitoraggio 30-06", "a-seed.xlsx"));
    const { code, out: printed } = await runCommand([
      "report",
      join(dir, "Monitoraggio 30-06"),
      "--as-of",
      "2018-06-30",
      "--out",
      out,
    ]);
    expect(code).toBe(2);
    expect(printed).toContain("c-broken.xlsx: non è una cartella di lavoro .xlsx");
    expect(printed).toContain(`scritto ${out}`);
    // The sources are never written.
    expect(readFileSync(join(dir, "Monitoraggio 30-06", "a-seed.xlsx"))).toEqual(before);

    const sheets = readOoxml(readFileSync(out));
    expect(sheets.map((s) => s.name)).toEqual(["Obiettivi", "Segnalazioni", "Direzioni", "File"]);
    const [objectives, findings, directorates, files] = sheets;
    const row = (sheet: (typeof sheets)[number], r: number, last: string) => {
      const values: unknown[] = [];
      for (let c = "A".charCodeAt(0); c <= last.charCodeAt(0); c++)
        values.push(sheet.cells.get(`${String.fromCharCode(c)}${r}`)?.value ?? null);
      return values;
    };

    expect(objectives.tables).toEqual([
      expect.objectContaining({ ref: "A1:L3", autoFilter: "A1:L3" }),
    ]);
    expect(row(objectives, 1, "L")).toEqual([
      "File",
      "Direzione",
      "Codice",
      "Titolo",
      "Somma pesi",
      "Avanzamento atteso",
      "Avanzamento effettivo",
      "Stato obiettivo",
      "Esito",
      "Errori",
      "Avvisi",
      "Apri",
    ]);
    const seedFile = join(dir, "Monitoraggio 30-06", "a-seed.xlsx");
    const builderFile = join(dir, "Monitoraggio 30-06", "b-urbanistica.xlsx");
    expect(row(objectives, 2, "L")).toEqual([
      seedFile,
      "SERVIZI SOCIALI",
      "2018_ZN12",
      "Avvio e realizzazione dei servizi per l'inclusione sociale previsti nel PON Città Metropolitana, Asse 3 – Servizi per l'inclusione sociale",
      100,
      null,
      null,
      "DATE MANCANTI",
      "ERRORE",
      1,
      0,
      "Obiettivi!A2",
    ]);
    const builderRow = row(objectives, 3, "L");
    expect(builderRow.slice(0, 5)).toEqual([
      builderFile,
      "URBANISTICA",
      "2018_UR01",
      "=SOMMA(A1:A3)",
      100,
    ]);
    expect(builderRow[5]).toBeCloseTo((60 + 40 * (29 / 197)) / 100, 4);
    expect(builderRow.slice(6)).toEqual([null, "SCADUTA", "AVVISO", 0, 1, "Obiettivi!A2"]);
    // A formula-like title is a text cell, not a formula.
    expect(objectives.cells.get("D3")).toMatchObject({ type: "s", formula: null });
    expect(objectives.cells.get("E2")?.numFmt).toBe("0.00");
    expect(objectives.cells.get("F3")?.numFmt).toBe("0%");
    expect(objectives.hyperlinks.get("L2")).toEqual({
      target: "../Monitoraggio%2030-06/a-seed.xlsx#Obiettivi!$A$2",
      external: true,
    });
    expect(objectives.frozen).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(objectives.widths.get(4)).toBeGreaterThan(30);
    expect(objectives.conditionalFormats).toEqual([
      expect.objectContaining({
        sqref: "H2:H3",
        formulas: ['"IN RITARDO"', '"SCADUTA"', '"DATE MANCANTI"', '"COMPLETATA"'],
      }),
      expect.objectContaining({
        sqref: "I2:I3",
        formulas: ['"ERRORE"', '"AVVISO"', '"OK"'],
        fills: ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE"],
      }),
    ]);

    expect(findings.tables[0]).toMatchObject({ ref: "A1:G3" });
    expect(row(findings, 2, "G")).toEqual([
      seedFile,
      "SERVIZI SOCIALI",
      "2018_ZN12",
      "phase.end.missing",
      "ERRORE",
      "Fasi!E2",
      expect.stringContaining("30/09/2018"),
    ]);
    expect(findings.hyperlinks.get("F2")?.target).toBe(
      "../Monitoraggio%2030-06/a-seed.xlsx#Fasi!$E$2"
    );
    expect(row(findings, 3, "F")).toEqual([
      builderFile,
      "URBANISTICA",
      "2018_UR01",
      "phase.owner.missing",
      "AVVISO",
      "Fasi!F3",
    ]);

    expect(row(directorates, 1, "C")).toEqual(["Direzione", "Obiettivi", "IN RITARDO"]);
    // Headers that differ from the status columns' words beyond case, as an Excel table's must.
    expect(row(directorates, 1, "K").slice(9)).toEqual(["Totale in ritardo", "Totale scaduti"]);
    const urbanistica = [2, 3].find(
      (r) => directorates.cells.get(`A${r}`)?.value === "URBANISTICA"
    );
    expect(urbanistica).toBeDefined();
    // Objectives, then late, past due, missing dates, not started, in progress, completed, none; late and past-due counts, errors, warnings; no mean progress without actual figures.
    expect(row(directorates, urbanistica!, "N").slice(1, 14)).toEqual([
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      null,
    ]);

    expect(row(files, 2, "H")).toEqual([seedFile, 43281, null, "it", 1, 1, 0, null]);
    expect(files.cells.get("B2")?.numFmt).toBe("dd/mm/yyyy");
    expect(row(files, 4, "H")).toEqual([
      join(dir, "Monitoraggio 30-06", "c-broken.xlsx"),
      43281,
      null,
      null,
      0,
      0,
      0,
      "non è una cartella di lavoro .xlsx: salvala da Excel come .xlsx",
    ]);
    for (const sheet of sheets) expect(sheet.frozen?.ySplit).toBe(1);
  });

  it("lists a warning the workbook accepts, marked, and counts it nowhere", async () => {
    const dir = mkdtempSync(join(tmpdir(), "objective-check-report-"));
    // The second phase is weighted 0 (accepted) and has no owner (not accepted).
    const settings = JSON.stringify({
      asOf: "2018-06-30",
      acceptedWarnings: [{ rule: "phase.weight.zero", key: "2018_AA01\tSECONDA FASE" }],
    });
    writeFileSync(
      join(dir, "piano.xlsx"),
      buildXlsx(
        cleanWorkbook({
          objectives: [["2018_AA01", "Piano", "URBANISTICA"]],
          phases: [
            ["2018_AA01", "Prima fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
            ["2018_AA01", "Seconda fase", 0, date("2018-06-01"), date("2018-12-15"), null],
          ],
        }),
        {
          extraParts: {
            "xl/webextensions/webextension1.xml": webExtensionPart(ADDIN_ID, {
              objectiveCheck: settings,
            }),
          },
        }
      )
    );
    const out = join(dir, "riepilogo.xlsx");
    const { code } = await runCommand(["report", join(dir, "piano.xlsx"), "--out", out]);
    expect(code).toBe(0);
    const [objectives, findings, directorates, files] = readOoxml(readFileSync(out));
    const severities = new Map<unknown, unknown>();
    for (let r = 2; findings.cells.has(`A${r}`); r++)
      severities.set(findings.cells.get(`D${r}`)?.value, findings.cells.get(`E${r}`)?.value);
    expect(severities).toEqual(
      new Map([
        ["phase.weight.zero", "AVVISO ACCETTATO"],
        ["phase.owner.missing", "AVVISO"],
      ])
    );
    // Only the open warning counts: the objective's, its directorate's and its file's.
    expect(objectives.cells.get("K2")?.value).toBe(1);
    expect(directorates.cells.get("M2")?.value).toBe(1);
    expect(files.cells.get("G2")?.value).toBe(1);
  });

  it("speaks English with --lang en and leaves the summary out of the folder it reads", async () => {
    const dir = roundFolder();
    const source = join(dir, "Monitoraggio 30-06");
    const out = join(source, "summary.xlsx");
    const first = await runCommand([
      "report",
      source,
      "--as-of",
      "2018-06-30",
      "--out",
      out,
      "--lang",
      "en",
    ]);
    expect(first.out).toContain(`wrote ${out}`);
    const again = await runCommand([
      "report",
      source,
      "--as-of",
      "2018-06-30",
      "--out",
      out,
      "--lang",
      "en",
    ]);
    expect(again.out).toContain("3 files:");
    const sheets = readOoxml(readFileSync(out));
    expect(sheets.map((s) => s.name)).toEqual(["Objectives", "Findings", "Directorates", "File"]);
    expect(sheets[0].cells.get("H2")?.value).toBe("MISSING DATES");
    const directorateHeaders = sheets[2].tables[0].columns;
    expect(directorateHeaders.slice(9, 11)).toEqual(["Late in all", "Past due in all"]);
    expect(sheets[0].hyperlinks.get("L2")?.target).toBe("a-seed.xlsx#Obiettivi!$A$2");
  });

  it.each([
    [["report", "x.xlsx"], "report vuole --out FILE.xlsx"],
    [["report", "x.xlsx", "--out", "r.csv"], "--out r.csv deve essere un file .xlsx"],
    [["report", "x.xlsx", "--out", "r.xlsx", "--json"], "--json vale solo per validate"],
    [["validate", "x.xlsx", "--out", "r.xlsx"], "--out vale solo per report"],
  ])("rejects %j with exit code 2 and a reason", async (args, reason) => {
    const { code, err } = await runCommand(args);
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toContain(reason);
  });

  it("draws a progress bar on a terminal's standard error while files are read", async () => {
    const dir = roundFolder();
    const { err } = await runCommand(
      ["report", join(dir, "Monitoraggio 30-06"), "--out", join(dir, "r.xlsx")],
      true
    );
    expect(err).toContain("1/3");
    expect(err).toContain("b-urbanistica.xlsx");
  });
});
