import { parseRangeRef } from "../../engine/range-ref";
import type { ColumnPlan, PlanValue, TablePlan, WritePlan } from "../../engine/plan/write-plan";
import type { Catalogue } from "../../i18n";
import { SYNC_BUDGET_BYTES, type OfficeTable, type OfficeWorkbook } from "./read-workbook";

/** A table the plan was not applied to, left exactly as it was. */
export interface SkippedTable {
  readonly table: string;
  readonly sheet: string;
  readonly reason: "occupied";
  /** The used cells in the way, e.g. `I3:I5`. */
  readonly range: string;
}

export interface OfficeWriteOutcome {
  readonly syncs: number;
  readonly cellsWritten: number;
  readonly skipped: readonly SkippedTable[];
}

/** Nothing is written: a sheet with a table to update is protected. */
export class ProtectedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet ${sheet} is protected`);
  }
}

/** One queued piece of the write, with the bytes it adds to a request. */
interface Step {
  readonly bytes: number;
  queue(context: Excel.RequestContext): void;
}

const STEP_OVERHEAD_BYTES = 256;
const CHECK_COLOURS = { error: "#F4B6B6", warning: "#FFE29A", ok: "#C6EFCE" } as const;

/**
 * Applies a WritePlan through Office.js: every check first (protected sheets,
 * room for new columns), then the changes in as few requests as 4 MB allow.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  workbook: OfficeWorkbook,
  plan: WritePlan,
  words: Catalogue
): Promise<OfficeWriteOutcome> {
  const targets = plan.tables.map((tablePlan) => ({
    tablePlan,
    table: workbook.tables.find((t) => t.name === tablePlan.table)!,
  }));
  const protectedTarget = targets.find(({ table }) => table.sheetProtected);
  if (protectedTarget) throw new ProtectedSheetError(protectedTarget.table.sheet);

  const skipped: SkippedTable[] = [];
  const opening: Step[] = [];
  const body: Step[] = [];
  const closing: Step[] = [];
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
    const steps = tableSteps(tablePlan, table, words);
    opening.push(...steps.opening);
    body.push(...steps.body);
    closing.push(...steps.closing);
    cellsWritten += steps.cells;
  }

  const batches = pack([...opening, ...body, ...closing]);
  try {
    await batches.reduce(async (previous, batch) => {
      await previous;
      for (const step of batch) step.queue(context);
      await context.sync();
    }, Promise.resolve());
  } catch (error) {
    // Whatever failed, the user's filters go back on.
    if (closing.length > 0) {
      for (const step of closing) step.queue(context);
      await context.sync().catch(() => undefined);
    }
    throw error;
  }
  return { syncs: batches.length, cellsWritten, skipped };
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
  words: Catalogue
): { opening: Step[]; body: Step[]; closing: Step[]; cells: number } {
  const name = table.name;
  const tableOf = (context: Excel.RequestContext) => context.workbook.tables.getItem(name);
  const opening: Step[] = [];
  const body: Step[] = [];
  const closing: Step[] = [];
  let cells = 0;

  // office-js issue #224: writing into a filtered table scrambles rows, so filters come off and go back on.
  if (table.filters.length > 0) {
    opening.push({
      bytes: STEP_OVERHEAD_BYTES,
      queue: (context) => tableOf(context).clearFilters(),
    });
    for (const { column, criteria } of table.filters) {
      closing.push({
        bytes: STEP_OVERHEAD_BYTES + JSON.stringify(criteria).length,
        queue: (context) => tableOf(context).columns.getItemAt(column).filter.apply(criteria),
      });
    }
  }

  let nextNew = table.columnCount;
  for (const column of tablePlan.columns) {
    const index = column.existingIndex ?? nextNew++;
    if (column.existingIndex === null) {
      opening.push({
        bytes: STEP_OVERHEAD_BYTES,
        queue: (context) => void tableOf(context).columns.add(undefined, undefined, column.header),
      });
      if (column.key === "check") opening.push(...checkColourSteps(name, column.header, words));
    } else if (column.rename) {
      opening.push({
        bytes: STEP_OVERHEAD_BYTES + column.header.length,
        queue: (context) =>
          (tableOf(context).getHeaderRowRange().getCell(0, index).values = [[column.header]]),
      });
    }
    for (const run of runs(column.writeRows)) {
      const values = column.writeValues.slice(run.from, run.to).map((value) => [cellValue(value)]);
      cells += values.length;
      body.push(
        ...chunk(values, (part, offset) =>
          writeStep(name, index, column.writeRows[run.from] + offset, part, column)
        )
      );
    }
    if (column.numberFormat !== null) {
      const format = column.numberFormat;
      for (const run of runs(column.formatRows)) {
        const formats = column.formatRows.slice(run.from, run.to).map(() => [format]);
        body.push(
          ...chunk(formats, (part, offset) =>
            formatStep(name, index, column.formatRows[run.from] + offset, part)
          )
        );
      }
    }
  }
  return { opening, body, closing, cells };
}

/** Red, amber and green on the check column, once: when the column is created. */
function checkColourSteps(table: string, header: string, words: Catalogue): Step[] {
  return (["error", "warning", "ok"] as const).map((check) => ({
    bytes: STEP_OVERHEAD_BYTES,
    queue: (context: Excel.RequestContext) => {
      const range = context.workbook.tables
        .getItem(table)
        .columns.getItem(header)
        .getDataBodyRange();
      // String forms of the enums: the Excel namespace's objects are not needed at run time.
      const format = range.conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = CHECK_COLOURS[check];
      format.textComparison.rule = { operator: "BeginsWith", text: words.check[check] };
    },
  }));
}

function writeStep(
  table: string,
  column: number,
  row: number,
  values: PlanValue[][],
  plan: ColumnPlan
): Step {
  const text = plan.kind === "text";
  return {
    bytes: STEP_OVERHEAD_BYTES + JSON.stringify(values).length * (text ? 2 : 1),
    queue: (context) => {
      const range = cellsOf(context, table, column, row, values.length);
      // Text is formatted as text before it arrives, so nothing it starts with can turn it into a formula.
      if (text) range.numberFormat = values.map(() => ["@"]);
      range.values = values as (string | number)[][];
    },
  };
}

function formatStep(table: string, column: number, row: number, formats: string[][]): Step {
  return {
    bytes: STEP_OVERHEAD_BYTES + JSON.stringify(formats).length,
    queue: (context) =>
      (cellsOf(context, table, column, row, formats.length).numberFormat = formats),
  };
}

function cellsOf(
  context: Excel.RequestContext,
  table: string,
  column: number,
  row: number,
  rows: number
): Excel.Range {
  return context.workbook.tables
    .getItem(table)
    .getDataBodyRange()
    .getCell(row, column)
    .getResizedRange(rows - 1, 0);
}

/** Office.js clears a cell written with "". */
function cellValue(value: PlanValue): string | number {
  return value === null ? "" : value;
}

/** Contiguous runs in ascending row indexes, as [from, to) positions in the list. */
function runs(rows: readonly number[]): { from: number; to: number }[] {
  const result: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
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

/** Consecutive steps grouped into requests of at most 4 MB each, in order. */
function pack(steps: readonly Step[]): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > SYNC_BUDGET_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
