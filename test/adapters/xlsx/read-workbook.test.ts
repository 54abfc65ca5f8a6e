import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import { WorkbookReadError } from "../../../src/adapters/xlsx/xlsx-package";
import { runEngine } from "../../../src/engine";
import { buildXlsx, webExtensionPart } from "../../support/xlsx-builder";
import { ADDIN_ID } from "../../../src/adapters/xlsx/document-settings";
import { seedWorkbook } from "../../support/snapshot-builder";
import { SEED_AS_OF } from "../../support/engine";

const fixture = (path: string) => readFileSync(join(__dirname, "../../fixtures", path));
const reason = (bytes: Uint8Array, name = "x.xlsx") => {
  try {
    readXlsx(bytes, name);
  } catch (error) {
    return error instanceof WorkbookReadError ? error.reason : `unexpected ${String(error)}`;
  }
  return "read";
};

describe("reading .xlsx files", () => {
  it("reads the openpyxl seed card: absolute part paths, inline strings, dates as formatted serials", () => {
    const { snapshot } = readXlsx(fixture("openpyxl/seed-2018_ZN12.xlsx"), "seed.xlsx");
    const fasi = snapshot.tables.find((t) => t.name === "Fasi")!;
    expect(fasi).toMatchObject({
      sheet: "Fasi",
      headerRow: 1,
      firstColumn: 0,
      hasTotalsRow: false,
    });
    expect(fasi.headers[6]).toBe("Centro di Responsabilità");
    expect(fasi.rows[0].slice(2, 5)).toEqual([70, 43132, null]);
    expect(fasi.numberFormats![0][3]).toBe("dd/mm/yyyy");
  });

  it.each(["openpyxl/seed-2018_ZN12.xlsx", "exceljs/seed-2018_ZN12.xlsx"])(
    "gives the §6 result for %s",
    (path) => {
      const result = runEngine(
        readXlsx(fixture(path), path).snapshot,
        { asOf: SEED_AS_OF },
        SEED_AS_OF
      );
      expect(result.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
        ["phase.end.missing", "Fasi", "E2"],
      ]);
      expect(result.objectives[0].figures.status).toBe("missing-dates");
      expect(result.phases.map((p) => p.status)).toEqual(["missing-dates", "in-progress"]);
    }
  );

  it("reads ExcelJS's 1904 workbook: tables away from A1, a totals row left out of the data", () => {
    const { snapshot } = readXlsx(fixture("exceljs/edge-cases-1904.xlsx"), "edge.xlsx");
    expect(snapshot.dateSystem).toBe(1904);
    const objectives = snapshot.tables.find((t) => t.name === "Objectives")!;
    expect(objectives).toMatchObject({ sheet: "Piano 2019", headerRow: 3, firstColumn: 1 });
    const phases = snapshot.tables.find((t) => t.name === "Phases")!;
    expect(phases).toMatchObject({ headerRow: 5, firstColumn: 2, hasTotalsRow: true });
    expect(phases.rows).toHaveLength(3);
  });

  it("reads the same snapshot whether strings are shared or inline, elements prefixed or not, refs present or not", () => {
    const snapshot = seedWorkbook();
    const plain = readXlsx(buildXlsx(snapshot), "a.xlsx").snapshot;
    const variant = readXlsx(
      buildXlsx(snapshot, { sharedStrings: true, prefix: "x:", omitCellRefs: true }),
      "b.xlsx"
    ).snapshot;
    expect(variant).toEqual(plain);
    expect(plain.tables.map((t) => t.rows)).toEqual(snapshot.tables.map((t) => t.rows));
  });

  it("reads the settings the add-in stored in the workbook, ignoring other add-ins' and broken ones", () => {
    const stored = JSON.stringify({ asOf: "2018-06-30", statusLanguage: "en" });
    const withSettings = (id: string, value: string) =>
      readXlsx(
        buildXlsx(seedWorkbook(), {
          extraParts: {
            "xl/webextensions/webextension1.xml": webExtensionPart(id, { objectiveCheck: value }),
          },
        }),
        "s.xlsx"
      ).snapshot.settings;
    expect(withSettings(ADDIN_ID, stored)).toEqual({ asOf: "2018-06-30", statusLanguage: "en" });
    expect(withSettings("00000000-0000-0000-0000-000000000000", stored)).toEqual({});
    expect(withSettings(ADDIN_ID, "{not json")).toEqual({});
    expect(withSettings(ADDIN_ID, JSON.stringify({ asOf: "30/06/2018" }))).toEqual({});
  });

  it("names why a file cannot be read", () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(reason(cfb, "piano.xls")).toBe("legacy-xls");
    expect(reason(cfb, "piano.xlsx")).toBe("encrypted");
    expect(reason(strToU8("Codice;Titolo\n"), "piano.xlsx")).toBe("not-zip");
    expect(reason(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe("corrupt");
    expect(reason(zipSync({ "hello.txt": strToU8("hi") }))).toBe("not-workbook");
    expect(
      reason(
        buildXlsx(
          { dateSystem: 1900, tables: [], settings: {} },
          { extraCells: { Foglio1: { A1: "x" } } }
        )
      )
    ).toBe("no-tables");
  });
});
