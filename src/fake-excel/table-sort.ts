/**
 * `table.sort` (Excel.TableSort, https://learn.microsoft.com/javascript/api/excel/excel.tablesort):
 * `fields`, `matchCase` and `method` describe the last sort; `apply` sorts the
 * data rows; `clear` forgets the sort without moving rows ("While this doesn't
 * modify the table's ordering, it clears the state of the header buttons").
 */
import { FakeClientObject } from "./client-object";
import { assertWritable } from "./fake-range";
import { FakeExcelError, type FakeRequestContext } from "./request-context";
import {
  getCell,
  setCell,
  type CellState,
  type TableState,
  type WorkbookState,
} from "./workbook-state";

export interface SortField {
  key: number;
  ascending?: boolean;
}

export interface SortState {
  fields: SortField[];
  matchCase: boolean;
  method: "PinYin" | "StrokeCount";
}

export class FakeTableSort extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly table: () => TableState
  ) {
    super(context, path);
  }

  get fields(): SortField[] {
    return this.get("fields");
  }
  get matchCase(): boolean {
    return this.get("matchCase");
  }
  get method(): string {
    return this.get("method");
  }

  apply(fields: SortField[], matchCase = false, method: SortState["method"] = "PinYin"): void {
    this.command({ apply: { fields, matchCase, method } }, () => {
      const table = this.table();
      assertWritable(this.context.state.sheets.get(table.sheet)!);
      if (fields.some((f) => f.key < 0 || f.key >= table.columns.length))
        throw new FakeExcelError("InvalidArgument", "A sort key is outside the table.");
      sortRows(this.context.state, table, fields, matchCase);
      table.sort = { fields: structuredClone(fields), matchCase, method };
    });
  }

  clear(): void {
    this.command({ clear: true }, () => {
      delete this.table().sort;
    });
  }

  reapply(): void {
    this.command({ reapply: true }, () => {
      const table = this.table();
      if (table.sort) sortRows(this.context.state, table, table.sort.fields, table.sort.matchCase);
    });
  }

  override defaultProps(): string[] {
    return ["fields", "matchCase", "method"];
  }

  protected override scalar(property: string): unknown {
    const sort = this.table().sort;
    if (property === "fields") return structuredClone(sort?.fields ?? []);
    if (property === "matchCase") return sort?.matchCase ?? false;
    if (property === "method") return sort?.method ?? "PinYin";
    throw new FakeExcelError("PropertyNotFound", `TableSort has no property '${property}'.`);
  }
}

/** Reorders whole data rows of the table (all its columns), as Excel's sort does; blanks go last. */
export function sortRows(
  state: WorkbookState,
  table: TableState,
  fields: readonly SortField[],
  matchCase: boolean
): void {
  const sheet = state.sheets.get(table.sheet)!;
  const first = table.headerRow + 1;
  const rows: CellState[][] = [];
  for (let r = 0; r < table.rowCount; r++)
    rows.push(table.columns.map((_, c) => getCell(sheet, first + r, table.firstColumn + c)));
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const field of fields) {
        const cmp = compareCells(a.row[field.key], b.row[field.key], matchCase);
        if (cmp !== 0)
          return field.ascending === false && Math.abs(cmp) !== BLANK_LAST ? -cmp : cmp;
      }
      return a.index - b.index;
    });
  order.forEach(({ row, index }, r) => {
    if (index === r) return;
    row.forEach((cell, c) => setCell(sheet, first + r, table.firstColumn + c, { ...cell }));
  });
}

const BLANK_LAST = 2;

function compareCells(a: CellState, b: CellState, matchCase: boolean): number {
  if (a.value === null || b.value === null)
    return a.value === b.value ? 0 : a.value === null ? BLANK_LAST : -BLANK_LAST;
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a.value) !== rank(b.value)) return rank(a.value) - rank(b.value) < 0 ? -1 : 1;
  if (typeof a.value === "number" && typeof b.value === "number")
    return Math.sign(a.value - b.value);
  const text = (v: unknown) => (matchCase ? String(v) : String(v).toLowerCase());
  const x = text(typeof a.value === "object" ? a.value.error : a.value);
  const y = text(typeof b.value === "object" ? b.value.error : b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}
