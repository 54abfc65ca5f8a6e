import type { PlainRule, TextMissingRule } from "../findings";
import type { LinkedRecord, ParsedTable } from "../parse/records";
import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** phase.objective.missing / .unknown and indicator.objective.missing / .unknown. */
export function checkLinkedObjectives(context: RuleContext): void {
  checkTable(context, context.parsed.phases, "phase.objective.missing", "phase.objective.unknown");
  checkTable(
    context,
    context.parsed.indicators,
    "indicator.objective.missing",
    "indicator.objective.unknown"
  );
}

function checkTable(
  { parsed, links, sink }: RuleContext,
  table: ParsedTable<LinkedRecord> | null,
  missing: TextMissingRule,
  unknown: PlainRule
): void {
  if (table === null) return;
  for (const record of table.records) {
    if (record.objective.kind === "blank")
      sink.cell(table.mapped, record, "objective", missing, null);
    else if (record.objective.kind === "invalid") {
      sink.cell(table.mapped, record, "objective", missing, null, {
        problem: record.objective.problem,
      });
    } else if (
      parsed.objectives !== null &&
      !links.objectiveByKey.has(record.objectiveKey as string)
    ) {
      sink.cell(table.mapped, record, "objective", unknown, codeText(record.objective));
    }
  }
}
