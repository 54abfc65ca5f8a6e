import type { PlanValue, TablePlan, WritePlan } from "../../engine/plan/write-plan";
import { columnLetters } from "../../engine/cell-address";
import {
  formatRangeRef,
  parseRangeRef,
  rangesOverlap,
  type RangeRef,
} from "../../engine/range-ref";
import type { XlsxTable, XlsxWorkbook } from "./read-workbook";
import { locateSheetData, scanCells, scanRows, type CellSpan, type RowSpan } from "./sheet-xml";
import { StyleEditor } from "./styles";
import { encodeOoxmlText, escapeXml, findElement, findElements, setAttribute } from "./xml";
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

interface CellEdit {
  value?: PlanValue;
  format?: string;
}

type RowEdits = Map<number, CellEdit>;

const MAX_COLUMN = 16_383; // XFD

/**
 * Applies a WritePlan to the package by splicing the sheet, table and styles
 * XML: only status cells change, every other byte of every part stays as it was.
 */
export function applyWritePlan(workbook: XlsxWorkbook, plan: WritePlan): WriteOutcome {
  const skipped: SkippedTable[] = [];
  const styles =
    workbook.stylesPath === null ? null : new StyleEditor(workbook.pkg.text(workbook.stylesPath)!);
  let changed = false;

  const bySheet = new Map<string, { table: XlsxTable; plan: TablePlan }[]>();
  for (const tablePlan of plan.tables) {
    const table = workbook.tables.find(
      (t) => t.name === tablePlan.table && t.sheet === tablePlan.sheet
    );
    if (table === undefined) throw new Error(`table ${tablePlan.table} is not in the workbook`);
    const list = bySheet.get(table.sheetPath) ?? [];
    list.push({ table, plan: tablePlan });
    bySheet.set(table.sheetPath, list);
  }

  for (const [sheetPath, entries] of bySheet) {
    const xml = workbook.pkg.text(sheetPath)!;
    const sheet = new SheetEditor(xml);
    const sheetTables = workbook.tables.filter((t) => t.sheetPath === sheetPath);
    for (const { table, plan: tablePlan } of entries) {
      const added = tablePlan.columns.filter((c) => c.existingIndex === null).length;
      if (added > 0) {
        const blocked = sheet.blockerForNewColumns(table, added, sheetTables);
        if (blocked !== null) {
          skipped.push({ table: table.name, sheet: table.sheet, ...blocked });
          continue;
        }
      }
      sheet.addTableEdits(table, tablePlan, styles);
      workbook.pkg.setText(
        table.tablePath,
        editTableXml(workbook.pkg.text(table.tablePath)!, table, tablePlan)
      );
      changed = true;
    }
    if (sheet.hasEdits) workbook.pkg.setText(sheetPath, sheet.toXml(styles));
  }
  if (!changed) return { bytes: null, skipped };
  if (styles !== null && styles.changed) workbook.pkg.setText(workbook.stylesPath!, styles.toXml());
  return { bytes: workbook.pkg.toBytes(), skipped };
}

class SheetEditor {
  private readonly data;
  private readonly rows: RowSpan[] = [];
  private readonly cellsCache = new Map<number, CellSpan[]>();
  private readonly edits = new Map<number, RowEdits>();
  private extraColumns = -1;

  constructor(private readonly xml: string) {
    this.data = locateSheetData(xml);
    scanRows(xml, this.data, (row) => this.rows.push(row));
  }

  get hasEdits(): boolean {
    return this.edits.size > 0;
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
    for (const row of this.rows) {
      if (row.row < area.firstRow || row.row > area.lastRow) continue;
      for (const cell of this.cellsOf(row)) {
        if (
          cell.col >= area.firstColumn &&
          cell.col <= area.lastColumn &&
          cell.openEnd !== cell.end
        ) {
          return { reason: "occupied", range };
        }
      }
    }
    return null;
  }

  addTableEdits(table: XlsxTable, plan: TablePlan, styles: StyleEditor | null): void {
    let next = table.ref.lastColumn + 1;
    const firstDataRow = table.ref.firstRow + table.headerRowCount;
    for (const column of plan.columns) {
      const col =
        column.existingIndex === null ? next++ : table.ref.firstColumn + column.existingIndex;
      if (table.headerRowCount > 0 && (column.existingIndex === null || column.rename)) {
        this.edit(table.ref.firstRow, col, { value: column.header });
      }
      column.writeRows.forEach((rowIndex, i) =>
        this.edit(firstDataRow + rowIndex, col, { value: column.writeValues[i] })
      );
      if (column.numberFormat !== null && styles !== null) {
        for (const rowIndex of column.formatRows)
          this.edit(firstDataRow + rowIndex, col, { format: column.numberFormat });
      }
    }
    this.extraColumns = Math.max(this.extraColumns, next - 1);
  }

  private edit(row: number, col: number, edit: CellEdit): void {
    let rowEdits = this.edits.get(row);
    if (rowEdits === undefined) {
      rowEdits = new Map();
      this.edits.set(row, rowEdits);
    }
    rowEdits.set(col, { ...rowEdits.get(col), ...edit });
  }

  private cellsOf(row: RowSpan): CellSpan[] {
    let cells = this.cellsCache.get(row.row);
    if (cells === undefined) {
      cells = scanCells(this.xml, row, this.data.prefix);
      this.cellsCache.set(row.row, cells);
    }
    return cells;
  }

  toXml(styles: StyleEditor | null): string {
    const { xml, data } = this;
    const p = data.prefix;
    const pending = [...this.edits.keys()].sort((a, b) => a - b);
    const out: string[] = [];
    let cursor = data.selfClosing ? data.start : data.innerStart;
    let k = 0;
    if (data.selfClosing) out.push(xml.slice(0, data.start), `<${p}sheetData>`);
    else out.push(xml.slice(0, cursor));
    for (const row of this.rows) {
      while (k < pending.length && pending[k] < row.row) {
        out.push(xml.slice(cursor, row.start), this.newRow(pending[k++], styles));
        cursor = row.start;
      }
      if (k < pending.length && pending[k] === row.row) {
        out.push(
          xml.slice(cursor, row.start),
          this.rebuildRow(row, this.edits.get(pending[k++])!, styles)
        );
        cursor = row.end;
      }
    }
    if (data.selfClosing) {
      while (k < pending.length) out.push(this.newRow(pending[k++], styles));
      out.push(`</${p}sheetData>`);
      cursor = data.start + xml.slice(data.start).indexOf(">") + 1;
    } else {
      out.push(xml.slice(cursor, data.innerEnd));
      while (k < pending.length) out.push(this.newRow(pending[k++], styles));
      cursor = data.innerEnd;
    }
    out.push(xml.slice(cursor));
    return this.widenDimension(out.join(""));
  }

  private newRow(row: number, styles: StyleEditor | null): string {
    const cells = [...this.edits.get(row)!.entries()]
      .sort(([a], [b]) => a - b)
      .map(([col, edit]) => this.cellXml(row, col, null, edit, styles))
      .join("");
    return cells === ""
      ? ""
      : `<${this.data.prefix}row r="${row}">${cells}</${this.data.prefix}row>`;
  }

  private rebuildRow(row: RowSpan, edits: RowEdits, styles: StyleEditor | null): string {
    const { xml } = this;
    const existing = this.cellsOf(row);
    const pieces: { col: number; text: string }[] = [];
    let last = row.openEnd;
    const byCol = new Map(existing.map((c) => [c.col, c]));
    for (const cell of existing) {
      const edit = edits.get(cell.col);
      // Text between cells (rare whitespace) travels with the cell that follows it.
      const before = xml.slice(last, cell.start);
      pieces.push({
        col: cell.col,
        text:
          before +
          (edit
            ? this.cellXml(row.row, cell.col, cell, edit, styles)
            : xml.slice(cell.start, cell.end)),
      });
      last = cell.end;
    }
    for (const [col, edit] of edits) {
      if (!byCol.has(col))
        pieces.push({ col, text: this.cellXml(row.row, col, null, edit, styles) });
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
    col: number,
    cell: CellSpan | null,
    edit: CellEdit,
    styles: StyleEditor | null
  ): string {
    const { xml } = this;
    const p = this.data.prefix;
    const ref = `${columnLetters(col)}${row}`;
    let style = cell?.attrs.s === undefined ? 0 : Number(cell.attrs.s);
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

  private widenDimension(xml: string): string {
    const dimension = findElement(xml, "dimension");
    const range = dimension === null ? null : parseRangeRef(dimension.attrs.ref ?? "");
    if (dimension === null || range === null || this.extraColumns <= range.lastColumn) return xml;
    const ref = formatRangeRef({ ...range, lastColumn: this.extraColumns });
    return (
      xml.slice(0, dimension.start) +
      setAttribute(xml.slice(dimension.start, dimension.openEnd), "ref", ref) +
      xml.slice(dimension.openEnd)
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
  const columns = findElement(xml, "tableColumns")!;
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
  const tableElement = findElement(result, "table")!;
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
