import type { Day } from "./days";
import { planWrites, type MessagesIn } from "./plan/plan-writes";
import type { WritePlan } from "./plan/write-plan";
import type { EngineResult } from "./result";
import { runEngine } from "./run-engine";
import type { RunOverrides } from "./settings";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface CheckedWorkbook {
  readonly result: EngineResult;
  readonly plan: WritePlan;
}

/** Runs the engine and plans the writes; a host may run it here or in a worker. */
export interface CheckAndPlan {
  (snapshot: WorkbookSnapshot, overrides: RunOverrides, today: Day): Promise<CheckedWorkbook>;
  /**
   * Starts a check whose tables' rows are handed over while they are read, so
   * that a worker already holds them when the read ends (engine-in-worker.ts).
   */
  readonly stream?: () => StreamedCheck;
}

/** What a reader tells a streamed check: rows as they arrive, and cells changed after they were sent. */
export interface RowsSink {
  /** Rows appended to the snapshot's table `table` (its index in `tables`), with their formats. */
  rows(table: number, values: readonly CellValue[][], formats: readonly string[][]): void;
  /** A cell of rows already sent, as it is now (an error value told from text, a number's format). */
  cell(table: number, row: number, column: number, value: CellValue, format: string): void;
}

export interface StreamedCheck extends RowsSink {
  /** Checks `snapshot`, whose tables' rows and formats are those sent, with the cells changed since. */
  check(snapshot: WorkbookSnapshot, overrides: RunOverrides, today: Day): Promise<CheckedWorkbook>;
}

/** Checks and plans in this thread, with the Messages column's sentences from `messagesIn`. */
export function checkAndPlanHere(messagesIn: MessagesIn): CheckAndPlan {
  return async (snapshot, overrides, today) => {
    const result = runEngine(snapshot, overrides, today);
    return { result, plan: planWrites(result, messagesIn) };
  };
}

/**
 * The result without the tables' cells (the mapping keeps names, columns and
 * headers): what crosses back from a worker, so the pane does not pay for
 * copying the whole workbook twice.
 */
export function withoutCells(checked: CheckedWorkbook): CheckedWorkbook {
  const mapping = Object.fromEntries(
    Object.entries(checked.result.mapping).map(([kind, mapped]) => [
      kind,
      mapped && { ...mapped, table: { ...mapped.table, rows: [], numberFormats: null } },
    ])
  ) as unknown as EngineResult["mapping"];
  return { plan: checked.plan, result: { ...checked.result, mapping } };
}
