import type { Day } from "./days";
import type { Problem } from "./parse/cells";
import type { TableKind } from "./snapshot";

/** `info` is advice: listed, never counted, never sets Esito/Check (domain.md §4). */
export type Severity = "error" | "warning" | "info";

export const RULES = {
  "table.missing": "error",
  "table.column.missing": "error",
  "table.headers.off": "error",
  "table.empty": "warning",
  "table.plain-range": "info",
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

/** No details: the rule and the location say it all. */
type NoDetails = Readonly<Record<string, never>>;
/** A text field's `.missing` rule: the cell may hold an Excel error, which the message names. */
interface MaybeProblem {
  readonly problem?: Problem;
}
/** Why the cell's value cannot be read. */
interface WithProblem {
  readonly problem: Problem;
}
interface OutsideYear {
  readonly date: Day;
  readonly planYear: number;
}
/** The phase a missing end belongs to, for the fix's confirmation ("fase «…», inizio 12/10/2024"). */
interface SuggestionPhase {
  /** The phase's description; null when blank or unreadable. */
  readonly phase: string | null;
  /** The phase's planned start; null when blank or not a date. */
  readonly start: Day | null;
}
/**
 * A missing end's suggestion: the objective's latest date target, else 31/12
 * of the plan year, never before the phase's own start; else none, and when
 * the start is what rules every candidate out, why (`latestTarget`).
 */
export type EndSuggestion =
  | { readonly suggestion?: undefined; readonly start?: undefined }
  | (SuggestionPhase & { readonly suggestion: Day; readonly suggestionSource: string })
  | (SuggestionPhase & {
      readonly suggestion: Day;
      readonly planYear: number;
      /** The indicator's date passed over because it is before the start. */
      readonly earlierTarget?: Day;
    })
  | {
      readonly suggestion?: undefined;
      /** The start that is after every candidate: the start itself needs checking. */
      readonly start: Day;
      readonly latestTarget: Day | null;
      readonly planYear: number | null;
    };

/** What each rule's message needs besides the location: exactly these fields, per rule. */
export interface FindingDetailsByRule {
  "table.missing": { readonly tableKind: TableKind };
  "table.column.missing": { readonly tableKind: TableKind; readonly field: string };
  "table.headers.off": { readonly tableKind: TableKind };
  "table.empty": { readonly tableKind: TableKind };
  "table.plain-range": { readonly tableKind: TableKind };
  "objective.code.missing": MaybeProblem;
  "objective.code.duplicate": { readonly firstRow: number };
  "objective.title.missing": MaybeProblem;
  "objective.phases.none": NoDetails;
  "objective.indicators.none": NoDetails;
  "objective.weight.sum": { readonly total: number };
  "phase.objective.missing": MaybeProblem;
  "phase.objective.unknown": NoDetails;
  "phase.description.missing": MaybeProblem;
  "phase.weight.missing": NoDetails;
  "phase.weight.invalid": WithProblem;
  "phase.weight.zero": NoDetails;
  "phase.start.missing": NoDetails;
  "phase.end.missing": EndSuggestion;
  "phase.start.invalid": WithProblem;
  "phase.end.invalid": WithProblem;
  "phase.dates.order": { readonly start: Day; readonly end: Day };
  "phase.dates.outside-year": OutsideYear;
  "phase.owner.missing": MaybeProblem;
  "phase.progress.invalid": WithProblem;
  "indicator.objective.missing": MaybeProblem;
  "indicator.objective.unknown": NoDetails;
  "indicator.description.missing": MaybeProblem;
  "indicator.target.missing": NoDetails;
  "indicator.target.invalid": WithProblem;
  "indicator.target.outside-year": OutsideYear;
}

export type FindingDetails<R extends RuleId = RuleId> = FindingDetailsByRule[R];

/** The rules whose details are exactly `D` (e.g. the text fields' `.missing` rules). */
export type RulesWithDetails<D> = {
  [R in RuleId]: [FindingDetailsByRule[R]] extends [D]
    ? [D] extends [FindingDetailsByRule[R]]
      ? R
      : never
    : never;
}[RuleId];

/** The `.missing` rules of text fields, whose cell may hold an Excel error. */
export type TextMissingRule = RulesWithDetails<MaybeProblem>;
/** The rules that say only where: no details. */
export type PlainRule = RulesWithDetails<NoDetails>;

/** Where a finding points, whatever its rule. */
interface FindingLocation {
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
  /**
   * The row's key for accepting a warning (domain.md §4): the objective's code,
   * for a phase or indicator also its description, normalised; null for
   * workbook- and table-level findings and rows without that key.
   */
  readonly rowKey: string | null;
  /** True only for a warning the workbook's settings accept: it does not set Esito/Check nor count. */
  readonly accepted: boolean;
}

/**
 * A finding is plain data: the rule, where it is, and what the message needs.
 * A union over the rules, so that checking `rule` gives that rule's details.
 */
export type Finding<R extends RuleId = RuleId> = {
  [K in R]: FindingLocation & { readonly rule: K; readonly details: FindingDetailsByRule[K] };
}[R];

export function severityOf(rule: RuleId): Severity {
  return RULES[rule];
}
