import type { Day } from "../days";
import { hasPlannedDates, pointsInRange } from "../phase-values";
import type { PhaseRecord } from "../parse/records";
import type { PhaseStatus } from "./statuses";

export interface PhaseResult {
  /** 0–1; null when the planned dates are missing, invalid or reversed. */
  readonly expectedProgress: number | null;
  readonly status: PhaseStatus;
}

/** Expected progress at day d of a phase planned [s, e]: 0 before s, 1 from e on, else (d − s) / (e − s). */
export function expectedProgress(start: Day, end: Day, asOf: Day): number {
  if (asOf < start) return 0;
  if (asOf >= end) return 1;
  return (asOf - start) / (end - start);
}

const MISSING_DATES: PhaseResult = { expectedProgress: null, status: "missing-dates" };

/** Phase status (domain.md §5), first rule that applies. */
export function computePhase(phase: PhaseRecord, asOf: Day): PhaseResult {
  if (!hasPlannedDates(phase)) return MISSING_DATES;
  const dates = { start: phase.start.value, end: phase.end.value };
  const expected = expectedProgress(dates.start, dates.end, asOf);
  const progress = pointsInRange(phase.progress);
  let status: PhaseStatus;
  if (progress !== null) {
    if (progress === 100) status = "completed";
    else if (asOf < dates.start) status = "not-started";
    else if (progress / 100 < expected) status = "late";
    else status = "in-progress";
  } else if (asOf < dates.start) status = "not-started";
  else if (asOf <= dates.end) status = "in-progress";
  else status = "past-due";
  return { expectedProgress: expected, status };
}
