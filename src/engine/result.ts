import type { Day } from "./days";
import type { ObjectiveFigures } from "./compute/objective-progress";
import type { Check, PhaseStatus } from "./compute/statuses";
import type { Finding } from "./findings";
import type { WorkbookMapping } from "./map/map-workbook";
import type { RunSettings } from "./settings";
import type { TableKind } from "./snapshot";

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
}

export interface RowResult {
  /** Index of the data row in its table. */
  readonly index: number;
  /** Worksheet row. */
  readonly row: number;
  /** Worst finding on the row (for an objective, also on its phases and indicators). */
  readonly check: Check;
  /** Findings on this row itself. */
  readonly findings: readonly Finding[];
}

export interface ObjectiveRow extends RowResult {
  readonly code: string | null;
  readonly title: string | null;
  /** Direzione (else Servizio), for reading a finding's objective in the pane. */
  readonly department: string | null;
  readonly figures: ObjectiveFigures;
  readonly linkedProblems: { readonly phases: ProblemCounts; readonly indicators: ProblemCounts };
}

export interface PhaseRow extends RowResult {
  readonly objective: string | null;
  /** What the timeline draws: the phase's name, usable weight and planned days. */
  readonly description: string | null;
  readonly weight: number | null;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly expectedProgress: number | null;
  readonly status: PhaseStatus;
}

export interface IndicatorRow extends RowResult {
  readonly objective: string | null;
}

export interface Summary {
  readonly objectives: number;
  readonly phases: number;
  readonly indicators: number;
  readonly errors: number;
  /** Warnings not accepted by the workbook's settings. */
  readonly warnings: number;
  /** Accepted warnings: listed, but not in `warnings`, Esito/Check or the exit code. */
  readonly accepted: number;
  /** Advice (`info` findings): listed, never counted among errors and warnings. */
  readonly infos: number;
}

export interface EngineResult {
  readonly settings: RunSettings;
  readonly mapping: WorkbookMapping;
  readonly findings: readonly Finding[];
  readonly objectives: readonly ObjectiveRow[];
  readonly phases: readonly PhaseRow[];
  readonly indicators: readonly IndicatorRow[];
  /** Fully blank data rows per table: not data, but stale status cells there are cleared. */
  readonly blankRows: Readonly<Record<TableKind, readonly number[]>>;
  readonly summary: Summary;
}
