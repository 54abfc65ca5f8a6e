import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read-workbook";
import { FakeExcelHost } from "../../src/fake-excel/fake-excel-host";
import { workbookStateFromSnapshot } from "../../src/fake-excel/load-snapshot";

export const PLAIN_FIXTURES = join(__dirname, "../fixtures/plain-ranges");

/** The seed card as plain ranges in the fake Excel, with the fixture's merged titles and notes. */
export function seedAsPlainRanges(file = "seed-plain-openpyxl.xlsx"): FakeExcelHost {
  const { snapshot } = readXlsx(new Uint8Array(readFileSync(join(PLAIN_FIXTURES, file))), file);
  const state = workbookStateFromSnapshot(snapshot);
  const merges = {
    Obiettivi: ["A1:C1", "A6:C6"],
    Fasi: ["A1:F1", "A7:F7"],
    Indicatori: ["A1:D1", "A7:D7"],
  };
  for (const [sheet, areas] of Object.entries(merges)) state.sheets.get(sheet)!.merges = areas;
  return new FakeExcelHost(state);
}
