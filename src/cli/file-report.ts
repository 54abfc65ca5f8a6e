import { isoFromDay, type Day } from "../engine/days";
import type { EngineResult } from "../engine/result";
import type { Language } from "../engine/snapshot";
import { catalogue, renderMessage } from "../i18n";
import type { FileReport } from "./report-schema";

/**
 * One file's entry of the report, in the language chosen on the command line.
 * The phases' and indicators' rows are built only for `withRows` (the JSON
 * document): the text output prints findings under their objectives, and on
 * a 180,000-row plan those rows are ~20 MB.
 */
export function fileReport(
  file: string,
  result: EngineResult,
  error: string | null,
  language: Language,
  withRows: boolean
): FileReport {
  const words = catalogue(language);
  const sheetOf = (kind: "objectives" | "phases" | "indicators") =>
    result.mapping[kind]?.table.sheet ?? "";
  return {
    file,
    asOf: isoFromDay(result.settings.asOf),
    error,
    summary: result.summary,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table,
      sheet: f.sheet,
      row: f.row,
      column: f.column,
      cell: f.cell,
      objective: f.objective,
      message: renderMessage(f, language),
      accepted: f.accepted,
    })),
    objectives: result.objectives.map((o) => ({
      code: o.code,
      sheet: sheetOf("objectives"),
      row: o.row,
      weightTotal: o.figures.weightTotal,
      expectedProgress: o.figures.expectedProgress,
      actualProgress: o.figures.actualProgress,
      status: o.figures.status === null ? null : words.status[o.figures.status],
      check: words.check[o.check],
    })),
    phases: (withRows ? result.phases : []).map((p) => ({
      objective: p.objective,
      sheet: sheetOf("phases"),
      row: p.row,
      expectedProgress: p.expectedProgress,
      status: words.status[p.status],
      check: words.check[p.check],
    })),
    indicators: (withRows ? result.indicators : []).map((i) => ({
      objective: i.objective,
      sheet: sheetOf("indicators"),
      row: i.row,
      check: words.check[i.check],
    })),
  };
}

/** The entry of a file that could not be read at all. */
export function unreadableReport(file: string, asOf: Day, error: string): FileReport {
  return {
    file,
    asOf: isoFromDay(asOf),
    error,
    summary: {
      objectives: 0,
      phases: 0,
      indicators: 0,
      errors: 0,
      warnings: 0,
      accepted: 0,
      infos: 0,
    },
    findings: [],
    objectives: [],
    phases: [],
    indicators: [],
  };
}
