import { mapWorkbook, needsPlainRanges } from "../../../src/engine/map/map-workbook";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/engine/snapshot";
import { run } from "../../support/engine";
import { cleanWorkbook } from "../../support/snapshot-builder";

const PHASES: CellValue[][] = [
  ["Piano 2018", null, null, null, null],
  [],
  [null, "Codice obiettivo", "Descrizione", "Peso", "Inizio previsto", "Fine prevista"],
  [null, "2018_AA01", "Prima fase", 100, 43110, 43250],
  [],
  ["Nota: dati provvisori"],
];

function sheet(name: string, rows: CellValue[][]): SheetSnapshot {
  return { name, rows, numberFormats: null };
}

/** The clean workbook with its phases table taken out and laid on a sheet as a plain range. */
function withPlainPhases(rows: CellValue[][], settings: WorkbookSnapshot["settings"] = {}) {
  const base = cleanWorkbook();
  return {
    ...base,
    tables: base.tables.filter((t) => t.name !== "Fasi"),
    sheets: [sheet("Titoli", [["Piano esecutivo di gestione"]]), sheet("Cronoprogramma", rows)],
    settings,
  };
}

describe("plain ranges (domain.md §2)", () => {
  it("asks the host for sheets only when a table is missing", () => {
    expect(needsPlainRanges(cleanWorkbook())).toBe(false);
    expect(needsPlainRanges(withPlainPhases(PHASES))).toBe(true);
  });

  it("finds the header row by the required headers, across to the last header and down to the first blank row", () => {
    const phases = mapWorkbook(withPlainPhases(PHASES)).phases!;
    expect(phases.recognisedBy).toBe("plain-range");
    expect(phases.table).toMatchObject({
      name: "Cronoprogramma!B3:F4",
      headerRow: 3,
      firstColumn: 1,
      headers: ["Codice obiettivo", "Descrizione", "Peso", "Inizio previsto", "Fine prevista"],
      rows: [["2018_AA01", "Prima fase", 100, 43110, 43250]],
      plain: true,
    });
  });

  it("looks no further than the first 20 rows", () => {
    const late = [...Array.from({ length: 20 }, () => [] as CellValue[]), ...PHASES.slice(2)];
    expect(mapWorkbook(withPlainPhases(late)).phases).toBeNull();
    const inTime = [...Array.from({ length: 17 }, () => [] as CellValue[]), ...PHASES.slice(2)];
    expect(mapWorkbook(withPlainPhases(inTime)).phases?.table.headerRow).toBe(18);
  });

  it("takes the sheet and header row a stored mapping names, even where required headers are missing", () => {
    const rows = [...PHASES.slice(0, 2), ["Fase", "Peso"], ["Unica", 100]];
    const settings = { mapping: { phases: { table: "Cronoprogramma!A3" } } };
    const phases = mapWorkbook(withPlainPhases(rows, settings)).phases!;
    expect([phases.recognisedBy, phases.table.name]).toEqual(["mapping", "Cronoprogramma!A3:B4"]);
    expect(phases.missingFields.map((f) => f.key)).toEqual(["objective", "start", "end"]);
  });

  it("says once, as an info that counts for nothing, that the range is not an Excel table", () => {
    const result = run(withPlainPhases(PHASES));
    expect(result.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ["table.plain-range", "info", "Cronoprogramma", "B3"],
    ]);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 0, infos: 1 });
    expect(result.objectives[0].check).toBe("ok");
  });
});
