import { strFromU8, unzipSync } from "fflate";
import { TableWorkbook } from "../../../src/adapters/xlsx/table-workbook";
import { readOoxml } from "../../support/ooxml-reader";

interface Row {
  readonly name: string;
  readonly amount: number;
  readonly link: string | null;
}

function book(rows: Row[]): Uint8Array {
  const workbook = new TableWorkbook("Objective Check");
  workbook.addSheet<Row>({
    sheet: "Dati & note",
    table: "Dati",
    rows,
    linkTip: "Apri",
    columns: [
      { name: "Nome <breve>", width: 20, value: (r) => r.name },
      { name: "Importo", width: 10, format: "0.00", value: (r) => r.amount },
      {
        name: "Apri",
        width: 12,
        value: (r) => (r.link === null ? null : { text: "Fasi!A2", target: r.link }),
      },
    ],
    colours: [{ column: 0, colours: [['A "B"', "FFFFC7CE"]] }],
  });
  return workbook.finish();
}

describe("TableWorkbook (the summary's .xlsx writer)", () => {
  it("writes text as Excel reads it back: escaped, control characters kept, outer spaces kept", () => {
    const names = [" spazio ", "a & b <c>", "tab\tand\u0001bell", "_x0041_ literal"];
    const [sheet] = readOoxml(
      book(names.map((name, i) => ({ name, amount: i + 0.5, link: null })))
    );
    expect(sheet.name).toBe("Dati & note");
    expect([2, 3, 4, 5].map((r) => sheet.cells.get(`A${r}`)?.value)).toEqual([
      " spazio ",
      "a & b <c>",
      "tab\tand\u0001bell",
      "_x0041_ literal",
    ]);
    expect(sheet.cells.get("A1")?.value).toBe("Nome <breve>");
    expect(sheet.tables).toEqual([
      {
        name: "Dati",
        ref: "A1:C5",
        autoFilter: "A1:C5",
        columns: ["Nome <breve>", "Importo", "Apri"],
      },
    ]);
    expect(sheet.cells.get("B3")).toMatchObject({ value: 1.5, numFmt: "0.00", type: null });
    expect(sheet.conditionalFormats).toEqual([
      { sqref: "A2:A5", formulas: ['"A ""B"""'], fills: ["FFFFC7CE"] },
    ]);
  });

  it("numbers a header that repeats another ignoring case, in the table and in its header cell", () => {
    const workbook = new TableWorkbook("Objective Check");
    workbook.addSheet<number>({
      sheet: "A",
      table: "T",
      rows: [1],
      columns: ["Stato", "STATO", "stato", "Stato2"].map((name) => ({
        name,
        width: 8,
        value: (n: number) => n,
      })),
    });
    const [sheet] = readOoxml(workbook.finish());
    const names = ["Stato", "STATO2", "stato3", "Stato22"];
    expect(sheet.tables[0].columns).toEqual(names);
    expect(["A1", "B1", "C1", "D1"].map((at) => sheet.cells.get(at)?.value)).toEqual(names);
  });

  it("links no more cells in a sheet than Excel holds, and keeps the rest's text", () => {
    const workbook = new TableWorkbook("Objective Check", 2);
    for (const sheet of ["A", "B"])
      workbook.addSheet<number>({
        sheet,
        table: `T${sheet}`,
        rows: [1, 2, 3],
        columns: [
          {
            name: "Apri",
            width: 8,
            value: (n) => ({ text: `Fasi!A${n}`, target: `p.xlsx#Fasi!$A$${n}` }),
          },
        ],
      });
    for (const sheet of readOoxml(workbook.finish())) {
      expect([...sheet.hyperlinks.keys()]).toEqual(["A2", "A3"]);
      expect(sheet.cells.get("A4")?.value).toBe("Fasi!A3");
    }
  });

  it("keeps one blank row in an empty table, which Excel refuses without one", () => {
    const [sheet] = readOoxml(book([]));
    expect(sheet.tables[0].ref).toBe("A1:C2");
    expect(sheet.cells.has("A2")).toBe(false);
    expect(sheet.conditionalFormats[0].sqref).toBe("A2:A2");
  });

  it("leaves a number that is not finite blank and links each linked cell to its own target", () => {
    const bytes = book([
      { name: "a", amount: Number.NaN, link: "../a%20b.xlsx#Fasi!$A$2" },
      { name: "b", amount: 2, link: null },
      { name: "c", amount: Infinity, link: "c.xlsx#'Fasi 2'!$A$9" },
    ]);
    const [sheet] = readOoxml(bytes);
    expect(sheet.cells.has("B2")).toBe(false);
    expect(sheet.cells.has("B4")).toBe(false);
    expect([...sheet.hyperlinks]).toEqual([
      ["C2", { target: "../a%20b.xlsx#Fasi!$A$2", external: true }],
      ["C4", { target: "c.xlsx#'Fasi 2'!$A$9", external: true }],
    ]);
    // The package declares every part it holds, as Excel requires to open it.
    const parts = unzipSync(bytes);
    const types = strFromU8(parts["[Content_Types].xml"]);
    for (const name of Object.keys(parts).filter(
      (n) => !n.endsWith(".rels") && n !== "[Content_Types].xml"
    ))
      expect(types).toContain(`PartName="/${name}"`);
  });
});
