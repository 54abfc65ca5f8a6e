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
  cells: Map<string, CellState>;
  conditionalFormats: ConditionalFormatState[];
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

export function getCell(sheet: SheetState, row: number, col: number): CellState {
  return sheet.cells.get(cellKey(row, col)) ?? { value: null, numberFormat: "General" };
}

export function setCell(
  sheet: SheetState,
  row: number,
  col: number,
  cell: Partial<CellState>
): void {
  changedCells.get(sheet)?.push({ sheet: sheet.name, row, col });
  const key = cellKey(row, col);
  const next = { ...getCell(sheet, row, col), ...cell };
  if (
    next.value === null &&
    next.numberFormat === "General" &&
    next.formula === undefined &&
    next.fill === undefined &&
    next.fontColor === undefined &&
    next.icon === undefined
  )
    sheet.cells.delete(key);
  else sheet.cells.set(key, next);
}

export function addSheet(state: WorkbookState, name: string): SheetState {
  const sheet: SheetState = {
    name,
    protected: false,
    cells: new Map(),
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

/** Sheets whose writes are being recorded for change events (see recordChanges). */
const changedCells = new WeakMap<SheetState, { sheet: string; row: number; col: number }[]>();

/** Records the cells `change` writes and raises one TableChanged event per table touched, as Excel does after a batch. */
export function recordChanges(
  state: WorkbookState,
  source: "Local" | "Remote",
  change: () => void
): void {
  const log: { sheet: string; row: number; col: number }[] = [];
  for (const sheet of state.sheets.values()) changedCells.set(sheet, log);
  try {
    change();
  } finally {
    for (const sheet of state.sheets.values()) changedCells.delete(sheet);
  }
  if (log.length === 0 || state.tableListeners.size === 0) return;
  for (const table of state.tables) {
    const bounds = tableBounds(table);
    let minRow = Infinity;
    let maxRow = -Infinity;
    let minCol = Infinity;
    let maxCol = -Infinity;
    for (const c of log) {
      if (
        c.sheet !== table.sheet ||
        c.row < bounds.firstRow ||
        c.row > bounds.lastRow ||
        c.col < bounds.firstColumn ||
        c.col > bounds.lastColumn
      )
        continue;
      minRow = Math.min(minRow, c.row);
      maxRow = Math.max(maxRow, c.row);
      minCol = Math.min(minCol, c.col);
      maxCol = Math.max(maxCol, c.col);
    }
    if (minRow === Infinity) continue;
    const address = formatRangeRef({
      firstColumn: minCol,
      firstRow: minRow,
      lastColumn: maxCol,
      lastRow: maxRow,
    });
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
