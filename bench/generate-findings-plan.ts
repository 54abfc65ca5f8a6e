import type { CellValue, WorkbookSnapshot } from "../src/engine/snapshot";
import { dayFromIso, serialFromDay } from "../src/engine/days";
import { tableSnapshot } from "./generate-plan";

export const FINDINGS_PLAN_OBJECTIVES = 400;
const DIREZIONI = ["CULTURA", "SERVIZI SOCIALI", "AMBIENTE", "BILANCIO"];
const DATE = "dd/mm/yyyy";

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!, 1900);

/**
 * A municipality's plan for the pane's findings list: 400 objectives of four
 * Direzioni (objective i in DIREZIONI[i % 4]), two phases each. Every
 * objective's second phase has no owner (400 warnings), every even one's
 * second phase ends in the next year (200 warnings), every fourth from the
 * first has no end date on its first phase (100 errors): 700 findings.
 */
export function generateFindingsPlan(): WorkbookSnapshot {
  const objectives: CellValue[][] = [];
  const phases: CellValue[][] = [];
  const phaseFormats: string[][] = [];
  const indicators: CellValue[][] = [];
  const indicatorFormats: string[][] = [];
  for (let i = 1; i <= FINDINGS_PLAN_OBJECTIVES; i++) {
    const code = `2024_OB${String(i).padStart(3, "0")}`;
    objectives.push([code, `Obiettivo numero ${i}`, DIREZIONI[i % 4]]);
    phases.push([
      code,
      "Prima fase",
      60,
      serial("2024-01-10"),
      i % 4 === 1 ? null : serial("2024-05-31"),
      "ROSSI",
    ]);
    phases.push([
      code,
      "Seconda fase",
      40,
      serial("2024-06-01"),
      serial(i % 2 === 0 ? "2025-02-15" : "2024-12-15"),
      null,
    ]);
    phaseFormats.push(["General", "General", "General", DATE, DATE, "General"]);
    phaseFormats.push(["General", "General", "General", DATE, DATE, "General"]);
    indicators.push([code, "Atto approvato entro", "RISULTATO", serial("2024-11-30")]);
    indicatorFormats.push(["General", "General", "General", DATE]);
  }
  return {
    dateSystem: 1900,
    settings: {},
    tables: [
      tableSnapshot("Obiettivi", ["Codice", "Titolo", "Direzione"], objectives, null),
      tableSnapshot(
        "Fasi",
        [
          "Codice obiettivo",
          "Descrizione",
          "Peso",
          "Inizio previsto",
          "Fine prevista",
          "Responsabile",
        ],
        phases,
        phaseFormats
      ),
      tableSnapshot(
        "Indicatori",
        ["Codice obiettivo", "Descrizione", "Tipo", "Valore atteso"],
        indicators,
        indicatorFormats
      ),
    ],
  };
}
