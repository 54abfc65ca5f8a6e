import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** phase.weight.missing, phase.weight.invalid, phase.weight.zero. */
export function checkPhaseWeights({ parsed, sink }: RuleContext): void {
  const table = parsed.phases;
  if (table === null) return;
  for (const phase of table.records) {
    const code = codeText(phase.objective);
    const weight = phase.weight;
    if (weight.kind === "blank")
      sink.cell(table.mapped, phase, "weight", "phase.weight.missing", code);
    else if (weight.kind === "invalid") {
      sink.cell(table.mapped, phase, "weight", "phase.weight.invalid", code, {
        problem: weight.problem,
      });
    } else if (weight.value < 0 || weight.value > 100) {
      sink.cell(table.mapped, phase, "weight", "phase.weight.invalid", code, {
        problem: { type: "out-of-range", value: weight.value },
      });
    } else if (weight.value === 0)
      sink.cell(table.mapped, phase, "weight", "phase.weight.zero", code);
  }
}
