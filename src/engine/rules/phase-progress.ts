import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** phase.progress.invalid: a progress value that is not a number in 0–100 (blank is no value yet). */
export function checkPhaseProgress({ parsed, sink }: RuleContext): void {
  const table = parsed.phases;
  if (table === null) return;
  for (const phase of table.records) {
    const progress = phase.progress;
    if (progress === null || progress.kind === "blank") continue;
    const code = codeText(phase.objective);
    if (progress.kind === "invalid") {
      sink.cell(table.mapped, phase, "progress", "phase.progress.invalid", code, {
        problem: progress.problem,
      });
    } else if (progress.value < 0 || progress.value > 100) {
      sink.cell(table.mapped, phase, "progress", "phase.progress.invalid", code, {
        problem: { type: "out-of-range", value: progress.value },
      });
    }
  }
}
