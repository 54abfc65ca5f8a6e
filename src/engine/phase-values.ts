import type { Day } from "./days";
import type { Parsed } from "./parse/cells";
import type { PhaseRecord } from "./parse/records";

/** A percentage-points value the rules accept (0–100), or null. */
export function pointsInRange(parsed: Parsed<number> | null): number | null {
  return parsed !== null && parsed.kind === "ok" && parsed.value >= 0 && parsed.value <= 100
    ? parsed.value
    : null;
}

export function usableWeight(phase: PhaseRecord): number | null {
  return pointsInRange(phase.weight);
}

/** Planned dates usable for progress: both real days, start not after end. */
export function hasPlannedDates(
  phase: PhaseRecord
): phase is PhaseRecord & { start: { kind: "ok"; value: Day }; end: { kind: "ok"; value: Day } } {
  return (
    phase.start.kind === "ok" && phase.end.kind === "ok" && phase.start.value <= phase.end.value
  );
}

/** Blank and invalid weights are reported on their own and left out of the total. */
export function usableWeightTotal(phases: readonly PhaseRecord[]): number {
  let total = 0;
  for (const phase of phases) total += usableWeight(phase) ?? 0;
  return Math.round(total * 1e6) / 1e6;
}
