/**
 * A co-author's edits, merged into the workbook between two syncs of the
 * add-in's batch as AutoSave does, and raised to tables.onChanged with source
 * Remote (Excel.TableChangedEventArgs.source, https://learn.microsoft.com/javascript/api/excel/excel.tablechangedeventargs).
 * Rows are whole table rows: inserting or deleting one shifts the table's
 * columns below it, as Insert / Delete Table Rows do.
 */
import type { CellValue } from "../engine/snapshot";
import { sortRows } from "./table-sort";
import {
  getCell,
  recordChanges,
  setCell,
  type SheetState,
  type TableState,
  type WorkbookState,
} from "./workbook-state";

export type CoauthorEdit =
  /** A new data row at index `row`, with the values of the table's first columns. */
  | {
      readonly kind: "insert";
      readonly table: string;
      readonly row: number;
      readonly values: CellValue[];
    }
  | { readonly kind: "delete"; readonly table: string; readonly row: number }
  | {
      readonly kind: "sort";
      readonly table: string;
      readonly column: number;
      readonly ascending: boolean;
    }
  | {
      readonly kind: "edit";
      readonly table: string;
      readonly row: number;
      readonly column: number;
      readonly value: CellValue;
    };

export function applyCoauthorEdit(state: WorkbookState, edit: CoauthorEdit): void {
  const table = state.tables.find((t) => t.name === edit.table);
  if (table === undefined) throw new Error(`no table ${edit.table}`);
  const sheet = state.sheets.get(table.sheet)!;
  const first = table.headerRow + 1;
  recordChanges(state, "Remote", () => {
    switch (edit.kind) {
      case "insert":
        shiftRows(sheet, table, first + edit.row, 1);
        table.rowCount++;
        table.columns.forEach((_, c) =>
          setCell(sheet, first + edit.row, table.firstColumn + c, {
            value: edit.values[c] ?? null,
          })
        );
        return;
      case "delete":
        shiftRows(sheet, table, first + edit.row + 1, -1);
        table.rowCount--;
        return;
      case "sort":
        sortRows(state, table, [{ key: edit.column, ascending: edit.ascending }], false);
        table.sort = {
          fields: [{ key: edit.column, ascending: edit.ascending }],
          matchCase: false,
          method: "PinYin",
        };
        return;
      case "edit":
        setCell(sheet, first + edit.row, table.firstColumn + edit.column, { value: edit.value });
    }
  });
}

/** Moves the table's cells from worksheet row `from` down (by > 0) or up (by < 0), within its columns. */
function shiftRows(sheet: SheetState, table: TableState, from: number, by: number): void {
  let last = from;
  for (const key of sheet.cells.keys())
    last = Math.max(last, Number(key.slice(0, key.indexOf(":"))));
  const rows = [];
  for (let row = from; row <= last; row++) rows.push(row);
  if (by > 0) rows.reverse();
  for (const row of rows)
    for (let c = 0; c < table.columns.length; c++) {
      const col = table.firstColumn + c;
      setCell(sheet, row + by, col, { ...getCell(sheet, row, col) });
      setCell(sheet, row, col, {
        value: null,
        numberFormat: "General",
        formula: undefined,
        fill: undefined,
        fontColor: undefined,
        icon: undefined,
      });
    }
}
