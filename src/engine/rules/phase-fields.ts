import { reportMissingText } from "./missing-text";
import type { RuleContext } from "./rule-context";
import { codeText } from "./rule-context";

/** phase.description.missing, phase.owner.missing (only where the owner column exists). */
export function checkPhaseFields({ parsed, sink }: RuleContext): void {
  const table = parsed.phases;
  if (table === null) return;
  for (const phase of table.records) {
    const code = codeText(phase.objective);
    reportMissingText(
      sink,
      table.mapped,
      phase,
      "description",
      phase.description,
      "phase.description.missing",
      code
    );
    if (phase.owner !== null) {
      reportMissingText(
        sink,
        table.mapped,
        phase,
        "owner",
        phase.owner,
        "phase.owner.missing",
        code
      );
    }
  }
}
