import { formatDay, serialFromDay, type Day } from "./days";
import type { Finding } from "./findings";
import type { DateSystem } from "./snapshot";

/** Where the suggested day comes from, for the confirmation to say. */
export type FixSource =
  | { readonly kind: "indicator"; readonly indicator: string }
  | {
      readonly kind: "plan-year";
      readonly planYear: number;
      /** The indicator's date passed over because it is before the phase's start. */
      readonly earlierTarget: Day | null;
    };

/** A one-cell fix the domain suggests: today, a missing end date filled with the suggested day. */
export interface SuggestedFix {
  readonly sheet: string;
  readonly cell: string;
  /** What the confirmation says will change: the row's objective, phase and start, and the day's source. */
  readonly objective: string | null;
  readonly phase: string | null;
  readonly start: Day | null;
  readonly source: FixSource;
  readonly day: Day;
  /** The day as an Excel serial in the workbook's date system. */
  readonly serial: number;
  readonly numberFormat: string;
  /** `30/09/2018`, for the button and the confirmation. */
  readonly display: string;
}

export const DATE_FORMAT = "dd/mm/yyyy";

export function suggestedFix(finding: Finding, dateSystem: DateSystem): SuggestedFix | null {
  if (finding.rule !== "phase.end.missing" || finding.sheet === null || finding.cell === null)
    return null;
  const details = finding.details;
  if (details.suggestion === undefined) return null;
  const day = details.suggestion;
  return {
    sheet: finding.sheet,
    cell: finding.cell,
    objective: finding.objective,
    phase: details.phase,
    start: details.start,
    source:
      "suggestionSource" in details
        ? { kind: "indicator", indicator: details.suggestionSource }
        : {
            kind: "plan-year",
            planYear: details.planYear,
            earlierTarget: details.earlierTarget ?? null,
          },
    day,
    serial: serialFromDay(day, dateSystem),
    numberFormat: DATE_FORMAT,
    display: formatDay(day),
  };
}
