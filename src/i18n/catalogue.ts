import type { Check, PhaseStatus } from "../engine/compute/statuses";
import type { FindingDetails, RuleId } from "../engine/findings";
import type { Problem } from "../engine/parse/cells";
import type { ProblemCounts } from "../engine/result";
import type { SuggestedFix } from "../engine/suggested-fix";
import type { Language, TableKind } from "../engine/snapshot";
import type { ReadFailure, SkipReason } from "./reason-codes";

/** Each rule's sentence, given exactly that rule's details. */
export type RuleMessages = {
  readonly [R in RuleId]: (
    details: FindingDetails<R>,
    objective: string | null,
    table: string | null
  ) => string;
};

/** Every word the product shows, for one language. Findings stay data; this turns them into sentences. */
export interface Catalogue {
  readonly language: Language;
  readonly rules: RuleMessages;
  readonly problem: (problem: Problem) => string;
  /** An accepted warning's message, marked as accepted (Messages column, command line). */
  readonly acceptedMessage: (message: string) => string;
  readonly status: Readonly<Record<PhaseStatus, string>>;
  readonly check: Readonly<Record<Check, string>>;
  readonly tableNames: Readonly<Record<TableKind, string>>;
  /** "Fasi: 1 errore" — what an objective's phases and indicators hold, for its Messages cell. */
  readonly linkedProblems: (phases: ProblemCounts, indicators: ProblemCounts) => string;
  readonly number: (value: number) => string;
  readonly cli: CliTexts;
  readonly addin: AddinTexts;
}

/** The ribbon command's and the pane's words. */
export interface AddinTexts {
  readonly summary: (counts: {
    objectives: number;
    errors: number;
    warnings: number;
    /** Accepted warnings: named apart, never among the warnings. */
    accepted: number;
  }) => string;
  readonly written: (cells: number) => string;
  readonly nothingToWrite: string;
  readonly skipped: (table: string, range: string) => string;
  readonly noTables: string;
  readonly uncheckable: (reasons: string) => string;
  readonly protectedSheet: (sheet: string) => string;
  readonly excelError: (code: string) => string;
  /** A filter Excel would not put back after the status columns were written. */
  readonly filterLost: (table: string, column: string) => string;
  readonly rowsMoved: (table: string, sheet: string) => string;
  readonly unexpected: (message: string) => string;
  /** The pane's engine worker failed to load or stopped: the check ended without a result. */
  readonly engineStopped: string;
  /** The ribbon command stopped before writing, to end inside Office's five minutes. */
  readonly timeLimit: string;
  readonly settingsIgnored: string;
  readonly close: string;
  readonly title: string;
  readonly validate: string;
  readonly validating: string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly useSuggestion: (date: string) => string;
  readonly confirmFixTitle: string;
  readonly confirmFix: (date: string, where: string) => string;
  /** What the fix will change, for its confirmation: cell, phase, start, day and where the day comes from. */
  readonly fixWillChange: (fix: SuggestedFix) => string;
  readonly accept: string;
  readonly restore: string;
  /** The mark on an accepted warning in the pane's list. */
  readonly acceptedBadge: string;
  /** Accepting one more warning would exceed what the workbook may store. */
  readonly acceptedWarningsFull: (max: number) => string;
  readonly write: string;
  readonly cancel: string;
  readonly cellNoLongerBlank: (where: string) => string;
  /** The fix's cell holds a formula that yields empty text: it looks blank but is not empty. */
  readonly cellHoldsFormula: (where: string) => string;
  readonly timelineHeading: string;
  readonly referenceDate: string;
  readonly referenceDateHint: string;
  readonly statusLanguage: string;
  readonly all: string;
  readonly severityFilter: string;
  readonly ruleFilter: string;
  readonly previous: string;
  readonly next: string;
  readonly createTables: string;
  /** Converti in tabelle: the button, its confirmation and what came of it. */
  readonly convertToTables: string;
  readonly convertTitle: string;
  /** `ranges`: "Fasi!A3:J5 → Fasi, …". */
  readonly convertConfirm: (ranges: string) => string;
  readonly convert: string;
  readonly converted: (tables: string) => string;
  readonly convertRefused: Readonly<
    Record<
      "merged-cells" | "overlaps-table" | "protected" | "excel",
      (range: string, cells: string) => string
    >
  >;
  readonly stale: string;
  readonly mappingHeading: string;
  readonly mappingTable: (kind: string) => string;
  readonly saveMapping: string;
  /** A field's name as the messages and the created tables spell it (map/fields.ts keys). */
  readonly fieldName: (key: string) => string;
  readonly timelineObjective: string;
  readonly timelineChooserHint: (objectives: number) => string;
  readonly timelineNoDepartment: string;
  readonly timelineNoMatch: string;
  /** The chooser lists the first matches only: how many more there are, and how to reach them. */
  readonly timelineMoreMatches: (more: number) => string;
  readonly timelineNone: string;
  readonly timelineLegend: string;
  readonly timelineReference: (date: string) => string;
  readonly timelineOpenEnd: string;
  readonly timelineNoDate: string;
  /** Read out after a bar's phase, dates and status: the cell a click selects. */
  readonly timelineSelect: (where: string) => string;
  readonly referenceDateInvalid: (text: string) => string;
  readonly referenceDateImpossible: (text: string) => string;
  readonly referenceDateYear: (text: string) => string;
  readonly referenceDateEmpty: string;
  readonly referenceDatePlaceholder: string;
  readonly referenceDateQuick: string;
  readonly calendar: {
    readonly goToToday: string;
    readonly prevMonth: string;
    readonly nextMonth: string;
    readonly prevYear: string;
    readonly nextYear: string;
    readonly close: string;
    readonly open: string;
  };
  readonly staleDate: string;
  readonly emptyPlan: string;
  readonly addFirstObjective: string;
  readonly navigation: NavigationTexts;
}

/** The findings list's words: search, grouping, the cursor, the collapsible settings. */
export interface NavigationTexts {
  readonly settings: string;
  readonly search: string;
  readonly searchHint: string;
  readonly groupBy: string;
  readonly groupings: Readonly<Record<"objective" | "department" | "rule" | "severity", string>>;
  /** Findings about the whole workbook or a whole table: no objective of their own. */
  readonly workbook: string;
  /** Findings on a row that names no objective. */
  readonly noObjective: string;
  readonly noDepartment: string;
  readonly ruleChips: string;
  /** "12 di 701": the current finding's place in the list as shown. */
  readonly position: (current: number, total: number) => string;
  readonly findings: (count: number) => string;
  readonly noMatches: string;
  readonly current: string;
}

/** What is wrong with a command line, as a code this catalogue turns into a sentence. */
export type ArgumentProblem =
  | "no-command"
  | "unknown-command"
  | "unknown-option"
  | "missing-value"
  | "unexpected-value"
  | "repeated-option"
  | "no-paths"
  | "bad-as-of"
  | "bad-plan-year"
  | "bad-lang"
  | "empty-write-to"
  | "bad-out"
  | "missing-out"
  | "empty-html"
  | "only-validate"
  | "only-report";

/** The step of checking one file that failed. */
export type FileStage = "read" | "check" | "write";

export interface CliTexts {
  readonly usage: string;
  readonly summary: (counts: {
    objectives: number;
    phases: number;
    indicators: number;
    errors: number;
    warnings: number;
    /** Accepted warnings: said only when there are some. */
    accepted: number;
  }) => string;
  /** The mark of an accepted warning listed with --show-accepted. */
  readonly acceptedWarning: string;
  readonly asOf: (date: string) => string;
  readonly noFindings: string;
  readonly workbookLevel: string;
  /** Heading of the `info` findings, listed last. */
  readonly adviceHeading: string;
  readonly objectiveHeading: (code: string) => string;
  readonly noObjective: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly wrote: (path: string) => string;
  readonly unchanged: (path: string) => string;
  readonly notWritten: (reason: string) => string;
  readonly total: (files: number, errors: number, warnings: number, unreadable: number) => string;
  readonly readFailure: Readonly<
    Record<
      ReadFailure | "not-found" | "unreadable-file" | "empty-folder",
      (detail: string) => string
    >
  >;
  readonly uncheckable: (reasons: string) => string;
  readonly skipped: Readonly<Record<SkipReason, (table: string, range: string) => string>>;
  readonly sameAsSource: string;
  readonly nameClash: string;
  readonly writeFailed: (detail: string) => string;
  /** A bad command line: the sentence, followed by the usage. */
  readonly argumentProblem: Readonly<Record<ArgumentProblem, (detail: string) => string>>;
  /** A failure that is the program's fault, not the file's: said plainly, with the file, for a bug report. */
  readonly internalError: (stage: FileStage) => string;
  /** How to see the details of an internal error. */
  readonly debugHint: string;
}
