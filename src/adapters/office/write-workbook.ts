import { formatRangeRef, parseRangeRef } from "../../engine/range-ref";
import type { ColumnPlan, PlanValue, TablePlan, WritePlan } from "../../engine/plan/write-plan";
import type { CellValue } from "../../engine/snapshot";
import type { Catalogue } from "../../i18n";
import {
  MAX_NEW_COLUMNS,
  SYNC_BUDGET_BYTES,
  type OfficeTable,
  type OfficeWorkbook,
} from "./read-workbook";
import { plainHeaderCell, plainTarget } from "./read-plain-ranges";

/** A table the plan was not applied to, left exactly as it was. */
export interface SkippedTable {
  readonly table: string;
  readonly sheet: string;
  readonly reason: "occupied";
  /** The used cells in the way, e.g. `I3:I5`. */
  readonly range: string;
}

/** A filter the user had on that Excel refused to put back after the write. */
export interface LostFilter {
  readonly table: string;
  readonly sheet: string;
  /** The column's header. */
  readonly column: string;
}

export interface OfficeWriteOutcome {
  readonly syncs: number;
  readonly cellsWritten: number;
  readonly skipped: readonly SkippedTable[];
  /** Filters to set again by hand; empty when every filter came back. */
  readonly filtersLost: readonly LostFilter[];
}

/** Nothing is written: a sheet with a table to update is protected. */
export class ProtectedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet ${sheet} is protected`);
  }
}

/**
 * A co-author inserted, deleted, sorted or retyped rows of `table` after they
 * were read: the request that saw it may have written some status cells on
 * rows other than their own, so the check must be run again from a fresh read.
 */
export class RowsMovedError extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string
  ) {
    super(`rows of table ${table} moved while it was being checked`);
  }
}

/** The columns that identify a table's rows (e.g. objective code and phase description), by index. */
export type RowKeys = Readonly<Record<string, readonly number[]>>;

/** The rows of one table a step writes, [from, to) data-row indexes. */
interface RowSpan {
  readonly table: string;
  readonly from: number;
  readonly to: number;
}

/** One queued piece of the write, with the bytes it adds to a request. */
interface Step {
  readonly bytes: number;
  readonly rows?: RowSpan;
  queue(context: Excel.RequestContext): void;
}

const STEP_OVERHEAD_BYTES = 256;
/** What each load adds to a response besides its values. */
const RESPONSE_OVERHEAD_BYTES = 64;
const CHECK_COLOURS = { error: "#F4B6B6", warning: "#FFE29A", ok: "#C6EFCE" } as const;

/**
 * Applies a WritePlan through Office.js: every check first (protected sheets,
 * room for new columns), then the changes in as few requests as 4 MB allow.
 * Each request that writes rows first loads, in that same request, the
 * table's row count and the key cells of those rows: a batch runs as one
 * piece, so when they match what was read, every status cell of the request
 * landed on its own row; when a co-author moved rows, RowsMovedError says so.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  workbook: OfficeWorkbook,
  plan: WritePlan,
  words: Catalogue,
  keys: RowKeys = {}
): Promise<OfficeWriteOutcome> {
  const targets = plan.tables.map((tablePlan) => ({
    tablePlan,
    table:
      tablePlan.plain === true
        ? plainTarget(workbook, tablePlan)
        : workbook.tables.find((t) => t.name === tablePlan.table)!,
  }));
  const protectedTarget = targets.find(({ table }) => table.sheetProtected);
  if (protectedTarget) throw new ProtectedSheetError(protectedTarget.table.sheet);

  const skipped: SkippedTable[] = [];
  const opening: Step[] = [];
  const body: Step[] = [];
  const restores: Restore[] = [];
  const unreadable: LostFilter[] = [];
  const confirmations = new Map<string, Confirmation>();
  let cellsWritten = 0;
  for (const { tablePlan, table } of targets) {
    const added = tablePlan.columns.filter((c) => c.existingIndex === null).length;
    if (added > 0 && blocksNewColumns(table, added)) {
      skipped.push({
        table: table.name,
        sheet: table.sheet,
        reason: "occupied",
        range: table.occupiedToTheRight!,
      });
      continue;
    }
    const confirmation = confirmationOf(tablePlan, table, workbook, keys[table.name] ?? []);
    confirmations.set(table.name, confirmation);
    const steps = tableSteps(tablePlan, table, words, confirmation.maxRowsPerStep);
    opening.push(...steps.opening);
    body.push(...steps.body);
    restores.push(...steps.restores);
    unreadable.push(...steps.unreadable);
    cellsWritten += steps.cells;
  }

  // Row-major order, so that each request writes (and confirms) one stretch of rows.
  const order = new Map(targets.map(({ table }, i) => [table.name, i]));
  body.sort(
    (a, b) => order.get(a.rows!.table)! - order.get(b.rows!.table)! || a.rows!.from - b.rows!.from
  );
  const batches = pack([...opening, ...body], confirmations);
  let syncs = 0;
  const send = async (batch: readonly Step[]) => {
    const checks = queueConfirmations(context, batch, confirmations);
    for (const step of batch) step.queue(context);
    await context.sync();
    syncs++;
    for (const check of checks) check();
  };
  // Before anything is written: the rows are still those read (the engine's run is the longest
  // window for a co-author's edit), in requests that only read, ≤ 4 MB of key cells each.
  if (body.length > 0) {
    const wholeTables = [...confirmations.values()].flatMap(({ table, maxRowsPerStep }) =>
      Array.from({ length: Math.ceil(table.rowCount / maxRowsPerStep) }, (_, i) => ({
        bytes: 0,
        rows: {
          table: table.name,
          from: i * maxRowsPerStep,
          to: Math.min(table.rowCount, (i + 1) * maxRowsPerStep),
        },
        queue: () => undefined,
      }))
    );
    for (const batch of pack(wholeTables, confirmations)) await send(batch);
  }
  try {
    for (const batch of batches) await send(batch);
  } catch (error) {
    // Whatever failed, the user's filters go back on.
    await restoreFilters(context, restores);
    if (error instanceof RowsMovedError) throw error;
    // A write that no longer fits the table (InvalidArgument) is a co-author's deleted rows.
    throw (await movedTable(context, confirmations)) ?? error;
  }
  const restored = await restoreFilters(context, restores);
  return {
    syncs: syncs + restored.syncs,
    cellsWritten,
    skipped,
    filtersLost: [...unreadable, ...restored.lost],
  };
}

/** One filter to put back: the table, its column and the criteria Excel will accept. */
interface Restore {
  readonly lost: LostFilter;
  queue(context: Excel.RequestContext): void;
}

/**
 * Puts every filter back in one request; if Excel refuses one, each again in
 * its own request (applying a filter twice is harmless), so that one refused
 * filter does not cost the others. Returns those Excel refused.
 */
async function restoreFilters(
  context: Excel.RequestContext,
  restores: readonly Restore[]
): Promise<{ lost: LostFilter[]; syncs: number }> {
  if (restores.length === 0) return { lost: [], syncs: 0 };
  try {
    for (const restore of restores) restore.queue(context);
    await context.sync();
    return { lost: [], syncs: 1 };
  } catch {
    const lost: LostFilter[] = [];
    for (const restore of restores) {
      restore.queue(context);
      await context.sync().catch(() => lost.push(restore.lost));
    }
    return { lost, syncs: 1 + restores.length };
  }
}

/**
 * Criteria as `filter.apply` takes them: read-back criteria carry `null` in
 * every field their kind does not use, and apply rejects those (office-js
 * #1226), so only the fields of the kind are kept
 * (https://learn.microsoft.com/javascript/api/excel/excel.filtercriteria).
 */
export function restorableCriteria(criteria: Excel.FilterCriteria): Excel.FilterCriteria {
  const fields: Record<string, readonly (keyof Excel.FilterCriteria)[]> = {
    Values: ["values"],
    Custom: ["criterion1", "criterion2", "operator"],
    TopItems: ["criterion1"],
    BottomItems: ["criterion1"],
    TopPercent: ["criterion1"],
    BottomPercent: ["criterion1"],
    Dynamic: ["dynamicCriteria"],
    CellColor: ["color"],
    FontColor: ["color"],
    Icon: ["icon"],
  };
  const kept: Record<string, unknown> = { filterOn: criteria.filterOn };
  for (const field of [...(fields[criteria.filterOn] ?? []), "subField" as const]) {
    const value = criteria[field];
    if (value !== null && value !== undefined) kept[field] = value;
  }
  // A single custom criterion reads back with an operator that applies to nothing.
  if (kept.criterion2 === undefined) delete kept.operator;
  return kept as unknown as Excel.FilterCriteria;
}

/** What a request confirms about one table before its writes land. */
interface Confirmation {
  readonly table: OfficeTable;
  readonly keys: readonly number[];
  readonly expected: readonly (readonly CellValue[])[];
  /** Bytes of the key cells of rows [from, to) in a response. */
  responseBytes(from: number, to: number): number;
  /** Rows per write step, so that a step's key cells fit well within a response. */
  readonly maxRowsPerStep: number;
}

function confirmationOf(
  plan: TablePlan,
  table: OfficeTable,
  workbook: OfficeWorkbook,
  keys: readonly number[]
): Confirmation {
  const snapshot =
    table.plain === undefined
      ? workbook.snapshot.tables.find((t) => t.name === table.name)!
      : plainRows(workbook, plan);
  // Each key cell comes back as `[value],` in its column's `values`.
  const prefix = new Float64Array(snapshot.rows.length + 1);
  snapshot.rows.forEach((row, r) => {
    let bytes = 0;
    for (const k of keys) bytes += JSON.stringify(asLoaded(row[k] ?? null)).length + 3;
    prefix[r + 1] = prefix[r] + bytes;
  });
  const average = Math.max(1, prefix[snapshot.rows.length] / Math.max(1, snapshot.rows.length));
  return {
    table,
    keys,
    expected: snapshot.rows,
    responseBytes: (from, to) =>
      prefix[Math.min(to, snapshot.rows.length)] -
      prefix[Math.min(from, snapshot.rows.length)] +
      RESPONSE_OVERHEAD_BYTES * (keys.length + 1),
    maxRowsPerStep: Math.max(1, Math.floor(SYNC_BUDGET_BYTES / 2 / average)),
  };
}

/**
 * Queues, ahead of a batch's writes, the row count of each table the batch
 * writes and its key cells over the rows written; the returned checks throw
 * RowsMovedError when they differ from what was read.
 */
function queueConfirmations(
  context: Excel.RequestContext,
  batch: readonly Step[],
  confirmations: ReadonlyMap<string, Confirmation>
): (() => void)[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const step of batch) {
    if (!step.rows) continue;
    const span = spans.get(step.rows.table);
    spans.set(step.rows.table, {
      from: Math.min(span?.from ?? Infinity, step.rows.from),
      to: Math.max(span?.to ?? -Infinity, step.rows.to),
    });
  }
  return [...spans].map(([name, span]) => {
    const confirmation = confirmations.get(name)!;
    const body = dataBody(context, confirmation.table);
    body.load("rowCount");
    const cells = confirmation.keys.map((key) => {
      const range = body.getCell(span.from, key).getResizedRange(span.to - span.from - 1, 0);
      range.load("values");
      return { key, range };
    });
    return () => {
      const table = confirmation.table;
      const moved = () => new RowsMovedError(table.name, table.sheet);
      if (body.rowCount !== table.rowCount) throw moved();
      for (const { key, range } of cells) {
        range.values.forEach(([value], r) => {
          if (value !== asLoaded(confirmation.expected[span.from + r]?.[key] ?? null))
            throw moved();
        });
      }
    };
  });
}

/** The first table whose row count is no longer the one read, as a RowsMovedError. */
async function movedTable(
  context: Excel.RequestContext,
  confirmations: ReadonlyMap<string, Confirmation>
): Promise<RowsMovedError | null> {
  const bodies = [...confirmations.values()].map(({ table }) => {
    const body = dataBody(context, table);
    body.load("rowCount");
    return { table, body };
  });
  const synced = await context.sync().then(
    () => true,
    () => false
  );
  const moved = synced && bodies.find(({ table, body }) => body.rowCount !== table.rowCount);
  return moved ? new RowsMovedError(moved.table.name, moved.table.sheet) : null;
}

/**
 * The rows a step writes into: a table's data body, or a plain range's data
 * rows widened over the status columns it may get (it has no table to grow).
 */
function dataBody(context: Excel.RequestContext, table: OfficeTable): Excel.Range {
  if (table.plain === undefined)
    return context.workbook.tables.getItem(table.name).getDataBodyRange();
  return context.workbook.worksheets.getItem(table.sheet).getRange(
    formatRangeRef({
      firstColumn: table.firstColumn,
      lastColumn: table.firstColumn + table.columnCount + MAX_NEW_COLUMNS - 1,
      firstRow: table.firstDataRow,
      lastRow: table.firstDataRow + Math.max(table.rowCount, 1) - 1,
    })
  );
}

/** A plain range's data rows, from the sheet's cells the snapshot holds. */
function plainRows(workbook: OfficeWorkbook, plan: TablePlan): { rows: CellValue[][] } {
  const cells = workbook.snapshot.sheets?.find((s) => s.name === plan.sheet)?.rows ?? [];
  return {
    rows: Array.from({ length: plan.rowCount }, (_, r) =>
      Array.from(
        { length: plan.columnCount },
        (_, c) => cells[plan.headerRow + r]?.[plan.firstColumn + c] ?? null
      )
    ),
  };
}

/** A snapshot cell as `range.values` gives it: "" when empty, an error as its text. */
function asLoaded(value: CellValue): unknown {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

/** The used cells right of the table fall within the columns the plan would add. */
function blocksNewColumns(table: OfficeTable, added: number): boolean {
  if (table.occupiedToTheRight === null) return false;
  const first = parseRangeRef(table.occupiedToTheRight)!.firstColumn;
  return first <= table.firstColumn + table.columnCount - 1 + added;
}

function tableSteps(
  tablePlan: TablePlan,
  table: OfficeTable,
  words: Catalogue,
  maxRowsPerStep: number
): { opening: Step[]; body: Step[]; restores: Restore[]; unreadable: LostFilter[]; cells: number } {
  const name = table.name;
  const tableOf = (context: Excel.RequestContext) => context.workbook.tables.getItem(name);
  const opening: Step[] = [];
  const body: Step[] = [];
  const restores: Restore[] = [];
  // Filters Excel could not load (office-js #3030): cleared like the others, never put back.
  const unreadable: LostFilter[] = [];
  let cells = 0;

  // office-js #224: writing into a filtered table scrambles rows, so filters come off and go back on,
  // column by column: table.clearFilters() would also clear the table's sort state (it is the
  // Sort & Filter "Clear" button, office-js #3086), and a filter applied after it can no longer
  // be loaded (office-js #3030).
  for (const { column, header, criteria } of table.filters) {
    opening.push({
      bytes: STEP_OVERHEAD_BYTES,
      queue: (context) => tableOf(context).columns.getItemAt(column).filter.clear(),
    });
    const lost = { table: name, sheet: table.sheet, column: header };
    if (criteria === null) {
      unreadable.push(lost);
      continue;
    }
    const restorable = restorableCriteria(criteria);
    restores.push({
      lost,
      queue: (context) => tableOf(context).columns.getItemAt(column).filter.apply(restorable),
    });
  }

  let nextNew = table.columnCount;
  for (const column of tablePlan.columns) {
    const index = column.existingIndex ?? nextNew++;
    if (table.plain !== undefined) {
      // A plain range's status header is a cell of its own, written as text.
      if (column.existingIndex === null || column.rename)
        opening.push({
          bytes: STEP_OVERHEAD_BYTES + column.header.length,
          queue: (context) => {
            const cell = context.workbook.worksheets
              .getItem(table.sheet)
              .getRange(plainHeaderCell(table, index));
            cell.numberFormat = [["@"]];
            cell.values = [[column.header]];
          },
        });
      if (column.existingIndex === null && column.key === "check")
        opening.push(...checkColourSteps(table, index, words));
    } else if (column.existingIndex === null) {
      opening.push({
        bytes: STEP_OVERHEAD_BYTES,
        queue: (context) => void tableOf(context).columns.add(undefined, undefined, column.header),
      });
      if (column.key === "check") opening.push(...checkColourSteps(table, index, words));
    } else if (column.rename) {
      opening.push({
        bytes: STEP_OVERHEAD_BYTES + column.header.length,
        queue: (context) =>
          (tableOf(context).getHeaderRowRange().getCell(0, index).values = [[column.header]]),
      });
    }
    for (const run of runs(column.writeRows, maxRowsPerStep)) {
      const values = column.writeValues.slice(run.from, run.to).map((value) => [cellValue(value)]);
      cells += values.length;
      body.push(
        ...chunk(values, (part, offset) =>
          writeStep(table, index, column.writeRows[run.from] + offset, part, column)
        )
      );
    }
    if (column.numberFormat !== null) {
      const format = column.numberFormat;
      for (const run of runs(column.formatRows, maxRowsPerStep)) {
        const formats = Array.from({ length: run.to - run.from }, () => [format]);
        body.push(
          ...chunk(formats, (part, offset) =>
            formatStep(table, index, column.formatRows[run.from] + offset, part)
          )
        );
      }
    }
  }
  return { opening, body, restores, unreadable, cells };
}

/** Red, amber and green on the check column, once: when the column is created. */
function checkColourSteps(table: OfficeTable, index: number, words: Catalogue): Step[] {
  return (["error", "warning", "ok"] as const).map((check) => ({
    bytes: STEP_OVERHEAD_BYTES,
    queue: (context: Excel.RequestContext) => {
      const body = dataBody(context, table);
      const range = body.getCell(0, index).getResizedRange(Math.max(table.rowCount, 1) - 1, 0);
      // String forms of the enums: the Excel namespace's objects are not needed at run time.
      const format = range.conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = CHECK_COLOURS[check];
      format.textComparison.rule = { operator: "BeginsWith", text: words.check[check] };
    },
  }));
}

function writeStep(
  table: OfficeTable,
  column: number,
  row: number,
  values: PlanValue[][],
  plan: ColumnPlan
): Step {
  const text = plan.kind === "text";
  return {
    bytes: STEP_OVERHEAD_BYTES + JSON.stringify(values).length * (text ? 2 : 1),
    rows: { table: table.name, from: row, to: row + values.length },
    queue: (context) => {
      const range = cellsOf(context, table, column, row, values.length);
      // Text is formatted as text before it arrives, so nothing it starts with can turn it into a formula.
      if (text) range.numberFormat = values.map(() => ["@"]);
      range.values = values as (string | number)[][];
    },
  };
}

function formatStep(table: OfficeTable, column: number, row: number, formats: string[][]): Step {
  return {
    bytes: STEP_OVERHEAD_BYTES + JSON.stringify(formats).length,
    rows: { table: table.name, from: row, to: row + formats.length },
    queue: (context) =>
      (cellsOf(context, table, column, row, formats.length).numberFormat = formats),
  };
}

function cellsOf(
  context: Excel.RequestContext,
  table: OfficeTable,
  column: number,
  row: number,
  rows: number
): Excel.Range {
  const body = dataBody(context, table);
  // Within the table's rows only: if a co-author deleted rows, the write fails instead of landing below the table.
  return body
    .getCell(row, column)
    .getResizedRange(rows - 1, 0)
    .getIntersection(body);
}

/** Office.js clears a cell written with "". */
function cellValue(value: PlanValue): string | number {
  return value === null ? "" : value;
}

/** Contiguous runs in ascending row indexes, as [from, to) positions in the list, at most `max` rows each. */
function runs(rows: ArrayLike<number>, max: number): { from: number; to: number }[] {
  const result: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i] !== rows[i - 1] + 1 || i - from >= max) {
      if (i > from) result.push({ from, to: i });
      from = i;
    }
  }
  return result;
}

/** Splits a long run so that no single step outgrows a request. */
function chunk<T>(rows: T[], step: (part: T[], offset: number) => Step): Step[] {
  const whole = step(rows, 0);
  if (whole.bytes <= SYNC_BUDGET_BYTES / 2 || rows.length === 1) return [whole];
  const half = Math.ceil(rows.length / 2);
  return [
    ...chunk(rows.slice(0, half), step),
    ...chunk(rows.slice(half), (part, offset) => step(part, offset + half)),
  ];
}

/**
 * Consecutive steps grouped into requests, in order: at most 4 MB of request
 * each, and at most 4 MB of key cells coming back to confirm the rows written.
 */
function pack(steps: readonly Step[], confirmations: ReadonlyMap<string, Confirmation>): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  let spans = new Map<string, { from: number; to: number }>();
  const responseBytes = (next: Map<string, { from: number; to: number }>) =>
    [...next].reduce(
      (sum, [name, span]) => sum + confirmations.get(name)!.responseBytes(span.from, span.to),
      0
    );
  for (const step of steps) {
    const next = new Map(spans);
    if (step.rows) {
      const span = next.get(step.rows.table);
      next.set(step.rows.table, {
        from: Math.min(span?.from ?? Infinity, step.rows.from),
        to: Math.max(span?.to ?? -Infinity, step.rows.to),
      });
    }
    if (
      current.length > 0 &&
      (bytes + step.bytes > SYNC_BUDGET_BYTES || responseBytes(next) > SYNC_BUDGET_BYTES)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
      spans = new Map();
      if (step.rows) spans.set(step.rows.table, { from: step.rows.from, to: step.rows.to });
    } else spans = next;
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
