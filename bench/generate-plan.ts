import { serialFromDay } from "../src/engine/days";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../src/engine/snapshot";
import { day } from "../test/support/engine";

export interface PlanSize {
  readonly objectives: number;
  readonly phasesPerObjective: number;
  readonly indicatorsPerObjective: number;
}

export const BENCH_SIZE: PlanSize = {
  objectives: 20_000,
  phasesPerObjective: 5,
  indicatorsPerObjective: 3,
};

/**
 * A municipality-sized plan, deterministic: most cards are clean, about one in
 * fifty has a defect of the kinds the rules look for, as real plans do.
 */
export function generatePlan(size: PlanSize): WorkbookSnapshot {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const DATE = "dd/mm/yyyy";
  const yearStart = day("2024-01-01");
  const objectives: CellValue[][] = [];
  const phases: CellValue[][] = [];
  const phaseFormats: string[][] = [];
  const indicators: CellValue[][] = [];
  const indicatorFormats: string[][] = [];
  const phaseWeights = [30, 25, 20, 15, 10];
  for (let o = 0; o < size.objectives; o++) {
    const code = `2024_${String.fromCharCode(65 + (o % 26))}${String(o).padStart(5, "0")}`;
    objectives.push([
      code,
      `Obiettivo ${o}: miglioramento dei servizi`,
      `DIREZIONE ${o % 17}`,
      `DIRIGENTE ${o % 211}`,
      "MIGLIORAMENTO",
    ]);
    let start = yearStart + Math.floor(random() * 60);
    for (let p = 0; p < size.phasesPerObjective; p++) {
      const end = start + 20 + Math.floor(random() * 40);
      const defect = random();
      const weight = defect < 0.01 ? "20.00" : phaseWeights[p % phaseWeights.length];
      const endCell = defect > 0.99 ? null : serialFromDay(end, 1900);
      phases.push([
        code,
        `Fase ${p + 1} dell'obiettivo ${o}`,
        weight,
        serialFromDay(start, 1900),
        endCell,
        `RESPONSABILE ${o % 97}`,
        Math.floor(random() * 100),
      ]);
      phaseFormats.push(["General", "General", "General", DATE, DATE, "General", "General"]);
      start = end + 1;
    }
    for (let i = 0; i < size.indicatorsPerObjective; i++) {
      const dated = i === 0;
      indicators.push([
        code,
        `Indicatore ${i + 1} dell'obiettivo ${o}`,
        dated ? "RISULTATO" : "EFFICACIA",
        dated ? serialFromDay(start, 1900) : `${50 + i * 10},00%`,
      ]);
      indicatorFormats.push(["General", "General", "General", dated ? DATE : "General"]);
    }
  }
  return {
    dateSystem: 1900,
    settings: {},
    tables: [
      tableSnapshot(
        "Obiettivi",
        ["Codice", "Titolo", "Direzione", "Dirigente", "Tipologia"],
        objectives,
        null
      ),
      tableSnapshot(
        "Fasi",
        [
          "Codice obiettivo",
          "Descrizione",
          "Peso",
          "Inizio previsto",
          "Fine prevista",
          "Responsabile",
          "Avanzamento",
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

/** A generated table as a host hands it over: headers on row 1 from column A, formats "General" unless given. */
export function tableSnapshot(
  name: string,
  headers: string[],
  rows: CellValue[][],
  numberFormats?: string[][] | null
): TableSnapshot {
  return {
    name,
    sheet: name,
    headerRow: 1,
    firstColumn: 0,
    headers,
    rows,
    numberFormats: numberFormats ?? rows.map((r) => r.map(() => "General")),
    hasTotalsRow: false,
  };
}
