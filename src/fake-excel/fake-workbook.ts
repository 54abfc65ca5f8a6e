import { rangesOverlap } from "../engine/range-ref";
import { dayFromYmd, serialFromDay } from "../engine/days";
import { FakeClientObject, FakeCollection } from "./client-object";
import { checkCriteria, criteriaAsRead, type FakeFilterCriteria } from "./filters";
import { FakeTableSort } from "./table-sort";
import { assertWritable, FakeRange, parseArea, usedArea } from "./fake-range";
import { FakeExcelError, type FakeRequestContext } from "./request-context";
import {
  addSheet,
  setCell,
  tableBounds,
  type CellState,
  type SheetState,
  type SelectionChange,
  type TableChange,
  type WorksheetChange,
  type TableState,
  type WorkbookState,
} from "./workbook-state";

export class FakeWorkbook extends FakeClientObject {
  readonly tables: FakeTableCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;

  constructor(context: FakeRequestContext) {
    super(context, "workbook");
    this.tables = new FakeTableCollection(context, "workbook.tables", () => context.state.tables);
    this.worksheets = new FakeWorksheetCollection(context);
    this.functions = new FakeFunctions(context);
  }

  override defaultProps(): string[] {
    return [];
  }

  protected override scalar(property: string): unknown {
    throw new FakeExcelError(
      "PropertyNotFound",
      `Workbook has no property '${property}' in the fake.`
    );
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook.worksheets");
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name);
  }

  /** worksheets.onChanged (ExcelApi 1.9): every change in any sheet's cells, with its source. */
  get onChanged(): {
    add(handler: (event: WorksheetChange) => Promise<void> | void): { remove(): void };
  } {
    const state = this.context.state;
    return {
      add: (handler) => {
        const listener = (event: WorksheetChange) => void handler(event);
        this.command({ onChanged: "add" }, () => void state.sheetListeners.add(listener));
        return {
          remove: () =>
            this.command({ onChanged: "remove" }, () => void state.sheetListeners.delete(listener)),
        };
      },
    };
  }

  /** worksheets.onSelectionChanged (ExcelApi 1.9): a selection moved on any worksheet. */
  get onSelectionChanged(): {
    add(handler: (event: SelectionChange) => Promise<void> | void): { remove(): void };
  } {
    const state = this.context.state;
    return {
      add: (handler) => {
        const listener = (event: SelectionChange) => void handler(event);
        this.command(
          { onSelectionChanged: "add" },
          () => void state.selectionListeners.add(listener)
        );
        return {
          remove: () =>
            this.command(
              { onSelectionChanged: "remove" },
              () => void state.selectionListeners.delete(listener)
            ),
        };
      },
    };
  }

  add(name: string): FakeWorksheet {
    this.command({ add: name }, () => {
      if (
        [...this.context.state.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())
      ) {
        throw new FakeExcelError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
      }
      addSheet(this.context.state, name);
    });
    return new FakeWorksheet(this.context, name);
  }

  protected override currentItems(): FakeWorksheet[] {
    return [...this.context.state.sheets.keys()].map(
      (name) => new FakeWorksheet(this.context, name)
    );
  }
}

export class FakeWorksheet extends FakeClientObject {
  readonly protection: FakeWorksheetProtection;

  constructor(
    context: FakeRequestContext,
    private readonly sheetName: string
  ) {
    super(context, `worksheet(${sheetName})`);
    this.protection = new FakeWorksheetProtection(context, this.path, () => this.sheet());
  }

  get name(): string {
    return this.get("name");
  }

  /** The fake's worksheet id is its name, as its change events say. */
  get id(): string {
    return this.get("id");
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(
      this.context,
      `${this.path}.tables`,
      () => this.context.state.tables.filter((t) => t.sheet === this.sheet().name),
      () => this.sheet()
    );
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange(${address})`, () => {
      const area = parseArea(this.sheet(), address);
      if (area === null)
        throw new FakeExcelError("InvalidArgument", `"${address}" is not a range address.`);
      return area;
    });
  }

  /** The sheet's used range, from its cells (Worksheet.getUsedRangeOrNullObject, ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.sheet();
        return usedArea(sheet, cellsOfSheet(sheet), valuesOnly);
      }
    );
  }

  activate(): void {
    this.command({ activate: true }, () => {
      this.context.state.activeSheet = this.sheet().name;
    });
  }

  sheet(): SheetState {
    const sheet = this.context.state.sheets.get(this.sheetName);
    if (sheet === undefined)
      throw new FakeExcelError("ItemNotFound", `The worksheet ${this.sheetName} does not exist.`);
    return sheet;
  }

  override defaultProps(): string[] {
    return ["name"];
  }

  protected override scalar(property: string): unknown {
    if (property === "name" || property === "id") return this.sheet().name;
    throw new FakeExcelError(
      "PropertyNotFound",
      `Worksheet has no property '${property}' in the fake.`
    );
  }

  protected override navigation(property: string): FakeClientObject | undefined {
    return property === "protection" ? this.protection : undefined;
  }
}

class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    parentPath: string,
    private readonly sheet: () => SheetState
  ) {
    super(context, `${parentPath}.protection`);
  }

  get protected(): boolean {
    return this.get("protected");
  }

  override defaultProps(): string[] {
    return ["protected"];
  }

  protected override scalar(property: string): unknown {
    if (property === "protected") return this.sheet().protected;
    throw new FakeExcelError("PropertyNotFound", `Protection has no property '${property}'.`);
  }
}

const lastTableIds = new WeakMap<WorkbookState, number>();

/** Table ids are handed out when the add is queued, so that proxies made in one batch stay distinct. */
function reserveTableId(state: WorkbookState): number {
  const id = Math.max(lastTableIds.get(state) ?? 0, ...state.tables.map((t) => t.id)) + 1;
  lastTableIds.set(state, id);
  return id;
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly list: () => TableState[],
    private readonly sheet: (() => SheetState) | null = null
  ) {
    super(context, path);
  }

  /** tables.onChanged (ExcelApi 1.7): the handler hears every change in a table's cells, with its source. */
  get onChanged(): {
    add(handler: (event: TableChange) => Promise<void> | void): { remove(): void };
  } {
    const state = this.context.state;
    return {
      add: (handler) => {
        const listener = (event: TableChange) => void handler(event);
        this.command({ onChanged: "add" }, () => void state.tableListeners.add(listener));
        return {
          remove: () =>
            this.command({ onChanged: "remove" }, () => void state.tableListeners.delete(listener)),
        };
      },
    };
  }

  /** A table over `address` of this collection's sheet; with headers, its first row names the columns. */
  add(address: string, hasHeaders: boolean): FakeTable {
    const state = this.context.state;
    const id = reserveTableId(state);
    this.command({ add: address, hasHeaders }, () => {
      if (this.sheet === null)
        throw new FakeExcelError(
          "NotImplemented",
          "The fake adds tables through a worksheet's collection."
        );
      const sheet = this.sheet();
      assertWritable(sheet);
      const area = parseArea(sheet, address);
      if (area === null || !hasHeaders) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The fake adds tables with headers over an address (${address}).`
        );
      }
      const wanted = {
        firstRow: area.row,
        lastRow: area.row + area.rows - 1,
        firstColumn: area.col,
        lastColumn: area.col + area.cols - 1,
      };
      // Excel refuses a table over another one with InvalidArgument, "A table can't overlap
      // another table" (office-js #1199); over merged cells it refuses the same way, as its
      // Format as Table does ("A table can't overlap a range that contains merged cells").
      if (state.tables.some((t) => t.sheet === sheet.name && rangesOverlap(tableBounds(t), wanted)))
        throw new FakeExcelError("InvalidArgument", "A table can't overlap another table.");
      if (
        (sheet.merges ?? []).some((m) => {
          const merge = parseArea(sheet, m)!;
          return rangesOverlap(wanted, {
            firstRow: merge.row,
            lastRow: merge.row + merge.rows - 1,
            firstColumn: merge.col,
            lastColumn: merge.col + merge.cols - 1,
          });
        })
      )
        throw new FakeExcelError(
          "InvalidArgument",
          "A table can't overlap a range that contains merged cells."
        );
      const columns = Array.from({ length: area.cols }, (_, c) => {
        const value = sheet.cells.get(`${area.row}:${area.col + c}`)?.value;
        return typeof value === "string" && value !== "" ? value : `Column${c + 1}`;
      });
      state.tables.push({
        id,
        name: `Table${id}`,
        sheet: sheet.name,
        headerRow: area.row,
        firstColumn: area.col,
        columns,
        rowCount: area.rows - 1,
        showTotals: false,
        filters: new Map(),
      });
    });
    return new FakeTable(
      this.context,
      `table#${id}`,
      () => state.tables.find((t) => t.id === id) ?? null
    );
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.context, `${this.path}.getItem(${name})`, () => {
      const table = this.list().find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table === undefined)
        throw new FakeExcelError("ItemNotFound", `The table ${name} does not exist.`);
      return table;
    });
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, `${this.path}.getItemOrNullObject(${name})`, () => {
      return this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
    });
  }

  protected override currentItems(): FakeTable[] {
    return this.list().map((table) => {
      const id = table.id;
      return new FakeTable(
        this.context,
        `table#${id}`,
        () => this.context.state.tables.find((t) => t.id === id) ?? null
      );
    });
  }
}

export class FakeTable extends FakeClientObject {
  readonly columns: FakeTableColumnCollection;
  readonly sort: FakeTableSort;
  private worksheetProxy: FakeWorksheet | null = null;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => TableState | null
  ) {
    super(context, path);
    this.columns = new FakeTableColumnCollection(context, `${path}.columns`, () => this.table());
    this.sort = new FakeTableSort(context, `${path}.sort`, () => this.table());
  }

  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.command({ set: "name", value: name }, () => {
      const table = this.table();
      if (
        this.context.state.tables.some(
          (t) => t !== table && t.name.toLowerCase() === name.toLowerCase()
        )
      ) {
        throw new FakeExcelError("InvalidArgument", `A table named ${name} already exists.`);
      }
      table.name = name;
    });
  }

  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  get id(): string {
    return this.get("id");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }

  get worksheet(): FakeWorksheet {
    // Resolved through the table, so it follows the table wherever the batch finds it.
    this.worksheetProxy ??= new FakeWorksheetOfTable(this.context, this.path, () => this.table());
    return this.worksheetProxy;
  }

  /** Table.convertToRange (ExcelApi 1.2): the table goes, its cells stay as they are. */
  convertToRange(): void {
    this.command({ convertToRange: true }, () => {
      const table = this.table();
      assertWritable(this.sheetOf(table));
      this.context.state.tables = this.context.state.tables.filter((t) => t !== table);
    });
  }

  getRange(): FakeRange {
    return this.range("getRange()", (t) => {
      const b = tableBounds(t);
      return { row: b.firstRow, rows: b.lastRow - b.firstRow + 1 };
    });
  }

  /**
   * A table without its header row has no header range: VBA's ListObject.HeaderRowRange is
   * Nothing then (learn.microsoft.com); that Office.js fails the whole batch is assumed, as it
   * has no getHeaderRowRangeOrNullObject.
   */
  getHeaderRowRange(): FakeRange {
    return this.range("getHeaderRowRange()", (t) => {
      if (t.showHeaders === false)
        throw new FakeExcelError("ItemNotFound", `Table ${t.name} has no header row.`);
      return { row: t.headerRow, rows: 1 };
    });
  }

  /** Excel shows a header-only table with one empty data row; its body is that row. */
  getDataBodyRange(): FakeRange {
    return this.range("getDataBodyRange()", (t) => ({
      row: t.headerRow + 1,
      rows: Math.max(1, t.rowCount),
    }));
  }

  /**
   * Table.clearFilters is the Clear button of Data > Sort & Filter (office-js
   * #3086), which clears the filter *and the sort* state. A filter applied
   * afterwards can no longer be loaded (office-js #3030).
   */
  clearFilters(): void {
    this.command({ clearFilters: true }, () => {
      const table = this.table();
      assertWritable(this.sheetOf(table));
      table.filters.clear();
      delete table.sort;
      clearedByClearFilters.add(table);
    });
  }

  table(): TableState {
    const table = this.resolve();
    if (table === null) throw new FakeExcelError("ItemNotFound", "The table does not exist.");
    return table;
  }

  sheetOf(table: TableState): SheetState {
    return this.context.state.sheets.get(table.sheet)!;
  }

  override defaultProps(): string[] {
    return ["name", "showHeaders", "showTotals"];
  }

  protected override nullable(): boolean {
    return true;
  }

  protected override scalar(property: string): unknown {
    const table = this.resolve();
    if (property === "isNullObject") return table === null;
    if (table === null) return null;
    switch (property) {
      case "id":
        return String(table.id);
      case "name":
        return table.name;
      case "showHeaders":
        return table.showHeaders !== false;
      case "showTotals":
        return table.showTotals;
      default:
        throw new FakeExcelError(
          "PropertyNotFound",
          `Table has no property '${property}' in the fake.`
        );
    }
  }

  protected override navigation(property: string): FakeClientObject | undefined {
    if (property === "worksheet") return this.worksheet;
    if (property === "columns") return this.columns;
    if (property === "sort") return this.sort;
    return undefined;
  }

  private range(
    step: string,
    rows: (table: TableState) => { row: number; rows: number }
  ): FakeRange {
    return new FakeRange(this.context, `${this.path}.${step}`, () => {
      const table = this.table();
      const { row, rows: count } = rows(table);
      return {
        sheet: this.sheetOf(table),
        row,
        col: table.firstColumn,
        rows: count,
        cols: table.columns.length,
      };
    });
  }
}

class FakeWorksheetOfTable extends FakeWorksheet {
  constructor(
    context: FakeRequestContext,
    tablePath: string,
    private readonly table: () => TableState
  ) {
    super(context, `${tablePath}.worksheet`);
  }

  override sheet(): SheetState {
    return this.context.state.sheets.get(this.table().sheet)!;
  }
}

export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly table: () => TableState
  ) {
    super(context, path);
  }

  /**
   * Appends a column (index null). Like Excel, it inserts cells into the
   * table's rows, shifting whatever stands to the right of the table.
   */
  add(
    index: number | null | undefined,
    values: unknown[][] | null | undefined,
    name: string
  ): FakeTableColumn {
    this.command({ add: { index, name, values } }, () => {
      const table = this.table();
      const sheet = this.context.state.sheets.get(table.sheet)!;
      assertWritable(sheet);
      if (index !== null && index !== undefined)
        throw new FakeExcelError("NotImplemented", "The fake appends columns only.");
      if (values !== null && values !== undefined)
        throw new FakeExcelError("NotImplemented", "The fake adds empty columns only.");
      if (this.byName(name) !== null) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The table already has a column named ${name}.`
        );
      }
      const bounds = tableBounds(table);
      const newCol = bounds.lastColumn + 1;
      const lastCol = lastUsedColumn(sheet);
      for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
        shiftRight(sheet, row, newCol, lastCol);
      table.columns.push(name);
      setCell(sheet, table.headerRow, newCol, { value: name, numberFormat: "General" });
    });
    return new FakeTableColumn(this.context, `${this.path}.getItem(${name})`, () =>
      this.byName(name)
    );
  }

  getItem(name: string): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this.path}.getItem(${name})`, () => {
      const column = this.byName(name);
      if (column === null)
        throw new FakeExcelError("ItemNotFound", `The table has no column ${name}.`);
      return column;
    });
  }

  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this.path}.getItemAt(${index})`, () => {
      const table = this.table();
      if (index < 0 || index >= table.columns.length)
        throw new FakeExcelError("ItemNotFound", `The table has no column ${index}.`);
      return { table, index };
    });
  }

  getItemOrNullObject(name: string): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this.path}.getItemOrNullObject(${name})`, () =>
      this.byName(name)
    );
  }

  /** Column names compare case-insensitively, as in Excel. */
  private byName(name: string): { table: TableState; index: number } | null {
    const table = this.table();
    const index = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    return index < 0 ? null : { table, index };
  }

  protected override currentItems(): FakeTableColumn[] {
    const table = this.table();
    return table.columns.map(
      (_, index) =>
        new FakeTableColumn(this.context, `${this.path}.items[${index}]`, () => ({
          table: this.table(),
          index,
        }))
    );
  }
}

/** Moves every cell of `row` from `fromCol` on one column to the right. */
function shiftRight(sheet: SheetState, row: number, fromCol: number, lastCol: number): void {
  for (let col = lastCol; col >= fromCol; col--) {
    const cell = sheet.cells.at(row, col);
    if (cell === undefined) continue;
    sheet.cells.put(row, col + 1, cell);
    sheet.cells.remove(row, col);
  }
}

function lastUsedColumn(sheet: SheetState): number {
  return sheet.cells.lastColumn();
}

export class FakeTableColumn extends FakeClientObject {
  readonly filter: FakeFilter;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => { table: TableState; index: number } | null
  ) {
    super(context, path);
    this.filter = new FakeFilter(context, `${path}.filter`, () => this.column());
  }

  get name(): string {
    return this.get("name");
  }
  get index(): number {
    return this.get("index");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getDataBodyRange()`, () => {
      const { table, index } = this.column();
      return {
        sheet: this.context.state.sheets.get(table.sheet)!,
        row: table.headerRow + 1,
        col: table.firstColumn + index,
        rows: Math.max(1, table.rowCount),
        cols: 1,
      };
    });
  }

  column(): { table: TableState; index: number } {
    const column = this.resolve();
    if (column === null)
      throw new FakeExcelError("ItemNotFound", "The table column does not exist.");
    return column;
  }

  override defaultProps(): string[] {
    return ["name", "index"];
  }

  protected override nullable(): boolean {
    return true;
  }

  protected override scalar(property: string): unknown {
    const column = this.resolve();
    if (property === "isNullObject") return column === null;
    if (column === null) return null;
    if (property === "name") return column.table.columns[column.index];
    if (property === "index") return column.index;
    throw new FakeExcelError(
      "PropertyNotFound",
      `TableColumn has no property '${property}' in the fake.`
    );
  }

  protected override navigation(property: string): FakeClientObject | undefined {
    return property === "filter" ? this.filter : undefined;
  }
}

/** Tables whose filters `clearFilters` removed, for office-js #3030. */
const clearedByClearFilters = new WeakSet<TableState>();

/** A table column's filter (Excel.Filter): every kind of criteria, see filters.ts. */
export class FakeFilter extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly column: () => { table: TableState; index: number }
  ) {
    super(context, path);
  }

  get criteria(): FakeFilterCriteria | null {
    return this.get("criteria");
  }

  apply(criteria: FakeFilterCriteria): void {
    this.command({ apply: criteria }, () => {
      const { table, index } = this.column();
      assertWritable(this.context.state.sheets.get(table.sheet)!);
      table.filters.set(index, {
        criteria: checkCriteria(criteria),
        unreadable: clearedByClearFilters.has(table),
      });
    });
  }

  clear(): void {
    this.command({ clear: true }, () => {
      const { table, index } = this.column();
      assertWritable(this.context.state.sheets.get(table.sheet)!);
      table.filters.delete(index);
    });
  }

  override defaultProps(): string[] {
    return ["criteria"];
  }

  protected override scalar(property: string): unknown {
    if (property !== "criteria")
      throw new FakeExcelError("PropertyNotFound", `Filter has no property '${property}'.`);
    const { table, index } = this.column();
    const filter = table.filters.get(index);
    if (filter?.unreadable)
      throw new FakeExcelError("GeneralException", "An internal error has occurred.");
    return filter === undefined ? null : criteriaAsRead(filter.criteria);
  }
}

/** `workbook.functions.date(y, m, d)`: the serial number of a date in the workbook's date system. */
export class FakeFunctions {
  constructor(private readonly context: FakeRequestContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, `functions.date(${year},${month},${day})`, () => {
      const days = dayFromYmd(year, month, day);
      const system = this.context.state.dateSystem;
      if (days === null) return { value: null, error: "#NUM!" };
      const serial = serialFromDay(days, system);
      return serial < (system === 1904 ? 0 : 1)
        ? { value: null, error: "#NUM!" }
        : { value: serial, error: null };
    });
  }
}

export class FakeFunctionResult extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly compute: () => { value: number | null; error: string | null }
  ) {
    super(context, path);
  }

  get value(): number {
    return this.get("value");
  }
  get error(): string | null {
    return this.get("error");
  }

  override defaultProps(): string[] {
    return ["value", "error"];
  }

  protected override scalar(property: string): unknown {
    if (property === "value") return this.compute().value;
    if (property === "error") return this.compute().error;
    throw new FakeExcelError("PropertyNotFound", `FunctionResult has no property '${property}'.`);
  }
}

/** Each cell a sheet holds, with its row and column. */
function* cellsOfSheet(sheet: SheetState): Generator<readonly [number, number, CellState]> {
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(":").map(Number);
    yield [row, col, cell];
  }
}
