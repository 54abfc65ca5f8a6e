import { usableWeightTotal } from "../phase-values";
import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

// ± 0,01 as the domain says, plus room for binary floating point (66,67 + 33,34 is 100.01000000000001).
const WEIGHT_TOLERANCE = 0.01 + 1e-9;

/**
 * objective.phases.none, objective.indicators.none, objective.weight.sum.
 * Only for an objective's first row, and only when the other table could be
 * read: with no phases table there is nothing to count.
 */
export function checkObjectiveLinks({ parsed, links, sink }: RuleContext): void {
  const table = parsed.objectives;
  if (table === null) return;
  for (const objective of table.records) {
    if (objective.key === null || objective.duplicateOf !== null) continue;
    const code = codeText(objective.code);
    if (parsed.phases !== null) {
      const phases = links.phasesByKey.get(objective.key) ?? [];
      if (phases.length === 0) {
        sink.cell(table.mapped, objective, "code", "objective.phases.none", code);
      } else {
        const total = usableWeightTotal(phases);
        if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
          sink.row(table.mapped, objective, "code", "objective.weight.sum", code, { total });
        }
      }
    }
    if (parsed.indicators !== null && !links.indicatorsByKey.has(objective.key)) {
      sink.cell(table.mapped, objective, "code", "objective.indicators.none", code);
    }
  }
}
