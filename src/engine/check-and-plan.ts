import type { Day } from "./days";
import { planWrites, type MessagesIn } from "./plan/plan-writes";
import type { WritePlan } from "./plan/write-plan";
import type { EngineResult } from "./result";
import { runEngine } from "./run-engine";
import type { RunOverrides } from "./settings";
import type { WorkbookSnapshot } from "./snapshot";

export interface CheckedWorkbook {
  readonly result: EngineResult;
  readonly plan: WritePlan;
}

/** Runs the engine and plans the writes; a host may run it here or in a worker. */
export type CheckAndPlan = (
  snapshot: WorkbookSnapshot,
  overrides: RunOverrides,
  today: Day
) => Promise<CheckedWorkbook>;

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
