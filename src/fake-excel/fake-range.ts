import { sheetCellReference } from "../engine/cell-address";
import { formatRangeRef, parseRangeRef } from "../engine/range-ref";
import { FakeClientObject } from "./client-object";
import { FakeExcelError, type FakeRequestContext } from "./request-context";
import { hiddenRows } from "./filters";
import { localToday } from "../engine/days";
import {
  getCell,
  moveSelection,
  setCell,
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type WorkbookState,
} from "./workbook-state";

/** Where a range is, worked out when the batch runs (a column added earlier in the batch moves things). */
export interface RangeArea {
  readonly sheet: SheetState;
  /** 1-based worksheet row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export type AreaResolver = () => RangeArea | null;

type Grid = unknown[][];

export class FakeRange extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: AreaResolver
  ) {
    super(context, path);
  }

  get address(): string {
    return this.get("address");
  }
  get values(): Grid {
    return this.get("values");
  }
  set values(values: Grid) {
    this.write("values", values);
  }
  get formulas(): Grid {
    return this.get("formulas");
  }
  get valueTypes(): Grid {
    return this.get("valueTypes");
  }
  get numberFormat(): Grid {
    return this.get("numberFormat");
  }
  set numberFormat(formats: Grid) {
    this.write("numberFormat", formats);
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }

  /** `range.dataValidation.rule = …` (ExcelApi 1.8): the fake records the rule. */
  get dataValidation(): { rule: unknown } {
    const set = (rule: unknown) =>
      this.command({ dataValidation: rule }, () => {
        const a = this.area();
        assertWritable(a.sheet);
        a.sheet.dataValidations.push({ address: areaAddress(a, false), rule });
      });
    return {
      set rule(rule: unknown) {
        set(rule);
      },
      get rule(): unknown {
        throw new FakeExcelError(
          "PropertyNotLoaded",
          "Load the data validation before reading it."
        );
      },
    };
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.context, `${this.path}.conditionalFormats`, () =>
      this.area()
    );
  }

  getRow(index: number): FakeRange {
    return this.derive(`getRow(${index})`, (a) => ({ ...a, row: a.row + index, rows: 1 }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive(`getCell(${row},${column})`, (a) => ({
      ...a,
      row: a.row + row,
      col: a.col + column,
      rows: 1,
      cols: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, (a) => ({
      ...a,
      rows: a.rows + deltaRows,
      cols: a.cols + deltaColumns,
    }));
  }

  getLastColumn(): FakeRange {
    return this.derive("getLastColumn()", (a) => ({ ...a, col: a.col + a.cols - 1, cols: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive(`getOffsetRange(${rowOffset},${columnOffset})`, (a) => ({
      ...a,
      row: a.row + rowOffset,
      col: a.col + columnOffset,
    }));
  }

  /** Like getIntersectionOrNullObject, but a missing intersection fails the batch (ItemNotFound). */
  getIntersection(other: FakeRange): FakeRange {
    const within = this.getIntersectionOrNullObject(other);
    return new FakeRange(this.context, `${this.path}.getIntersection(${other.path})`, () => {
      if (within.resolveArea() === null)
        throw new FakeExcelError("ItemNotFound", "The ranges do not intersect.");
      return within.resolveArea();
    });
  }

  resolveArea(): RangeArea | null {
    return this.resolve();
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getIntersectionOrNullObject(${other.path})`,
      () => {
        const a = this.resolve();
        const b = other.resolve();
        if (a === null || b === null || a.sheet !== b.sheet) return null;
        const row = Math.max(a.row, b.row);
        const col = Math.max(a.col, b.col);
        const lastRow = Math.min(a.row + a.rows, b.row + b.rows) - 1;
        const lastCol = Math.min(a.col + a.cols, b.col + b.cols) - 1;
        return lastRow < row || lastCol < col
          ? null
          : { sheet: a.sheet, row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
      }
    );
  }

  /**
   * The merged areas within the range, as Range.getMergedAreasOrNullObject
   * (ExcelApi 1.13) gives them: a RangeAreas whose `address` lists each area
   * with its sheet ("Sheet1!A1:B4, Sheet1!D1:D4", learn.microsoft.com:
   * Excel.RangeAreas.address); a null object when none is.
   */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const a = this.resolve();
      if (a === null) return null;
      const within = (a.sheet.merges ?? []).filter((address) => {
        const m = parseArea(a.sheet, address)!;
        return (
          m.row < a.row + a.rows &&
          a.row < m.row + m.rows &&
          m.col < a.col + a.cols &&
          a.col < m.col + m.cols
        );
      });
      return within.length === 0
        ? null
        : within.map((address) => sheetCellReference(a.sheet.name, address)).join(", ");
    });
  }

  /** The used part of the range (a null object when every cell is empty). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const a = this.resolve();
        if (a === null) return null;
        return usedArea(a.sheet, cellsOfArea(a), valuesOnly);
      }
    );
  }

  select(): void {
    this.command({ select: true }, () => {
      const a = this.area();
      moveSelection(this.context.state, a.sheet.name, areaAddress(a, false));
    });
  }

  override defaultProps(): string[] {
    return [
      "address",
      "values",
      "numberFormat",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
    ];
  }

  protected override nullable(): boolean {
    return true;
  }

  protected override scalar(property: string): unknown {
    const a = this.resolve();
    if (property === "isNullObject") return a === null;
    if (a === null) return null;
    switch (property) {
      case "address":
        return areaAddress(a, true);
      case "rowCount":
        return a.rows;
      case "columnCount":
        return a.cols;
      case "rowIndex":
        return a.row - 1;
      case "columnIndex":
        return a.col;
      case "values":
        return grid(a, (r, c) => displayValue(getCell(a.sheet, r, c).value));
      case "numberFormat":
        return grid(a, (r, c) => getCell(a.sheet, r, c).numberFormat);
      case "formulas":
        // "If a cell has no formula, its value is returned instead" (learn.microsoft.com: Excel.Range.formulas):
        // a formula that yields "" reads "" in values, and only here shows it is not an empty cell.
        return grid(a, (r, c) => {
          const cell = getCell(a.sheet, r, c);
          return cell.formula ?? displayValue(cell.value);
        });
      case "valueTypes":
        return grid(a, (r, c) => valueType(getCell(a.sheet, r, c).value));
      default:
        throw new FakeExcelError("PropertyNotFound", `Range has no property '${property}'.`);
    }
  }

  area(): RangeArea {
    const a = this.resolve();
    if (a === null) throw new FakeExcelError("InvalidArgument", "The range is a null object.");
    return a;
  }

  private derive(step: string, change: (area: RangeArea) => RangeArea): FakeRange {
    return new FakeRange(this.context, `${this.path}.${step}`, () => {
      const a = this.resolve();
      return a === null ? null : change(a);
    });
  }

  private write(property: "values" | "numberFormat", input: Grid): void {
    this.command({ set: property, value: input }, () => {
      const a = this.area();
      assertWritable(a.sheet);
      if (
        !Array.isArray(input) ||
        input.length !== a.rows ||
        input.some((row) => !Array.isArray(row) || row.length !== a.cols)
      ) {
        throw new FakeExcelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      // office-js issue #224: with a filter on, a multi-row write lands in the visible rows only, scrambling the data.
      const hidden = a.rows > 1 ? hiddenRowsUnder(this.context.state, a) : new Set<number>();
      let target = a.row;
      for (let r = 0; r < a.rows; r++) {
        while (hidden.has(target)) target++;
        for (let c = 0; c < a.cols; c++) {
          if (property === "numberFormat")
            setCell(a.sheet, target, a.col + c, { numberFormat: String(input[r][c]) });
          else writeValue(a.sheet, target, a.col + c, input[r][c]);
        }
        target++;
      }
    });
  }
}

function valueType(value: unknown): string {
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

/** Values as Office.js returns them: "" for empty cells, errors as their text. */
function displayValue(value: unknown): unknown {
  if (value === null) return "";
  if (typeof value === "object") return (value as { error: string }).error;
  return value;
}

function writeValue(sheet: SheetState, row: number, col: number, value: unknown): void {
  const current = getCell(sheet, row, col);
  if (value === "" || value === null) {
    setCell(sheet, row, col, { value: null, formula: undefined });
    return;
  }
  if (
    typeof value === "string" &&
    /^[=+\-@]/.test(value) &&
    current.numberFormat !== "@" &&
    value.length > 1
  ) {
    // What Excel does with such text in a cell not formatted as text: it becomes a formula.
    setCell(sheet, row, col, { value: { error: "#NAME?" }, formula: value });
    return;
  }
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    throw new FakeExcelError("InvalidArgument", `Cannot write ${JSON.stringify(value)} to a cell.`);
  }
  setCell(sheet, row, col, { value, formula: undefined });
}

export function assertWritable(sheet: SheetState): void {
  if (sheet.protected) {
    throw new FakeExcelError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`
    );
  }
}

function hiddenRowsUnder(state: WorkbookState, a: RangeArea): Set<number> {
  const hidden = new Set<number>();
  for (const table of state.tables) {
    if (table.sheet !== a.sheet.name) continue;
    for (const row of hiddenRows(table, a.sheet, state.dateSystem, state.today ?? localToday()))
      hidden.add(row);
  }
  return hidden;
}

function grid(a: RangeArea, cell: (row: number, col: number) => unknown): Grid {
  const rows: Grid = [];
  for (let r = 0; r < a.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < a.cols; c++) row.push(cell(a.row + r, a.col + c));
    rows.push(row);
  }
  return rows;
}

export function areaAddress(a: RangeArea, withSheet: boolean): string {
  const local = formatRangeRef({
    firstColumn: a.col,
    firstRow: a.row,
    lastColumn: a.col + a.cols - 1,
    lastRow: a.row + a.rows - 1,
  });
  return withSheet ? sheetCellReference(a.sheet.name, local) : local;
}

/** Each cell of an area with its row and column, blank ones included. */
function* cellsOfArea(a: RangeArea): Generator<readonly [number, number, CellState]> {
  for (let r = a.row; r < a.row + a.rows; r++)
    for (let c = a.col; c < a.col + a.cols; c++) yield [r, c, getCell(a.sheet, r, c)];
}

/**
 * The smallest area holding the used ones of `cells`: a value, or with
 * `valuesOnly` false a format other than General too, as Excel's
 * getUsedRange(valuesOnly) counts them; null when none is used.
 */
export function usedArea(
  sheet: SheetState,
  cells: Iterable<readonly [number, number, CellState]>,
  valuesOnly: boolean
): RangeArea | null {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -Infinity;
  let maxCol = -Infinity;
  for (const [row, col, cell] of cells) {
    if (cell.value === null && (valuesOnly || cell.numberFormat === "General")) continue;
    minRow = Math.min(minRow, row);
    minCol = Math.min(minCol, col);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }
  return minRow === Infinity
    ? null
    : { sheet, row: minRow, col: minCol, rows: maxRow - minRow + 1, cols: maxCol - minCol + 1 };
}

/** `B3:D5` on a sheet → an area; null when the text is not an address. */
export function parseArea(sheet: SheetState, address: string): RangeArea | null {
  const range = parseRangeRef(address.replace(/^.*!/, ""));
  if (range === null) return null;
  return {
    sheet,
    row: range.firstRow,
    col: range.firstColumn,
    rows: range.lastRow - range.firstRow + 1,
    cols: range.lastColumn - range.firstColumn + 1,
  };
}

/** The merged areas of a range, as far as the add-in reads them: their address. */
export class FakeMergedAreas extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly addresses: () => string | null
  ) {
    super(context, path);
  }

  get address(): string {
    return this.get("address");
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }

  override defaultProps(): string[] {
    return ["address"];
  }

  protected override nullable(): boolean {
    return true;
  }

  protected override scalar(property: string): unknown {
    const addresses = this.addresses();
    if (property === "isNullObject") return addresses === null;
    if (property === "address") return addresses;
    throw new FakeExcelError(
      "PropertyNotFound",
      `RangeAreas has no property '${property}' in the fake.`
    );
  }
}

/** Text-comparison conditional formats only: the kind the add-in puts on the check column. */
export class FakeConditionalFormats extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly area: () => RangeArea
  ) {
    super(context, path);
  }

  add(type: string): {
    textComparison: {
      format: { fill: { color: string } };
      rule: { operator: string; text: string };
    };
  } {
    if (type !== "ContainsText")
      throw new FakeExcelError(
        "NotImplemented",
        `The fake supports ContainsText conditional formats, not ${type}.`
      );
    // The entry exists once the add runs; the fill and the rule set after it in the same batch fill it in.
    let entry: ConditionalFormatState | null = null;
    this.command({ add: type }, () => {
      const a = this.area();
      assertWritable(a.sheet);
      entry = { address: areaAddress(a, false), text: "", fill: "" };
      a.sheet.conditionalFormats.push(entry);
    });
    const set = (wire: Record<string, unknown>, apply: (cf: ConditionalFormatState) => void) =>
      this.command(wire, () => {
        if (entry === null)
          throw new FakeExcelError("InvalidArgument", "The conditional format was not created.");
        apply(entry);
      });
    return {
      textComparison: {
        format: {
          fill: {
            set color(color: string) {
              set({ fill: color }, (cf) => (cf.fill = color));
            },
            get color(): string {
              throw new FakeExcelError(
                "PropertyNotLoaded",
                "Load the conditional format before reading it."
              );
            },
          },
        },
        set rule(rule: { operator: string; text: string }) {
          set({ rule }, (cf) => (cf.text = rule.text));
        },
        get rule(): { operator: string; text: string } {
          throw new FakeExcelError(
            "PropertyNotLoaded",
            "Load the conditional format before reading it."
          );
        },
      },
    };
  }

  override defaultProps(): string[] {
    return ["count"];
  }

  protected override scalar(property: string): unknown {
    if (property !== "count")
      throw new FakeExcelError("PropertyNotFound", `No property '${property}'.`);
    const a = this.area();
    return a.sheet.conditionalFormats.filter((cf) => cf.address === areaAddress(a, false)).length;
  }
}
