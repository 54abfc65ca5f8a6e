import { yearOfDay } from "../days";
import { reportMissingText } from "./missing-text";
import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** indicator.description.missing, indicator.target.missing / .invalid / .outside-year. */
export function checkIndicatorFields({ parsed, sink }: RuleContext): void {
  const table = parsed.indicators;
  if (table === null) return;
  for (const indicator of table.records) {
    const code = codeText(indicator.objective);
    reportMissingText(
      sink,
      table.mapped,
      indicator,
      "description",
      indicator.description,
      "indicator.description.missing",
      code
    );
    const target = indicator.target;
    if (target.kind === "blank")
      sink.cell(table.mapped, indicator, "target", "indicator.target.missing", code);
    else if (target.kind === "invalid") {
      sink.cell(table.mapped, indicator, "target", "indicator.target.invalid", code, {
        problem: target.problem,
      });
    } else if (
      "date" in target.value &&
      indicator.planYear !== null &&
      yearOfDay(target.value.date) !== indicator.planYear
    ) {
      sink.cell(table.mapped, indicator, "target", "indicator.target.outside-year", code, {
        date: target.value.date,
        planYear: indicator.planYear,
      });
    }
  }
}
