import type { PlanValue, TablePlan, WritePlan } from "../../engine/plan/write-plan";
import { columnLetters } from "../../engine/cell-address";
import {
  formatRangeRef,
  parseRangeRef,
  rangesOverlap,
  type RangeRef,
} from "../../engine/range-ref";
import { partXml } from "./part-xml";
import type { XlsxTable, XlsxWorkbook } from "./read-workbook";
import { PartDeflater } from "./part-deflater";
import {
  forEachCell,
  locateSheetData,
  MAX_COLUMN,
  scanRows,
  type CellTag,
  type RowSpan,
  type SheetData,
} from "./sheet-xml";
import { StyleEditor } from "./styles";
import {
  encodeOoxmlText,
  escapeXml,
  findElement,
  findElements,
  setAttribute,
  tagEnd,
  XmlError,
} from "./xml";
import { WorkbookReadError } from "./xlsx-package";
import type { OutgoingEntry } from "./zip-archive";
import { deflateEntry } from "./zip-deflate";
import type { SkipReason } from "../../i18n/reason-codes";

/** A table the plan could not be applied to, left exactly as it was. */
export interface SkippedTable {
  readonly table: string;
  readonly sheet: string;
  readonly reason: SkipReason;
  /** The cells that are in the way, e.g. `I1:L3`. */
  readonly range: string;
}

export interface WriteOutcome {
  /** The new file, or null when nothing changed (the plan was empty or every table was skipped). */
  readonly bytes: Uint8Array | null;
  readonly skipped: readonly SkippedTable[];
}

/** What the plan does to one cell: a new value, a new number format, or both. */
interface CellEdit {
  readonly col: number;
  value?: PlanValue;
  format?: string;
}

/**
 * Applies a WritePlan to the package by splicing the sheet, table and styles
 * XML: only status cells change, every other byte of every part stays as it
 * was, and every other part keeps its original compressed bytes. A sheet is
 * written straight into its compressor, a row at a time.
 */
export function applyWritePlan(workbook: XlsxWorkbook, plan: WritePlan): WriteOutcome {
  const skipped: SkippedTable[] = [];
  const { pkg, stylesPath } = workbook;
  const styles =
    stylesPath === null
      ? null
      : editingPart(stylesPath, () => new StyleEditor(requiredPart(partXml(pkg, stylesPath))));
  const written = new Map<string, OutgoingEntry>();

  const bySheet = new Map<string, { table: XlsxTable; plan: TablePlan }[]>();
  for (const tablePlan of plan.tables) {
    const table =
      tablePlan.plain === true
        ? plainRange(workbook, tablePlan)
        : workbook.tables.find((t) => t.name === tablePlan.table && t.sheet === tablePlan.sheet);
    if (table === undefined) throw new Error(`table ${tablePlan.table} is not in the workbook`);
    const list = bySheet.get(table.sheetPath) ?? [];
    list.push({ table, plan: tablePlan });
    bySheet.set(table.sheetPath, list);
  }

  for (const [sheetPath, entries] of bySheet) {
    const sheet = editingPart(
      sheetPath,
      () => new SheetEditor(requiredPart(workbook.sheetXml.get(sheetPath) ?? null))
    );
    const sheetTables = workbook.tables.filter((t) => t.sheetPath === sheetPath);
    for (const { table, plan: tablePlan } of entries) {
      const added = tablePlan.columns.filter((c) => c.existingIndex === null).length;
      if (added > 0) {
        const blocked = editingPart(sheetPath, () =>
          sheet.blockerForNewColumns(table, added, sheetTables)
        );
        if (blocked !== null) {
          skipped.push({ table: table.name, sheet: table.sheet, ...blocked });
          continue;
        }
      }
      editingPart(sheetPath, () => sheet.addTableEdits(table, tablePlan, styles));
      // A plain range has no table part: its cells are all there is.
      if (tablePlan.plain === true) continue;
      const tableXml = editingPart(table.tablePath, () =>
        editTableXml(requiredPart(partXml(pkg, table.tablePath)), table, tablePlan)
      );
      written.set(table.tablePath, compressText(table.tablePath, tableXml));
    }
    if (sheet.hasEdits)
      written.set(
        sheetPath,
        editingPart(sheetPath, () => sheet.write(sheetPath, styles))
      );
  }
  if (written.size === 0) return { bytes: null, skipped };
  if (styles !== null && styles.changed)
    written.set(stylesPath!, compressText(stylesPath!, styles.toXml()));
  return { bytes: pkg.copyWith(written), skipped };
}

/**
 * A plain range as the writer sees a table: its header row, its data rows
 * and nothing below them, and no table part. Undefined when its sheet was
 * not read for plain ranges.
 */
function plainRange(workbook: XlsxWorkbook, plan: TablePlan): XlsxTable | undefined {
  const sheetPath = workbook.plainSheets.get(plan.sheet);
  if (sheetPath === undefined) return undefined;
  return {
    name: plan.table,
    sheet: plan.sheet,
    sheetPath,
    tablePath: "",
    ref: {
      firstColumn: plan.firstColumn,
      lastColumn: plan.firstColumn + plan.columnCount - 1,
      firstRow: plan.headerRow,
      lastRow: plan.headerRow + plan.rowCount,
    },
    headerRowCount: 1,
    totalsRowCount: 0,
    columns: [],
  };
}

/**
 * Runs one part's edit. The writer reads more of a part than the reader did
 * (every row of a sheet, the table's column list, the styles' formats), so XML
 * it cannot follow is found here: the part is damaged, and the copy is refused
 * with the reader's reason, naming the part.
 */
function editingPart<T>(path: string, edit: () => T): T {
  try {
    return edit();
  } catch (error) {
    if (error instanceof XmlError) throw new WorkbookReadError(error.fault, path, error.message);
    throw error;
  }
}

function requiredPart(xml: string | null): string {
  if (xml === null) throw new XmlError("the part is missing");
  return xml;
}

function compressText(path: string, text: string): OutgoingEntry {
  return deflateEntry(path, new TextEncoder().encode(text));
}

/**
 * One kind of edit to one column, row by row in ascending order, read
 * straight from the plan's arrays: the editor never holds an object per
 * edited cell (a plan can edit a million of them).
 */
interface EditStream {
  readonly col: number;
  /** Worksheet row of `rows[i]` is `base + rows[i]`. */
  readonly base: number;
  readonly rows: ArrayLike<number>;
  /** The value of each row; absent for a stream of formats. */
  readonly values: readonly PlanValue[] | null;
  readonly format: string | null;
  at: number;
}

class SheetEditor {
  private readonly data: SheetData;
  private readonly streams: EditStream[] = [];
  private extraColumns = -1;

  constructor(private readonly xml: string) {
    this.data = locateSheetData(xml);
  }

  get hasEdits(): boolean {
    return this.streams.some((stream) => stream.rows.length > 0);
  }

  /** Why the table cannot grow `count` columns to the right, or null when it can. */
  blockerForNewColumns(
    table: XlsxTable,
    count: number,
    sheetTables: readonly XlsxTable[]
  ): Omit<SkippedTable, "table" | "sheet"> | null {
    const area: RangeRef = {
      firstColumn: table.ref.lastColumn + 1,
      lastColumn: table.ref.lastColumn + count,
      firstRow: table.ref.firstRow,
      lastRow: table.ref.lastRow,
    };
    const range = formatRangeRef(area);
    if (area.lastColumn > MAX_COLUMN) return { reason: "sheet-full", range };
    if (sheetTables.some((other) => other !== table && rangesOverlap(other.ref, area))) {
      return { reason: "overlaps-table", range };
    }
    // <mergeCells> follows <sheetData>: no need to walk through every cell to find it.
    const merges = findElements(this.xml, "mergeCell", this.data.innerEnd).map((m) =>
      parseRangeRef(m.attrs.ref ?? "")
    );
    if (merges.some((m) => m !== null && rangesOverlap(m, area)))
      return { reason: "merged-cells", range };
    let occupied = false;
    scanRows(this.xml, this.data, (row) => {
      if (occupied || row.row < area.firstRow || row.row > area.lastRow) return;
      forEachCell(this.xml, row, this.data.prefix, (cell) => {
        if (
          cell.col >= area.firstColumn &&
          cell.col <= area.lastColumn &&
          cell.openEnd !== cell.end
        )
          occupied = true;
      });
    });
    return occupied ? { reason: "occupied", range } : null;
  }

  addTableEdits(table: XlsxTable, plan: TablePlan, styles: StyleEditor | null): void {
    let next = table.ref.lastColumn + 1;
    const firstDataRow = table.ref.firstRow + table.headerRowCount;
    const add = (stream: Omit<EditStream, "at">) => {
      if (stream.rows.length > 0) this.streams.push({ ...stream, at: 0 });
    };
    for (const column of plan.columns) {
      const col =
        column.existingIndex === null ? next++ : table.ref.firstColumn + column.existingIndex;
      if (table.headerRowCount > 0 && (column.existingIndex === null || column.rename)) {
        add({ col, base: table.ref.firstRow, rows: [0], values: [column.header], format: null });
      }
      add({
        col,
        base: firstDataRow,
        rows: column.writeRows,
        values: column.writeValues,
        format: null,
      });
      if (column.numberFormat !== null && styles !== null)
        add({
          col,
          base: firstDataRow,
          rows: column.formatRows,
          values: null,
          format: column.numberFormat,
        });
    }
    this.extraColumns = Math.max(this.extraColumns, next - 1);
  }

  /** The first worksheet row some stream still has to edit, or Infinity. */
  private nextEditedRow(): number {
    let row = Infinity;
    for (const s of this.streams)
      if (s.at < s.rows.length) row = Math.min(row, s.base + s.rows[s.at]);
    return row;
  }

  /** The edits of `row` (the next edited row), taken off the streams. */
  private takeEdits(row: number): CellEdit[] {
    const edits: CellEdit[] = [];
    for (const s of this.streams) {
      if (s.at >= s.rows.length || s.base + s.rows[s.at] !== row) continue;
      let edit = edits.find((e) => e.col === s.col);
      if (edit === undefined) {
        edit = { col: s.col };
        edits.push(edit);
      }
      if (s.values !== null) edit.value = s.values[s.at];
      else edit.format = s.format!;
      s.at++;
    }
    return edits;
  }

  /** The sheet with its edits, compressed as it goes: untouched rows are copied as slices of the original. */
  write(path: string, styles: StyleEditor | null): OutgoingEntry {
    const { xml, data } = this;
    const p = data.prefix;
    const out = new PartDeflater(path);
    // <dimension> comes before <sheetData> (ECMA-376 Part 1, §18.3.1.99 CT_Worksheet).
    out.write(this.widenDimension(xml.slice(0, data.start)));
    if (data.selfClosing) {
      out.write(`<${p}sheetData>`);
      for (let r = this.nextEditedRow(); r !== Infinity; r = this.nextEditedRow())
        out.write(this.newRow(r, styles));
      out.write(`</${p}sheetData>`);
      out.write(xml.slice(tagEnd(xml, data.start + 1)));
      return out.finish();
    }
    let cursor = data.start;
    scanRows(xml, data, (row) => {
      let r = this.nextEditedRow();
      for (; r < row.row; r = this.nextEditedRow()) {
        out.write(xml.slice(cursor, row.start));
        out.write(this.newRow(r, styles));
        cursor = row.start;
      }
      if (r === row.row) {
        out.write(xml.slice(cursor, row.start));
        out.write(this.rebuildRow(row, this.takeEdits(r), styles));
        cursor = row.end;
      }
    });
    out.write(xml.slice(cursor, data.innerEnd));
    for (let r = this.nextEditedRow(); r !== Infinity; r = this.nextEditedRow())
      out.write(this.newRow(r, styles));
    out.write(xml.slice(data.innerEnd));
    return out.finish();
  }

  private newRow(row: number, styles: StyleEditor | null): string {
    const cells = this.takeEdits(row)
      .sort((a, b) => a.col - b.col)
      .map((edit) => this.cellXml(row, null, edit, styles))
      .join("");
    return cells === ""
      ? ""
      : `<${this.data.prefix}row r="${row}">${cells}</${this.data.prefix}row>`;
  }

  private rebuildRow(row: RowSpan, edits: readonly CellEdit[], styles: StyleEditor | null): string {
    const { xml } = this;
    const existing: CellTag[] = [];
    forEachCell(xml, row, this.data.prefix, (cell) => existing.push({ ...cell }));
    const pieces: { col: number; text: string }[] = [];
    let last = row.openEnd;
    for (const cell of existing) {
      const edit = edits.find((e) => e.col === cell.col);
      // Text between cells (rare whitespace) travels with the cell that follows it.
      const before = xml.slice(last, cell.start);
      pieces.push({
        col: cell.col,
        text:
          before +
          (edit ? this.cellXml(row.row, cell, edit, styles) : xml.slice(cell.start, cell.end)),
      });
      last = cell.end;
    }
    for (const edit of edits) {
      if (!existing.some((cell) => cell.col === edit.col))
        pieces.push({ col: edit.col, text: this.cellXml(row.row, null, edit, styles) });
    }
    pieces.sort((a, b) => a.col - b.col);
    let open = xml.slice(row.start, row.openEnd);
    const maxCol = Math.max(...pieces.map((piece) => piece.col));
    const spans = row.attrs.spans;
    if (spans !== undefined && /^\d+:\d+$/.test(spans)) {
      const [from, to] = spans.split(":").map(Number);
      if (maxCol + 1 > to) open = setAttribute(open, "spans", `${from}:${maxCol + 1}`);
    }
    const tail = xml.slice(last, row.innerEnd);
    if (open.endsWith("/>")) open = `${open.slice(0, -2)}>`;
    return `${open}${pieces.map((piece) => piece.text).join("")}${tail}</${this.data.prefix}row>`;
  }

  private cellXml(
    row: number,
    cell: CellTag | null,
    edit: CellEdit,
    styles: StyleEditor | null
  ): string {
    const { xml } = this;
    const p = this.data.prefix;
    const ref = `${columnLetters(edit.col)}${row}`;
    let style = cell?.style ?? 0;
    if (edit.format !== undefined && styles !== null)
      style = styles.styleWithFormat(style, edit.format);
    const styleAttr = style === 0 ? "" : ` s="${style}"`;
    if (edit.value === undefined) {
      if (cell === null) return `<${p}c r="${ref}"${styleAttr}/>`;
      return (
        setAttribute(xml.slice(cell.start, cell.openEnd), "s", String(style)) +
        xml.slice(cell.openEnd, cell.end)
      );
    }
    const value = edit.value;
    if (value === null) return styleAttr === "" ? "" : `<${p}c r="${ref}"${styleAttr}/>`;
    if (typeof value === "number")
      return `<${p}c r="${ref}"${styleAttr}><${p}v>${String(value)}</${p}v></${p}c>`;
    // An inline string is text by type: it can never turn into a formula, whatever it starts with.
    return `<${p}c r="${ref}"${styleAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeOoxmlText(value)}</${p}t></${p}is></${p}c>`;
  }

  private widenDimension(head: string): string {
    const dimension = findElement(head, "dimension");
    const range = dimension === null ? null : parseRangeRef(dimension.attrs.ref ?? "");
    if (dimension === null || range === null || this.extraColumns <= range.lastColumn) return head;
    const ref = formatRangeRef({ ...range, lastColumn: this.extraColumns });
    return (
      head.slice(0, dimension.start) +
      setAttribute(head.slice(dimension.start, dimension.openEnd), "ref", ref) +
      head.slice(dimension.openEnd)
    );
  }
}

/** Widens the table (and its filter) over the new columns, names them, and renames columns whose header changed language. */
function editTableXml(xml: string, table: XlsxTable, plan: TablePlan): string {
  const added = plan.columns.filter((c) => c.existingIndex === null);
  const renamed = new Map(
    plan.columns
      .filter((c) => c.rename && c.existingIndex !== null)
      .map((c) => [c.existingIndex!, c.header])
  );
  const columns = findElement(xml, "tableColumns");
  if (columns === null) throw new XmlError("no <tableColumns>");
  const existing = findElements(xml, "tableColumn", columns.openEnd, columns.innerEnd);
  let inner = "";
  let cursor = columns.openEnd;
  existing.forEach((column, index) => {
    const name = renamed.get(index);
    if (name === undefined) return;
    inner +=
      xml.slice(cursor, column.start) +
      setAttribute(xml.slice(column.start, column.openEnd), "name", name);
    cursor = column.openEnd;
  });
  let nextId = Math.max(0, ...existing.map((c) => Number(c.attrs.id) || 0)) + 1;
  const additions = added
    .map((c) => `<${columns.prefix}tableColumn id="${nextId++}" name="${escapeXml(c.header)}"/>`)
    .join("");
  inner += xml.slice(cursor, columns.innerEnd) + additions;
  const open = setAttribute(
    xml.slice(columns.start, columns.openEnd),
    "count",
    String(existing.length + added.length)
  );
  let result = xml.slice(0, columns.start) + open + inner + xml.slice(columns.innerEnd);
  if (added.length === 0) return result;

  const lastColumn = table.ref.lastColumn + added.length;
  const tableElement = findElement(result, "table");
  if (tableElement === null) throw new XmlError("no <table>");
  const tableTag = setAttribute(
    result.slice(tableElement.start, tableElement.openEnd),
    "ref",
    formatRangeRef({ ...table.ref, lastColumn })
  );
  result = result.slice(0, tableElement.start) + tableTag + result.slice(tableElement.openEnd);
  const filter = findElement(result, "autoFilter");
  const filterRange = filter === null ? null : parseRangeRef(filter.attrs.ref ?? "");
  if (filter !== null && filterRange !== null) {
    const filterTag = setAttribute(
      result.slice(filter.start, filter.openEnd),
      "ref",
      formatRangeRef({ ...filterRange, lastColumn })
    );
    result = result.slice(0, filter.start) + filterTag + result.slice(filter.openEnd);
  }
  return result;
}
