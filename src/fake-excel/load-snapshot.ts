import type { ReadResult } from "../adapters/xlsx/read-workbook";
import { locateSheetData } from "../adapters/xlsx/sheet-xml";
import { findElements } from "../adapters/xlsx/xml";
import { formatRangeRef, parseRangeRef } from "../engine/range-ref";
import type { WorkbookSnapshot } from "../engine/snapshot";
import { addSheet, emptyWorkbook, setCell, type WorkbookState } from "./workbook-state";

/** A fake workbook holding the tables and plain sheets of a snapshot (what the CLI reads from an .xlsx, or a test builds). */
export function workbookStateFromSnapshot(snapshot: WorkbookSnapshot): WorkbookState {
  const state = emptyWorkbook(snapshot.dateSystem);
  snapshot.tables.forEach((table, id) => {
    const sheet = state.sheets.get(table.sheet) ?? addSheet(state, table.sheet);
    table.headers.forEach((header, c) =>
      setCell(sheet, table.headerRow, table.firstColumn + c, { value: header })
    );
    table.rows.forEach((row, r) =>
      row.forEach((value, c) =>
        setCell(sheet, table.headerRow + 1 + r, table.firstColumn + c, {
          value,
          numberFormat: table.numberFormats?.[r]?.[c] ?? "General",
        })
      )
    );
    if (table.hasTotalsRow)
      setCell(sheet, table.headerRow + 1 + table.rows.length, table.firstColumn, {
        value: "Totale",
      });
    state.tables.push({
      id: id + 1,
      name: table.name,
      sheet: table.sheet,
      headerRow: table.headerRow,
      firstColumn: table.firstColumn,
      columns: [...table.headers],
      rowCount: table.rows.length,
      showTotals: table.hasTotalsRow,
      filters: new Map(),
    });
  });
  // A sheet's plain cells (a plain range, titles, notes), row 1 and column A first.
  for (const sheetSnapshot of snapshot.sheets ?? []) {
    const sheet = state.sheets.get(sheetSnapshot.name) ?? addSheet(state, sheetSnapshot.name);
    sheetSnapshot.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const numberFormat = sheetSnapshot.numberFormats?.[r]?.[c] ?? "General";
        if (value !== null || numberFormat !== "General")
          setCell(sheet, r + 1, c, { value, numberFormat });
      })
    );
  }
  return state;
}

/**
 * A fake workbook holding what an .xlsx holds for the add-in: the snapshot's
 * cells and tables, and each sheet's merged areas, which the snapshot does not
 * carry (the engine never needs them) but the add-in reads from Excel: status
 * columns never go into one, and Converti in tabelle refuses a range holding one.
 */
export function workbookStateFromXlsx({ workbook, snapshot }: ReadResult): WorkbookState {
  const state = workbookStateFromSnapshot(snapshot);
  const sheetPaths = new Map<string, string>(workbook.plainSheets);
  for (const table of workbook.tables) sheetPaths.set(table.sheet, table.sheetPath);
  for (const [name, path] of sheetPaths) {
    const sheet = state.sheets.get(name);
    const xml = workbook.sheetXml.get(path);
    if (sheet === undefined || xml === undefined) continue;
    // <mergeCells> follows <sheetData> (ECMA-376 Part 1, 18.3.1.99 worksheet).
    const merges = findElements(xml, "mergeCell", locateSheetData(xml).innerEnd).flatMap((m) => {
      const ref = parseRangeRef(m.attrs.ref ?? "");
      return ref === null ? [] : [formatRangeRef(ref)];
    });
    if (merges.length > 0) sheet.merges = merges;
  }
  return state;
}
