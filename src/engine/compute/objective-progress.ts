import { pointsInRange, usableWeight, usableWeightTotal } from "../phase-values";
import type { PhaseRecord } from "../parse/records";
import type { PhaseResult } from "./phase-progress";
import type { ObjectiveStatus } from "./statuses";

export interface ObjectiveFigures {
  /** Sum of the usable weights; null when the objective has no phases. */
  readonly weightTotal: number | null;
  readonly expectedProgress: number | null;
  /** Only where the phases table has a progress column. */
  readonly actualProgress: number | null;
  readonly status: ObjectiveStatus | null;
}

const NO_PHASES: ObjectiveFigures = {
  weightTotal: null,
  expectedProgress: null,
  actualProgress: null,
  status: null,
};

/**
 * An objective's figures from its phases (domain.md §5). A progress figure is
 * blank when any phase lacks what it needs, or the weights add up to 0: no
 * figure rather than a wrong one.
 */
export function computeObjective(
  phases: readonly PhaseRecord[],
  results: readonly PhaseResult[],
  hasProgressColumn: boolean
): ObjectiveFigures {
  if (phases.length === 0) return NO_PHASES;
  return {
    weightTotal: usableWeightTotal(phases),
    expectedProgress: weightedMean(phases, (_, i) => results[i].expectedProgress),
    actualProgress: hasProgressColumn
      ? weightedMean(phases, (phase) => progressFraction(phase))
      : null,
    status: objectiveStatus(results),
  };
}

function progressFraction(phase: PhaseRecord): number | null {
  const points = pointsInRange(phase.progress);
  return points === null ? null : points / 100;
}

function weightedMean(
  phases: readonly PhaseRecord[],
  valueOf: (phase: PhaseRecord, i: number) => number | null
): number | null {
  let weighted = 0;
  let weights = 0;
  for (let i = 0; i < phases.length; i++) {
    const weight = usableWeight(phases[i]);
    const value = valueOf(phases[i], i);
    if (weight === null || value === null) return null;
    weighted += weight * value;
    weights += weight;
  }
  return weights === 0 ? null : roundFraction(weighted / weights);
}

/** Fractions are kept to 0,01% so that the same data always writes the same cell value. */
export function roundFraction(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function objectiveStatus(results: readonly PhaseResult[]): ObjectiveStatus {
  const has = (status: ObjectiveStatus) => results.some((r) => r.status === status);
  if (has("late")) return "late";
  if (has("past-due")) return "past-due";
  if (has("missing-dates")) return "missing-dates";
  if (results.every((r) => r.status === "completed")) return "completed";
  if (results.every((r) => r.status === "not-started")) return "not-started";
  return "in-progress";
}
