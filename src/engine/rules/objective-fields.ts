import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** objective.code.missing, objective.code.duplicate, objective.title.missing. */
export function checkObjectiveFields({ parsed, sink }: RuleContext): void {
  const table = parsed.objectives;
  if (table === null) return;
  const { mapped, records } = table;
  for (const objective of records) {
    const code = codeText(objective.code);
    if (objective.code.kind === "blank")
      sink.cell(mapped, objective, "code", "objective.code.missing", null);
    if (objective.code.kind === "invalid") {
      sink.cell(mapped, objective, "code", "objective.code.missing", null, {
        problem: objective.code.problem,
      });
    }
    if (objective.duplicateOf !== null) {
      sink.cell(mapped, objective, "code", "objective.code.duplicate", code, {
        firstRow: mapped.table.headerRow + 1 + objective.duplicateOf,
      });
    }
    if (objective.title.kind !== "ok") {
      const problem = objective.title.kind === "invalid" ? objective.title.problem : undefined;
      sink.cell(mapped, objective, "title", "objective.title.missing", code, { problem });
    }
  }
}
