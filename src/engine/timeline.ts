import { cellAddress } from "./cell-address";
import { dayFromYmd, type Day } from "./days";
import type { PhaseStatus } from "./compute/statuses";
import type { MappedTable } from "./map/map-workbook";
import type { EngineResult, ObjectiveRow, PhaseRow } from "./result";

export interface TimelineBar {
  readonly row: number;
  readonly label: string;
  readonly weight: number | null;
  readonly status: PhaseStatus;
  /** Where the bar starts and ends; an open bar (no end date) runs to `to`. */
  readonly start: Day | null;
  readonly end: Day | null;
  readonly open: boolean;
  /** The phase's row in the workbook: the sheet and its description cell (A1), where a click goes. */
  readonly sheet: string;
  readonly cell: string;
}

export interface ObjectiveTimeline {
  readonly code: string;
  readonly title: string | null;
  readonly department: string | null;
  readonly from: Day;
  readonly to: Day;
  readonly asOf: Day;
  readonly bars: readonly TimelineBar[];
}

/** An objective the pane can draw a timeline for, with what a chooser shows and groups by. */
export interface TimelineChoice {
  readonly code: string;
  readonly title: string | null;
  readonly department: string | null;
}

/** The canonical form codes are compared in (domain.md §4: trimmed, case-insensitive). */
function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

function phasesByObjective(result: EngineResult): Map<string, PhaseRow[]> {
  const byCode = new Map<string, PhaseRow[]>();
  for (const phase of result.phases) {
    if (phase.objective === null) continue;
    const key = codeKey(phase.objective);
    const group = byCode.get(key);
    if (group) group.push(phase);
    else byCode.set(key, [phase]);
  }
  return byCode;
}

/** The objectives that have phases, in table order, with their title and Direzione: a chooser over hundreds of them. */
export function timelineChoices(result: EngineResult): TimelineChoice[] {
  return [...timelineIndex(result).choices];
}

/**
 * One objective's Gantt: a bar per phase over the plan year (widened to
 * whatever dates fall outside it), the reference date, open bars for missing
 * end dates. Null when the objective is unknown or has no phases. Pure data;
 * the pane draws it.
 */
export function objectiveTimeline(result: EngineResult, code: string): ObjectiveTimeline | null {
  return timelineIndex(result).timeline(code);
}

/** The chooser's objectives and each objective's Gantt, from one pass over the phases. */
export interface TimelineIndex {
  readonly choices: readonly TimelineChoice[];
  timeline(code: string): ObjectiveTimeline | null;
}

/**
 * Groups the phases by objective once per check, so that drawing an objective
 * costs its own phases rather than a scan of the plan's (100,000 phases on a
 * large plan, and the pane draws a new objective at each step through the findings).
 */
export function timelineIndex(result: EngineResult): TimelineIndex {
  const byCode = phasesByObjective(result);
  const objectives = new Map<string, ObjectiveRow>();
  const choices: TimelineChoice[] = [];
  for (const objective of result.objectives) {
    if (objective.code === null) continue;
    const key = codeKey(objective.code);
    if (!byCode.has(key) || objectives.has(key)) continue;
    objectives.set(key, objective);
    choices.push({
      code: objective.code,
      title: objective.title,
      department: objective.department,
    });
  }
  const mapped = result.mapping.phases;
  return {
    choices,
    timeline(code) {
      const key = codeKey(code);
      const objective = objectives.get(key);
      const phases = byCode.get(key);
      if (!objective || objective.code === null || !phases || mapped === null) return null;
      return timelineOf(result, objective, objective.code, phases, mapped);
    },
  };
}

/** Every objective's timeline, in table order (for tests and reports; the pane draws one at a time). */
export function objectiveTimelines(result: EngineResult): ObjectiveTimeline[] {
  const byCode = phasesByObjective(result);
  const mapped = result.mapping.phases;
  if (mapped === null) return [];
  const timelines: ObjectiveTimeline[] = [];
  for (const objective of result.objectives) {
    if (objective.code === null) continue;
    const phases = byCode.get(codeKey(objective.code));
    if (!phases || phases.length === 0) continue;
    timelines.push(timelineOf(result, objective, objective.code, phases, mapped));
  }
  return timelines;
}

function timelineOf(
  result: EngineResult,
  objective: ObjectiveRow,
  code: string,
  phases: readonly PhaseRow[],
  mapped: MappedTable
): ObjectiveTimeline {
  const days = phases.flatMap((p) => [p.start, p.end]).filter((d): d is Day => d !== null);
  const year = /^(\d{4})/.exec(code.trim())?.[1];
  const yearFrom = year ? dayFromYmd(Number(year), 1, 1) : null;
  const yearTo = year ? dayFromYmd(Number(year), 12, 31) : null;
  const from = Math.min(...days, ...(yearFrom !== null ? [yearFrom] : []), result.settings.asOf);
  const to = Math.max(...days, ...(yearTo !== null ? [yearTo] : []), result.settings.asOf);
  // The description is a required column, so a checked phases table always has it.
  const column = mapped.table.firstColumn + (mapped.columns.get("description") ?? 0);
  return {
    code,
    title: objective.title,
    department: objective.department,
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
      sheet: mapped.table.sheet,
      cell: cellAddress(column, phase.row),
    })),
  };
}
