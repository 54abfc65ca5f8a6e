import type { WorkbookSnapshot } from "../src/engine/snapshot";
import {
  date,
  INDICATOR_HEADERS,
  OBJECTIVE_HEADERS,
  PHASE_HEADERS,
  table,
  workbook,
  type BuilderCell,
} from "../test/support/snapshot-builder";

export const FINDINGS_PLAN_OBJECTIVES = 400;
const DIREZIONI = ["CULTURA", "SERVIZI SOCIALI", "AMBIENTE", "BILANCIO"];

/**
 * A municipality's plan for the pane's findings list: 400 objectives of four
 * Direzioni (objective i in DIREZIONI[i % 4]), two phases each. Every
 * objective's second phase has no owner (400 warnings), every even one's
 * second phase ends in the next year (200 warnings), every fourth from the
 * first has no end date on its first phase (100 errors): 700 findings.
 */
export function generateFindingsPlan(): WorkbookSnapshot {
  const objectives: BuilderCell[][] = [];
  const phases: BuilderCell[][] = [];
  const indicators: BuilderCell[][] = [];
  for (let i = 1; i <= FINDINGS_PLAN_OBJECTIVES; i++) {
    const code = `2024_OB${String(i).padStart(3, "0")}`;
    objectives.push([code, `Obiettivo numero ${i}`, DIREZIONI[i % 4]]);
    phases.push([
      code,
      "Prima fase",
      60,
      date("2024-01-10"),
      i % 4 === 1 ? null : date("2024-05-31"),
      "ROSSI",
    ]);
    phases.push([
      code,
      "Seconda fase",
      40,
      date("2024-06-01"),
      date(i % 2 === 0 ? "2025-02-15" : "2024-12-15"),
      null,
    ]);
    indicators.push([code, "Atto approvato entro", "RISULTATO", date("2024-11-30")]);
  }
  return workbook([
    table("Obiettivi", OBJECTIVE_HEADERS, objectives),
    table("Fasi", PHASE_HEADERS, phases),
    table("Indicatori", INDICATOR_HEADERS, indicators),
  ]);
}
