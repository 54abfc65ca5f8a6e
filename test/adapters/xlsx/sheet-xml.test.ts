import {
  forEachCell,
  locateSheetData,
  readCellValue,
  scanCells,
  scanRows,
  type RowSpan,
} from "../../../src/adapters/xlsx/sheet-xml";
import { plainMarkup, XmlError } from "../../../src/adapters/xlsx/xml";

const sheet = (rows: string) =>
  plainMarkup(`<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData></worksheet>`);

function values(xml: string): Record<string, unknown> {
  const data = locateSheetData(xml);
  const out: Record<string, unknown> = {};
  scanRows(xml, data, (row) =>
    forEachCell(xml, row, data.prefix, (cell) => {
      out[`${cell.col}:${row.row}`] = readCellValue(xml, cell, data.prefix, ["shared"], 1900);
    })
  );
  return out;
}

describe("sheet XML", () => {
  it("reads r, t and s straight from the tag, whatever the quotes and spacing", () => {
    const xml = sheet(
      `<row r="3"><c r='B3' s = "4" t="s"><v>0</v></c><c\nt="b"><v>1</v></c ></row >`
    );
    const data = locateSheetData(xml);
    const rows: RowSpan[] = [];
    scanRows(xml, data, (row) => rows.push(row));
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(scanCells(xml, rows[0], "").map((c) => [c.col, c.type, c.style])).toEqual([
      [1, "s", 4],
      [2, "b", 0],
    ]);
    expect(values(xml)).toEqual({ "1:3": "shared", "2:3": true });
  });

  it("tells an empty cell written open and closed from a self-closing one", () => {
    const xml = sheet('<row r="1"><c r="A1" ></c ><c r="B1"/><c r="C1"><v>7</v></c></row>');
    expect(values(xml)).toEqual({ "0:1": null, "1:1": null, "2:1": 7 });
    const data = locateSheetData(xml);
    scanRows(xml, data, (row) => {
      const [a] = scanCells(xml, row, "");
      expect(xml.slice(a.start, a.end)).toBe('<c r="A1" ></c >');
    });
  });

  it("reads no cell out of a comment, and CDATA as text", () => {
    const xml = sheet(
      '<row r="1"><!-- <c r="A1"><v>1</v></c> --><c r="B1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>'
    );
    expect(values(xml)).toEqual({ "1:1": "a<b" });
  });

  it("refuses what no sheet can hold: rows past 1,048,576, cells past XFD, unclosed rows", () => {
    const message = (rows: string) => {
      try {
        values(sheet(rows));
      } catch (error) {
        return error instanceof XmlError ? error.message : `raw ${String(error)}`;
      }
      return "read";
    };
    expect(message('<row r="1048577"/>')).toBe('row number "1048577" is not valid');
    expect(message('<row r="1"><c r="XFE1"/></row>')).toBe("cell in row 1 is beyond column XFD");
    expect(message('<row r="1"><c r="A1"><v>1</v></c>')).toMatch(/<row> at \d+ is not closed/);
    expect(message('<row r="1"><c r="A1" s="-1"/></row>')).toBe('style "-1" is not valid');
  });
});
