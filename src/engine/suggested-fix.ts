import { formatDay, serialFromDay, type Day } from "./days";
import type { Finding } from "./findings";
import type { DateSystem } from "./snapshot";

/** A one-cell fix the domain suggests: today, a missing end date filled with the suggested day. */
export interface SuggestedFix {
  readonly sheet: string;
  readonly cell: string;
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
  const day = finding.details.suggestion;
  if (day === undefined) return null;
  return {
    sheet: finding.sheet,
    cell: finding.cell,
    day,
    serial: serialFromDay(day, dateSystem),
    numberFormat: DATE_FORMAT,
    display: formatDay(day),
  };
}
