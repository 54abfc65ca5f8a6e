import { strFromU8, unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { readXlsx } from "../../src/adapters/xlsx/read-workbook";
import {
  locateSheetData,
  readCellValue,
  scanCells,
  scanRows,
} from "../../src/adapters/xlsx/sheet-xml";
import { findElement, findElements, stringItemText } from "../../src/adapters/xlsx/xml";
import { parseRangeRef } from "../../src/engine/range-ref";

export function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
  return out;
}

/**
 * What Excel checks when it opens a file and would otherwise offer to repair
 * it: well-formed XML, header cells equal to the table's column names, column
 * counts that match the table's range, unique column ids, cells and rows in
 * order, and style indexes that exist.
 */
export function expectConsistentWorkbook(bytes: Uint8Array): void {
  const all = parts(bytes);
  for (const [path, xml] of Object.entries(all)) {
    if (!path.endsWith(".xml") && !path.endsWith(".rels")) continue;
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${path} is not well-formed: ${JSON.stringify(valid)}`);
  }
  const styles = all["xl/styles.xml"];
  const cellXfs = findElement(styles, "cellXfs")!;
  const xfCount = findElements(styles, "xf", cellXfs.openEnd, cellXfs.innerEnd).length;
  expect(Number(cellXfs.attrs.count)).toBe(xfCount);

  const { workbook } = readXlsx(bytes, "check.xlsx");
  for (const table of workbook.tables) {
    const tableXml = all[table.tablePath];
    const columns = findElements(tableXml, "tableColumn");
    expect(columns).toHaveLength(table.ref.lastColumn - table.ref.firstColumn + 1);
    expect(Number(findElement(tableXml, "tableColumns")!.attrs.count)).toBe(columns.length);
    expect(new Set(columns.map((c) => c.attrs.id)).size).toBe(columns.length);
    const filter = findElement(tableXml, "autoFilter");
    if (filter !== null)
      expect(parseRangeRef(filter.attrs.ref!)!.lastColumn).toBe(table.ref.lastColumn);
    if (table.headerRowCount > 0) {
      const headers = headerTexts(
        all[table.sheetPath],
        table.ref.firstRow,
        table.ref.firstColumn,
        columns.length,
        sharedStrings(all)
      );
      expect(headers).toEqual(table.columns);
    }
  }
  for (const path of new Set(workbook.tables.map((t) => t.sheetPath))) {
    const xml = all[path];
    const data = locateSheetData(xml);
    let previousRow = 0;
    scanRows(xml, data, (row) => {
      expect(row.row).toBeGreaterThan(previousRow);
      previousRow = row.row;
      let previousCol = -1;
      for (const cell of scanCells(xml, row, data.prefix)) {
        expect(cell.col).toBeGreaterThan(previousCol);
        previousCol = cell.col;
        expect(Number(cell.attrs.s ?? 0)).toBeLessThan(xfCount);
      }
    });
  }
}

function sharedStrings(all: Record<string, string>): string[] {
  const xml = all["xl/sharedStrings.xml"];
  return xml === undefined
    ? []
    : findElements(xml, "si").map((si) => stringItemText(xml, si.openEnd, si.innerEnd));
}

function headerTexts(
  xml: string,
  row: number,
  firstColumn: number,
  count: number,
  sst: readonly string[]
): string[] {
  const data = locateSheetData(xml);
  const texts = new Array<string>(count).fill("");
  scanRows(xml, data, (span) => {
    if (span.row !== row) return;
    for (const cell of scanCells(xml, span, data.prefix)) {
      const i = cell.col - firstColumn;
      if (i < 0 || i >= count) continue;
      texts[i] = String(readCellValue(xml, cell, data.prefix, sst, 1900));
    }
  });
  return texts;
}

/** Every `<c>` element of a sheet by its reference, as raw XML. */
export function rawCells(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  const data = locateSheetData(xml);
  scanRows(xml, data, (row) => {
    for (const cell of scanCells(xml, row, data.prefix))
      cells.set(`${cell.col}:${row.row}`, xml.slice(cell.start, cell.end));
  });
  return cells;
}
