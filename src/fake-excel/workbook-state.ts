import { formatRangeRef } from "../engine/range-ref";
import type { CellValue, DateSystem } from "../engine/snapshot";
import type { FilterIcon, FilterState } from "./filters";
import type { SortState } from "./table-sort";

/**
 * What the fake Excel holds: sheets of cells, tables over them, filters, and
 * the document settings. Plain data; the request pipeline reads and changes it
 * only when a batch is synced, as Excel does.
 */
export interface CellState {
  value: Exclude<CellValue, null> | null;
  numberFormat: string;
  /**
   * The cell's formula, `value` being its result (`""` for a formula that yields empty
   * text); also set when text written to the cell turned into one, what the add-in must never cause.
   */
  formula?: string;
  /** Fill and font colours and a conditional format's icon, which colour and icon filters look at. */
  fill?: string;
  fontColor?: string;
  icon?: FilterIcon;
}

export interface ConditionalFormatState {
  address: string;
  text: string;
  fill: string;
}

export interface DataValidationState {
  address: string;
  rule: unknown;
}

export interface SheetState {
  name: string;
  protected: boolean;
  dataValidations: DataValidationState[];
  /** Key `row:col` (1-based row, 0-based column). */
  cells: CellMap;
  conditionalFormats: ConditionalFormatState[];
  /** Merged areas, e.g. `A1:F1` (Home > Merge & Center). */
  merges?: string[];
}

export interface TableState {
  id: number;
  name: string;
  sheet: string;
  /** Worksheet row of the header row (1-based). */
  headerRow: number;
  firstColumn: number;
  columns: string[];
  /** Data rows, without header and totals. */
  rowCount: number;
  showTotals: boolean;
  /**
   * False when the header row is turned off (Table Design > Header Row): the table then
   * starts at its first data row, `headerRow` stays the row above it, and the columns keep
   * their names (learn.microsoft.com: Excel.Table.showHeaders).
   */
  showHeaders?: boolean;
  filters: Map<number, FilterState>;
  /** The last sort, as `table.sort` reports it; absent when the table was never sorted. */
  sort?: SortState;
}

/** What Excel.TableChangedEventArgs carries, as far as the add-in reads it. */
export interface TableChange {
  readonly type: "TableChanged";
  readonly changeType: "RangeEdited";
  readonly source: "Local" | "Remote";
  readonly tableId: string;
  readonly worksheetId: string;
  readonly address: string;
}

/** What Excel.WorksheetChangedEventArgs carries, as far as the add-in reads it. */
export interface WorksheetChange {
  readonly type: "WorksheetChanged";
  readonly changeType: "RangeEdited";
  readonly source: "Local" | "Remote";
  /** The fake's worksheet id is its name. */
  readonly worksheetId: string;
  readonly address: string;
}

/** worksheets.onSelectionChanged's argument (ExcelApi 1.9): the address has no sheet name. */
export interface SelectionChange {
  readonly type: "WorksheetSelectionChanged";
  /** The fake's worksheets have no ids: the name stands for it (worksheets.getItem takes either). */
  readonly worksheetId: string;
  readonly address: string;
}

export interface WorkbookState {
  dateSystem: DateSystem;
  /** Handlers of tables.onChanged. */
  tableListeners: Set<(change: TableChange) => void>;
  /** Handlers of worksheets.onChanged (ExcelApi 1.9). */
  sheetListeners: Set<(change: WorksheetChange) => void>;
  /** Handlers of worksheets.onSelectionChanged. */
  selectionListeners: Set<(change: SelectionChange) => void>;
  sheets: Map<string, SheetState>;
  tables: TableState[];
  /** The document settings as saved in the file; each runtime keeps its own copy (see FakeExcelHost). */
  settings: Map<string, unknown>;
  /** Called after every saveAsync with the runtime that saved, so the others can raise SettingsChanged. */
  settingsSaved: Set<(by: object) => void>;
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  /** The day dynamic date filters count from ("Today", "ThisMonth"…); the clock's when absent. */
  today?: number;
}

export function emptyWorkbook(dateSystem: DateSystem = 1900): WorkbookState {
  return {
    dateSystem,
    tableListeners: new Set(),
    sheetListeners: new Set(),
    selectionListeners: new Set(),
    sheets: new Map(),
    tables: [],
    settings: new Map(),
    settingsSaved: new Set(),
    selection: null,
    activeSheet: null,
  };
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/**
 * A sheet's cells as a Map by `row:col` key, stored by row and column number:
 * a Map of a million string keys costs over a microsecond a lookup (a key
 * string built and hashed each time), which made the fake itself, not the
 * simulated round trips, most of the pane bench's time on 100,000 phases.
 */
export class CellMap extends Map<string, CellState> {
  private readonly rows = new Map<number, (CellState | undefined)[]>();
  private count = 0;

  at(row: number, col: number): CellState | undefined {
    return this.rows.get(row)?.[col];
  }

  put(row: number, col: number, cell: CellState): void {
    let cells = this.rows.get(row);
    if (cells === undefined) this.rows.set(row, (cells = []));
    if (cells[col] === undefined) this.count++;
    cells[col] = cell;
  }

  remove(row: number, col: number): boolean {
    const cells = this.rows.get(row);
    if (cells?.[col] === undefined) return false;
    cells[col] = undefined;
    this.count--;
    return true;
  }

  /** The highest row holding a cell, 0 when there is none. */
  lastRow(): number {
    let last = 0;
    for (const [row, cells] of this.rows)
      if (row > last && cells.some((cell) => cell !== undefined)) last = row;
    return last;
  }

  /** The highest column holding a cell, -1 when there is none. */
  lastColumn(): number {
    let last = -1;
    for (const cells of this.rows.values())
      for (let col = cells.length - 1; col > last; col--) if (cells[col] !== undefined) last = col;
    return last;
  }

  override get(key: string): CellState | undefined {
    const [row, col] = parseKey(key);
    return this.at(row, col);
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override set(key: string, cell: CellState): this {
    const [row, col] = parseKey(key);
    this.put(row, col, cell);
    return this;
  }

  override delete(key: string): boolean {
    const [row, col] = parseKey(key);
    return this.remove(row, col);
  }

  override clear(): void {
    this.rows.clear();
    this.count = 0;
  }

  override get size(): number {
    return this.count;
  }

  override *entries(): MapIterator<[string, CellState]> {
    for (const [row, cells] of this.rows)
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        if (cell !== undefined) yield [cellKey(row, col), cell];
      }
  }

  override *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<CellState> {
    for (const [, cell] of this.entries()) yield cell;
  }

  override [Symbol.iterator](): MapIterator<[string, CellState]> {
    return this.entries();
  }

  override forEach(
    callback: (cell: CellState, key: string, map: Map<string, CellState>) => void,
    thisArg?: unknown
  ): void {
    for (const [key, cell] of this.entries()) callback.call(thisArg, cell, key, this);
  }
}

function parseKey(key: string): [number, number] {
  const colon = key.indexOf(":");
  return [Number(key.slice(0, colon)), Number(key.slice(colon + 1))];
}

export function getCell(sheet: SheetState, row: number, col: number): CellState {
  return sheet.cells.at(row, col) ?? { value: null, numberFormat: "General" };
}

export function setCell(
  sheet: SheetState,
  row: number,
  col: number,
  cell: Partial<CellState>
): void {
  changedCells.get(sheet)?.push(row, col);
  const next = { ...getCell(sheet, row, col), ...cell };
  if (
    next.value === null &&
    next.numberFormat === "General" &&
    next.formula === undefined &&
    next.fill === undefined &&
    next.fontColor === undefined &&
    next.icon === undefined
  )
    sheet.cells.remove(row, col);
  else sheet.cells.put(row, col, next);
}

export function addSheet(state: WorkbookState, name: string): SheetState {
  const sheet: SheetState = {
    name,
    protected: false,
    cells: new CellMap(),
    conditionalFormats: [],
    dataValidations: [],
  };
  state.sheets.set(name, sheet);
  state.activeSheet ??= name;
  return sheet;
}

/** The table's whole range: header, data rows and totals row. */
export function tableBounds(table: TableState): {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
} {
  return {
    firstRow: table.showHeaders === false ? table.headerRow + 1 : table.headerRow,
    lastRow: table.headerRow + table.rowCount + (table.showTotals ? 1 : 0),
    firstColumn: table.firstColumn,
    lastColumn: table.firstColumn + table.columns.length - 1,
  };
}

/**
 * Sheets whose writes are being recorded for change events (see recordChanges): row, column,
 * row, column… flat, as a status write records a million cells.
 */
const changedCells = new WeakMap<SheetState, number[]>();

/** Records the cells `change` writes and raises one TableChanged event per table touched, as Excel does after a batch. */
export function recordChanges(
  state: WorkbookState,
  source: "Local" | "Remote",
  change: () => void
): void {
  const logs = new Map<string, number[]>();
  for (const sheet of state.sheets.values()) {
    const log: number[] = [];
    logs.set(sheet.name, log);
    changedCells.set(sheet, log);
  }
  try {
    change();
  } finally {
    for (const sheet of state.sheets.values()) changedCells.delete(sheet);
  }
  // Worksheet events first, one per sheet written, over the cells written: a plain range has no table event.
  if (state.sheetListeners.size > 0) {
    for (const [sheet, log] of logs) {
      const bounds = writtenBounds(log, null);
      if (bounds === null) continue;
      const event: WorksheetChange = {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source,
        worksheetId: sheet,
        address: formatRangeRef(bounds),
      };
      for (const listener of state.sheetListeners) listener(event);
    }
  }
  if (state.tableListeners.size === 0) return;
  for (const table of state.tables) {
    const bounds = writtenBounds(logs.get(table.sheet) ?? [], tableBounds(table));
    if (bounds === null) continue;
    const address = formatRangeRef(bounds);
    const event: TableChange = {
      type: "TableChanged",
      changeType: "RangeEdited",
      source,
      tableId: String(table.id),
      worksheetId: table.sheet,
      address,
    };
    for (const listener of state.tableListeners) listener(event);
  }
}

/** The smallest range holding every cell of a flat row/column log, within `limits` when given; null when none. */
function writtenBounds(
  log: readonly number[],
  limits: ReturnType<typeof tableBounds> | null
): ReturnType<typeof tableBounds> | null {
  let firstRow = Infinity;
  let lastRow = -Infinity;
  let firstColumn = Infinity;
  let lastColumn = -Infinity;
  for (let i = 0; i < log.length; i += 2) {
    const row = log[i];
    const col = log[i + 1];
    if (
      limits !== null &&
      (row < limits.firstRow ||
        row > limits.lastRow ||
        col < limits.firstColumn ||
        col > limits.lastColumn)
    )
      continue;
    firstRow = Math.min(firstRow, row);
    lastRow = Math.max(lastRow, row);
    firstColumn = Math.min(firstColumn, col);
    lastColumn = Math.max(lastColumn, col);
  }
  return firstRow === Infinity ? null : { firstRow, lastRow, firstColumn, lastColumn };
}

/**
 * Moves the selection, as the user's click or `Range.select()` does, and
 * raises onSelectionChanged when it moved. Excel raises it for a programmatic
 * select() too (desktop even when the address is unchanged, the web only when
 * it changed: OfficeDev/office-js#4691); the fake models the common case, a
 * change. Handlers run after the batch, as Excel's events arrive afterwards.
 */
export function moveSelection(state: WorkbookState, sheet: string, address: string): void {
  const before = state.selection;
  state.activeSheet = sheet;
  state.selection = { sheet, address };
  if (before?.sheet === sheet && before.address === address) return;
  const event: SelectionChange = { type: "WorksheetSelectionChanged", worksheetId: sheet, address };
  for (const listener of state.selectionListeners) setTimeout(() => listener(event), 0);
}
