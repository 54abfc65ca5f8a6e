import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read-workbook";
import { reportSchema } from "../../src/cli/report-schema";
import { runCli } from "../support/run-cli";
import { expectConsistentWorkbook, parts, rawCells } from "../support/workbook-checks";

const FIXTURES = join(__dirname, "../fixtures/plain-ranges");
const PRODUCERS = ["openpyxl", "libreoffice"] as const;
const SHEET_PATHS = { Obiettivi: 1, Fasi: 2, Indicatori: 3 } as const;

const tmp = () => mkdtempSync(join(tmpdir(), "objective-check-plain-"));

function sheetXml(bytes: Uint8Array, sheet: keyof typeof SHEET_PATHS): string {
  return parts(bytes)[`xl/worksheets/sheet${SHEET_PATHS[sheet]}.xml`];
}

describe.each(PRODUCERS)("the seed card as plain ranges, made by %s", (producer) => {
  const file = join(FIXTURES, `seed-plain-${producer}.xlsx`);

  it("gives the §6 result through the command line, with one info per range that counts for nothing", () => {
    const { code, out } = runCli(["validate", file, "--as-of", "2018-06-30", "--json"]);
    expect(code).toBe(1);
    const [report] = reportSchema.parse(JSON.parse(out)).files;
    expect(report.error).toBeNull();
    expect(report.summary).toMatchObject({
      objectives: 1,
      phases: 2,
      indicators: 2,
      errors: 1,
      warnings: 0,
      infos: 3,
    });
    const problems = report.findings.filter((f) => f.severity !== "info");
    expect(problems).toEqual([
      expect.objectContaining({ rule: "phase.end.missing", sheet: "Fasi", cell: "E4" }),
    ]);
    expect(problems[0].message).toContain("30/09/2018");
    expect(
      report.findings.filter((f) => f.severity === "info").map((f) => [f.rule, f.table, f.cell])
    ).toEqual([
      ["table.plain-range", "Obiettivi!A3:C4", "A3"],
      ["table.plain-range", "Fasi!A3:F5", "A3"],
      ["table.plain-range", "Indicatori!A3:D5", "A3"],
    ]);
    expect(report.objectives.map((o) => [o.row, o.weightTotal, o.status, o.check])).toEqual([
      [4, 100, "DATE MANCANTI", "ERRORE"],
    ]);
    expect(report.phases.map((p) => [p.row, p.expectedProgress, p.status, p.check])).toEqual([
      [4, null, "DATE MANCANTI", "ERRORE"],
      [5, 1, "IN CORSO", "OK"],
    ]);
    expect(report.indicators.map((i) => i.check)).toEqual(["OK", "OK"]);
  });

  it("lists the infos last and does not count them in the summary line", () => {
    const { out } = runCli(["validate", file, "--as-of", "2018-06-30"]);
    expect(out).toContain("1 errore");
    expect(out).not.toMatch(/3 (avvisi|informazioni)/);
    expect(out.indexOf("phase.end.missing")).toBeLessThan(out.indexOf("table.plain-range"));
    expect(out).toContain("Fasi è un intervallo semplice (Fasi!A3:F5)");
  });

  it("writes the status columns right of each range, below no data, and leaves every user cell as it was", () => {
    const dir = tmp();
    const written = runCli(["validate", file, "--as-of", "2018-06-30", "--write-to", dir]);
    expect(written.code).toBe(1);
    const original = new Uint8Array(readFileSync(file));
    const copy = new Uint8Array(readFileSync(join(dir, `seed-plain-${producer}.xlsx`)));
    expectConsistentWorkbook(copy);
    for (const sheet of Object.keys(SHEET_PATHS) as (keyof typeof SHEET_PATHS)[]) {
      const before = rawCells(sheetXml(original, sheet));
      const after = rawCells(sheetXml(copy, sheet));
      for (const [where, cell] of before) expect([where, after.get(where)]).toEqual([where, cell]);
    }
    const { snapshot } = readXlsx(copy, "copy.xlsx");
    const fasi = snapshot.sheets!.find((s) => s.name === "Fasi")!;
    expect(fasi.rows[2].slice(6)).toEqual([
      "Avanzamento atteso",
      "Stato fase",
      "Esito",
      "Segnalazioni",
    ]);
    expect(fasi.rows[3].slice(7, 9)).toEqual(["DATE MANCANTI", "ERRORE"]);
    expect(fasi.rows[4].slice(6, 9)).toEqual([1, "IN CORSO", "OK"]);
    // The blank row and the note below the data get nothing.
    expect((fasi.rows[5] ?? []).filter((v) => v !== null)).toEqual([]);
    expect(fasi.rows[6].slice(6).filter((v) => v !== null)).toEqual([]);
    const objectives = snapshot.sheets!.find((s) => s.name === "Obiettivi")!;
    expect(objectives.rows[2].slice(3)).toEqual([
      "Somma pesi",
      "Avanzamento atteso",
      "Stato obiettivo",
      "Esito",
      "Segnalazioni",
    ]);

    const again = runCli([
      "validate",
      join(dir, `seed-plain-${producer}.xlsx`),
      "--as-of",
      "2018-06-30",
      "--write-to",
      join(dir, "again"),
    ]);
    expect(again.out).toContain("già aggiornato");
  });
});

describe("a plain range whose right neighbours are occupied", () => {
  it("is left as it is, and the user is told which cells are in the way", () => {
    const file = join(FIXTURES, "seed-plain-blocked-openpyxl.xlsx");
    const dir = tmp();
    const { out } = runCli(["validate", file, "--as-of", "2018-06-30", "--write-to", dir]);
    expect(out).toContain("Fasi!G3:J5");
    const copy = new Uint8Array(readFileSync(join(dir, "seed-plain-blocked-openpyxl.xlsx")));
    const original = new Uint8Array(readFileSync(file));
    expect(sheetXml(copy, "Fasi")).toBe(sheetXml(original, "Fasi"));
    expect(sheetXml(copy, "Obiettivi")).not.toBe(sheetXml(original, "Obiettivi"));
  });
});
