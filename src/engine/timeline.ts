import { dayFromYmd, type Day } from "./days";
import type { PhaseStatus } from "./compute/statuses";
import type { EngineResult } from "./result";

export interface TimelineBar {
  readonly row: number;
  readonly label: string;
  readonly weight: number | null;
  readonly status: PhaseStatus;
  /** Where the bar starts and ends; an open bar (no end date) runs to `to`. */
  readonly start: Day | null;
  readonly end: Day | null;
  readonly open: boolean;
}

export interface ObjectiveTimeline {
  readonly code: string;
  readonly from: Day;
  readonly to: Day;
  readonly asOf: Day;
  readonly bars: readonly TimelineBar[];
}

/**
 * One Gantt per objective: a bar per phase over the plan year (widened to
 * whatever dates fall outside it), the reference date, open bars for missing
 * end dates. Pure data; the pane draws it.
 */
export function objectiveTimelines(result: EngineResult): ObjectiveTimeline[] {
  const byCode = new Map<string, EngineResult["phases"][number][]>();
  for (const phase of result.phases) {
    if (phase.objective === null) continue;
    const key = phase.objective.toUpperCase();
    const group = byCode.get(key);
    if (group) group.push(phase);
    else byCode.set(key, [phase]);
  }
  const timelines: ObjectiveTimeline[] = [];
  for (const objective of result.objectives) {
    if (objective.code === null) continue;
    const phases = byCode.get(objective.code.toUpperCase());
    if (!phases || phases.length === 0) continue;
    const days = phases.flatMap((p) => [p.start, p.end]).filter((d): d is Day => d !== null);
    const year = /^(\d{4})/.exec(objective.code)?.[1];
    const yearFrom = year ? dayFromYmd(Number(year), 1, 1) : null;
    const yearTo = year ? dayFromYmd(Number(year), 12, 31) : null;
    const from = Math.min(...days, ...(yearFrom !== null ? [yearFrom] : []), result.settings.asOf);
    const to = Math.max(...days, ...(yearTo !== null ? [yearTo] : []), result.settings.asOf);
    timelines.push({
      code: objective.code,
      from,
      to: to > from ? to : from + 1,
      asOf: result.settings.asOf,
      bars: phases.map((phase) => ({
        row: phase.row,
        label: phase.description ?? "—",
        weight: phase.weight,
        status: phase.status,
        start: phase.start,
        end: phase.end,
        open: phase.start !== null && phase.end === null,
      })),
    });
  }
  return timelines;
}
