import type { Day } from "./days";
import type { Problem } from "./parse/cells";
import type { TableKind } from "./snapshot";

export type Severity = "error" | "warning";

export const RULES = {
  "table.missing": "error",
  "table.column.missing": "error",
  "table.headers.off": "error",
  "table.empty": "warning",
  "objective.code.missing": "error",
  "objective.code.duplicate": "error",
  "objective.title.missing": "error",
  "objective.phases.none": "error",
  "objective.indicators.none": "warning",
  "objective.weight.sum": "error",
  "phase.objective.missing": "error",
  "phase.objective.unknown": "error",
  "phase.description.missing": "error",
  "phase.weight.missing": "error",
  "phase.weight.invalid": "error",
  "phase.weight.zero": "warning",
  "phase.start.missing": "error",
  "phase.end.missing": "error",
  "phase.start.invalid": "error",
  "phase.end.invalid": "error",
  "phase.dates.order": "error",
  "phase.dates.outside-year": "warning",
  "phase.owner.missing": "warning",
  "phase.progress.invalid": "error",
  "indicator.objective.missing": "error",
  "indicator.objective.unknown": "error",
  "indicator.description.missing": "error",
  "indicator.target.missing": "error",
  "indicator.target.invalid": "error",
  "indicator.target.outside-year": "warning",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

/** Findings that leave a table uncheckable: the workbook cannot be fully checked. */
export function makesUncheckable(finding: Finding): boolean {
  return (
    finding.rule === "table.missing" ||
    finding.rule === "table.column.missing" ||
    finding.rule === "table.headers.off"
  );
}

/** What a message needs besides the location; each rule uses the fields it names. */
export interface FindingDetails {
  readonly tableKind?: TableKind;
  readonly field?: string;
  readonly problem?: Problem;
  readonly error?: string;
  readonly firstRow?: number;
  readonly total?: number;
  readonly value?: number;
  readonly start?: Day;
  readonly end?: Day;
  readonly date?: Day;
  readonly planYear?: number;
  readonly suggestion?: Day;
  readonly suggestionSource?: string;
}

/** A finding is plain data: the rule, where it is, and what the message needs. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly tableKind: TableKind;
  /** The table's name in the workbook; null when the table is missing. */
  readonly table: string | null;
  readonly sheet: string | null;
  /** Worksheet row as Excel numbers it; null for workbook- and table-level findings. */
  readonly row: number | null;
  /** Index of the data row in the table; null for workbook- and table-level findings. */
  readonly rowIndex: number | null;
  /** Header as written in the workbook, where one cell is at fault. */
  readonly column: string | null;
  /** A1 address on `sheet` of the cell to go to. */
  readonly cell: string | null;
  readonly objective: string | null;
  readonly details: FindingDetails;
}

export function severityOf(rule: RuleId): Severity {
  return RULES[rule];
}
