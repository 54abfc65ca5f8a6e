import type { Check, ObjectiveStatus, PhaseStatus } from "../engine/compute/statuses";
import type { Day } from "../engine/days";
import type { EngineResult } from "../engine/result";
import type { Severity } from "../engine/findings";
import type { CellValue, Language } from "../engine/snapshot";
import { cellAddress } from "../engine/cell-address";
import { isCellError } from "../engine/snapshot";
import { renderMessage } from "../i18n";

/**
 * The monitoring round's summary: rows built from many engine results, one
 * file at a time. Only these rows outlive a file (never its snapshot or
 * result), so memory grows with the report, not with the workbooks read.
 */

export interface ObjectiveLine {
  readonly file: string;
  readonly directorate: string | null;
  readonly code: string | null;
  readonly title: string | null;
  readonly sheet: string;
  /** The objective's code cell, where its link points. */
  readonly cell: string;
  readonly weightTotal: number | null;
  readonly expectedProgress: number | null;
  readonly actualProgress: number | null;
  readonly status: ObjectiveStatus | null;
  readonly check: Check;
  /** Its own row's findings and its phases' and indicators'. */
  readonly errors: number;
  readonly warnings: number;
}

export interface FindingLine {
  readonly file: string;
  readonly directorate: string | null;
  readonly objective: string | null;
  readonly rule: string;
  readonly severity: Severity;
  /** A warning the workbook accepts: listed, marked, never counted (domain.md §4). */
  readonly accepted: boolean;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface FileLine {
  readonly file: string;
  readonly asOf: Day;
  readonly planYear: number | null;
  readonly statusLanguage: Language | null;
  readonly objectives: number;
  readonly errors: number;
  readonly warnings: number;
  /** Why it could not be read or fully checked; null when it was. */
  readonly error: string | null;
}

export interface PhaseSpan {
  readonly description: string | null;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly status: PhaseStatus;
}

/** A late or past-due objective with its phases, for the dashboard's timeline. */
export interface BehindObjective {
  readonly file: string;
  readonly directorate: string | null;
  readonly code: string | null;
  readonly title: string | null;
  readonly status: "late" | "past-due";
  readonly expectedProgress: number | null;
  readonly actualProgress: number | null;
  readonly phases: readonly PhaseSpan[];
}

export interface DirectorateLine {
  readonly directorate: string;
  readonly byStatus: Readonly<Record<ObjectiveStatus | "none", number>>;
  readonly objectives: number;
  readonly late: number;
  readonly pastDue: number;
  readonly errors: number;
  readonly warnings: number;
  /** Mean over the objectives that have both figures, each objective counting once. */
  readonly expectedProgress: number | null;
  readonly actualProgress: number | null;
  /** How many objectives the two means are over. */
  readonly measured: number;
}

export const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = [
  "late",
  "past-due",
  "missing-dates",
  "not-started",
  "in-progress",
  "completed",
];

/** The dashboard's timeline shows the objectives furthest behind; the rest are in the workbook. */
export const TIMELINE_LIMIT = 30;

interface DirectorateTally {
  byStatus: Record<ObjectiveStatus | "none", number>;
  objectives: number;
  errors: number;
  warnings: number;
  expectedSum: number;
  actualSum: number;
  measured: number;
}

export class RoundReport {
  readonly objectives: ObjectiveLine[] = [];
  readonly findings: FindingLine[] = [];
  readonly files: FileLine[] = [];
  /** Late and past-due objectives in all, of which `behind` keeps the furthest behind. */
  behindCount = 0;
  private behindList: BehindObjective[] = [];
  private readonly tallies = new Map<string, DirectorateTally>();

  constructor(
    readonly language: Language,
    readonly asOf: Day
  ) {}

  /** A file the engine checked (`error` says why it was not fully checked, if so). */
  addChecked(file: string, result: EngineResult, error: string | null): void {
    const mapped = result.mapping.objectives;
    const text = (index: number, keys: readonly string[]): string | null => {
      if (mapped === null) return null;
      for (const key of keys) {
        const column = mapped.columns.get(key);
        if (column === undefined) continue;
        const value = cellText(mapped.table.rows[index]?.[column] ?? null);
        if (value !== null) return value;
      }
      return null;
    };
    const sheet = mapped?.table.sheet ?? "";
    const codeColumn = (mapped?.table.firstColumn ?? 0) + (mapped?.columns.get("code") ?? 0);
    const directorateOf = new Map<string, string | null>();
    const phasesOf = new Map<string, PhaseSpan[]>();
    for (const p of result.phases) {
      if (p.objective === null) continue;
      const key = p.objective.trim().toUpperCase();
      const list = phasesOf.get(key) ?? [];
      list.push({ description: p.description, start: p.start, end: p.end, status: p.status });
      phasesOf.set(key, list);
    }
    for (const o of result.objectives) {
      const directorate = text(o.index, ["department", "service"]);
      const title = text(o.index, ["title"]);
      const key = o.code?.trim().toUpperCase() ?? null;
      if (key !== null && !directorateOf.has(key)) directorateOf.set(key, directorate);
      const own = countSeverities(o.findings);
      const errors =
        own.errors + o.linkedProblems.phases.errors + o.linkedProblems.indicators.errors;
      const warnings =
        own.warnings + o.linkedProblems.phases.warnings + o.linkedProblems.indicators.warnings;
      const { figures } = o;
      this.objectives.push({
        file,
        directorate,
        code: o.code,
        title,
        sheet,
        cell: cellAddress(codeColumn, o.row),
        weightTotal: figures.weightTotal,
        expectedProgress: figures.expectedProgress,
        actualProgress: figures.actualProgress,
        status: figures.status,
        check: o.check,
        errors,
        warnings,
      });
      this.tally(directorate, figures, errors, warnings);
      if (figures.status === "late" || figures.status === "past-due")
        this.addBehind({
          file,
          directorate,
          code: o.code,
          title,
          status: figures.status,
          expectedProgress: figures.expectedProgress,
          actualProgress: figures.actualProgress,
          phases: (key !== null && phasesOf.get(key)) || [],
        });
    }
    for (const f of result.findings) {
      const directorate =
        f.objective === null ? null : (directorateOf.get(f.objective.trim().toUpperCase()) ?? null);
      this.findings.push({
        file,
        directorate,
        objective: f.objective,
        rule: f.rule,
        severity: f.severity,
        accepted: f.accepted,
        sheet: f.sheet,
        cell: f.cell,
        message: renderMessage(f, this.language),
      });
    }
    this.files.push({
      file,
      asOf: result.settings.asOf,
      planYear: result.settings.planYear,
      statusLanguage: result.settings.statusLanguage,
      objectives: result.summary.objectives,
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      error,
    });
  }

  /** A file that could not be read at all. */
  addUnreadable(file: string, error: string): void {
    this.files.push({
      file,
      asOf: this.asOf,
      planYear: null,
      statusLanguage: null,
      objectives: 0,
      errors: 0,
      warnings: 0,
      error,
    });
  }

  /** The late and past-due objectives furthest behind (largest gap between expected and actual). */
  get behind(): readonly BehindObjective[] {
    return this.behindList;
  }

  directorates(): DirectorateLine[] {
    return [...this.tallies.entries()]
      .sort(([a], [b]) => a.localeCompare(b, this.language))
      .map(([directorate, t]) => ({
        directorate,
        byStatus: { ...t.byStatus },
        objectives: t.objectives,
        late: t.byStatus.late,
        pastDue: t.byStatus["past-due"],
        errors: t.errors,
        warnings: t.warnings,
        expectedProgress: t.measured === 0 ? null : t.expectedSum / t.measured,
        actualProgress: t.measured === 0 ? null : t.actualSum / t.measured,
        measured: t.measured,
      }));
  }

  private tally(
    directorate: string | null,
    figures: Pick<ObjectiveLine, "expectedProgress" | "actualProgress" | "status">,
    errors: number,
    warnings: number
  ): void {
    // Objectives without a Direzione/Servizio are grouped under an empty name, shown as "(none)".
    const name = directorate ?? "";
    let t = this.tallies.get(name);
    if (t === undefined) {
      t = {
        byStatus: {
          late: 0,
          "past-due": 0,
          "missing-dates": 0,
          "not-started": 0,
          "in-progress": 0,
          completed: 0,
          none: 0,
        },
        objectives: 0,
        errors: 0,
        warnings: 0,
        expectedSum: 0,
        actualSum: 0,
        measured: 0,
      };
      this.tallies.set(name, t);
    }
    t.objectives++;
    t.byStatus[figures.status ?? "none"]++;
    t.errors += errors;
    t.warnings += warnings;
    if (figures.expectedProgress !== null && figures.actualProgress !== null) {
      t.expectedSum += figures.expectedProgress;
      t.actualSum += figures.actualProgress;
      t.measured++;
    }
  }

  private addBehind(objective: BehindObjective): void {
    this.behindCount++;
    this.behindList.push(objective);
    if (this.behindList.length <= TIMELINE_LIMIT * 2) return;
    // Trimmed in batches, so the list stays small without sorting on every objective.
    this.behindList.sort(furthestBehindFirst);
    this.behindList = this.behindList.slice(0, TIMELINE_LIMIT);
  }

  /** Called once all files are in. */
  finish(): void {
    this.behindList.sort(furthestBehindFirst);
    this.behindList = this.behindList.slice(0, TIMELINE_LIMIT);
  }
}

function gap(o: BehindObjective): number {
  return (o.expectedProgress ?? 0) - (o.actualProgress ?? 0);
}

function furthestBehindFirst(a: BehindObjective, b: BehindObjective): number {
  return gap(b) - gap(a) || (a.code ?? "").localeCompare(b.code ?? "");
}

/** Open problems only: an info is advice and an accepted warning is settled (domain.md §4). */
function countSeverities(findings: readonly { severity: Severity; accepted: boolean }[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning" && !f.accepted) warnings++;
  }
  return { errors, warnings };
}

/** A cell as the text a reader sees; an Excel error or a blank is no text. */
function cellText(value: CellValue): string | null {
  if (value === null || isCellError(value)) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}
