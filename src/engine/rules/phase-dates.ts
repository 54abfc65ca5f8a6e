import { dayFromYmd, yearOfDay, type Day } from "../days";
import type { EndSuggestion } from "../findings";
import type { WorkbookLinks } from "../links";
import type { PhaseRecord } from "../parse/records";
import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/**
 * phase.start/end.missing and .invalid, phase.dates.order, phase.dates.outside-year.
 * A missing end date comes with a suggestion: the objective's latest date
 * target, else 31/12 of the plan year, never before the phase's start.
 */
const DATE_FIELDS = ["start", "end"] as const;

export function checkPhaseDates({ parsed, links, sink }: RuleContext): void {
  const table = parsed.phases;
  if (table === null) return;
  for (const phase of table.records) {
    const code = codeText(phase.objective);
    for (const field of DATE_FIELDS) {
      const date = phase[field];
      if (date.kind === "blank") {
        if (field === "end")
          sink.cell(
            table.mapped,
            phase,
            field,
            "phase.end.missing",
            code,
            suggestEnd(phase, links)
          );
        else sink.cell(table.mapped, phase, field, "phase.start.missing", code);
      } else if (date.kind === "invalid") {
        sink.cell(table.mapped, phase, field, `phase.${field}.invalid`, code, {
          problem: date.problem,
        });
      }
    }
    const { start, end } = phase;
    if (start.kind === "ok" && end.kind === "ok" && start.value > end.value) {
      sink.cell(table.mapped, phase, "end", "phase.dates.order", code, {
        start: start.value,
        end: end.value,
      });
    }
    if (phase.planYear === null) continue;
    for (const field of DATE_FIELDS) {
      const date = phase[field];
      if (date.kind === "ok" && yearOfDay(date.value) !== phase.planYear) {
        sink.cell(table.mapped, phase, field, "phase.dates.outside-year", code, {
          date: date.value,
          planYear: phase.planYear,
        });
      }
    }
  }
}

/**
 * The objective's latest date target, else 31/12 of the plan year; never a
 * day before the phase's own start, because writing it would only trade a
 * missing end for phase.dates.order. When the start rules out both, nothing
 * is suggested and the details say why: the start itself needs checking.
 */
function suggestEnd(phase: PhaseRecord, links: WorkbookLinks): EndSuggestion {
  let latest: { date: Day; description: string } | null = null;
  for (const indicator of (phase.objectiveKey && links.indicatorsByKey.get(phase.objectiveKey)) ||
    []) {
    const target = indicator.target;
    if (
      target.kind === "ok" &&
      "date" in target.value &&
      (latest === null || target.value.date > latest.date)
    ) {
      const description = indicator.description.kind === "ok" ? indicator.description.value : "";
      latest = { date: target.value.date, description };
    }
  }
  const start = phase.start.kind === "ok" ? phase.start.value : null;
  const about = {
    phase: phase.description.kind === "ok" ? phase.description.value : null,
    start,
  };
  const notBeforeStart = (day: Day) => start === null || day >= start;
  if (latest !== null && notBeforeStart(latest.date))
    return { ...about, suggestion: latest.date, suggestionSource: latest.description };
  const yearEnd = phase.planYear === null ? null : dayFromYmd(phase.planYear, 12, 31);
  if (yearEnd !== null && phase.planYear !== null && notBeforeStart(yearEnd)) {
    return latest === null
      ? { ...about, suggestion: yearEnd, planYear: phase.planYear }
      : { ...about, suggestion: yearEnd, planYear: phase.planYear, earlierTarget: latest.date };
  }
  if (start !== null && (latest !== null || yearEnd !== null))
    return { start, latestTarget: latest?.date ?? null, planYear: phase.planYear };
  return {};
}
