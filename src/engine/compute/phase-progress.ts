import type { Day } from "../days";
import { hasPlannedDates, pointsInRange } from "../phase-values";
import type { PhaseRecord } from "../parse/records";
import type { PhaseStatus } from "./statuses";

/** What an objective needs of each of its phases. */
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

/** The phase's expected progress at `asOf`, or null without usable planned dates. */
export function phaseExpectedProgress(phase: PhaseRecord, asOf: Day): number | null {
  return hasPlannedDates(phase) ? expectedProgress(phase.start.value, phase.end.value, asOf) : null;
}

/** Phase status (domain.md §5), first rule that applies; `expected` is phaseExpectedProgress's answer. */
export function phaseStatus(phase: PhaseRecord, expected: number | null, asOf: Day): PhaseStatus {
  if (expected === null || !hasPlannedDates(phase)) return "missing-dates";
  const start = phase.start.value;
  const progress = pointsInRange(phase.progress);
  if (progress !== null) {
    if (progress === 100) return "completed";
    if (asOf < start) return "not-started";
    return progress / 100 < expected ? "late" : "in-progress";
  }
  if (asOf < start) return "not-started";
  return asOf <= phase.end.value ? "in-progress" : "past-due";
}
