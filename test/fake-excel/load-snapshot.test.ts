import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read-workbook";
import { workbookStateFromXlsx } from "../../src/fake-excel/load-snapshot";
import { PLAIN_FIXTURES } from "../support/plain-ranges";

const load = (path: string) =>
  workbookStateFromXlsx(readXlsx(new Uint8Array(readFileSync(path)), path));

const TITLE_AND_NOTE = {
  Obiettivi: ["A1:C1", "A6:C6"],
  Fasi: ["A1:F1", "A7:F7"],
  Indicatori: ["A1:D1", "A7:D7"],
};

describe("an .xlsx loaded into the fake Excel", () => {
  it.each(["seed-plain-openpyxl.xlsx", "seed-plain-libreoffice.xlsx"])(
    "keeps a plain-range workbook's merged titles and notes, its cells outside tables and their formats (%s)",
    (file) => {
      const state = load(join(PLAIN_FIXTURES, file));
      expect(
        Object.fromEntries([...state.sheets].map(([name, sheet]) => [name, sheet.merges]))
      ).toEqual(TITLE_AND_NOTE);
      const fasi = state.sheets.get("Fasi")!;
      expect(fasi.cells.at(1, 0)?.value).toBe("Comune di Firenze - PEG 2018 - Fasi");
      expect(fasi.cells.at(7, 0)?.value).toBe("Nota: dati del Piano esecutivo di gestione 2018.");
      // Inizio previsto of the first phase, 01/02/2018, shown as a date.
      expect(fasi.cells.at(4, 3)).toEqual({
        value: 43132,
        numberFormat: expect.stringMatching(/dd/),
      });
      expect(state.tables).toEqual([]);
    }
  );

  it("keeps a merged area inside a range, where Converti in tabelle must see it", () => {
    const state = load(join(PLAIN_FIXTURES, "seed-plain-merged-openpyxl.xlsx"));
    expect(state.sheets.get("Indicatori")!.merges).toEqual(["A1:D1", "A7:D7", "C4:C5"]);
  });

  it("gives a workbook of Excel tables no merged areas", () => {
    const state = load(join(__dirname, "../../assets/sample/2018_ZN12.xlsx"));
    expect(state.tables.map((t) => t.name)).toEqual(["Obiettivi", "Fasi", "Indicatori"]);
    expect([...state.sheets.values()].map((sheet) => sheet.merges)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
