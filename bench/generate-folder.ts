import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serialFromDay } from "../src/engine/days";
import type { CellValue, WorkbookSnapshot } from "../src/engine/snapshot";
import { day } from "../test/support/engine";
import { buildXlsx } from "../test/support/xlsx-builder";
import { tableSnapshot } from "./generate-plan";

/** One directorate's workbook: 400 objectives, 2,000 phases, 800 indicators, as in a mid-sized comune. */
export interface DirectorateSize {
  readonly objectives: number;
  readonly phasesPerObjective: number;
  readonly indicatorsPerObjective: number;
}

export const DIRECTORATE_SIZE: DirectorateSize = {
  objectives: 400,
  phasesPerObjective: 5,
  indicatorsPerObjective: 2,
};

const DIRECTORATES = [
  ["SS", "SERVIZI SOCIALI"],
  ["UR", "URBANISTICA"],
  ["RF", "RISORSE FINANZIARIE"],
  ["AG", "AFFARI GENERALI E ISTITUZIONALI"],
  ["AM", "AMBIENTE"],
  ["IS", "ISTRUZIONE"],
  ["CU", "CULTURA E SPORT"],
  ["PM", "POLIZIA MUNICIPALE"],
  ["NI", "NUOVE INFRASTRUTTURE E MOBILITÀ"],
  ["SI", "SISTEMI INFORMATIVI"],
] as const;
const SUBJECTS = [
  "dei servizi per l'inclusione sociale",
  "del piano di manutenzione delle scuole",
  "dello sportello unico per l'edilizia",
  "della raccolta differenziata porta a porta",
  "del regolamento sui contributi alle associazioni",
  "dei pagamenti elettronici (pagoPA)",
  "del piano operativo comunale",
  "del servizio di trasporto scolastico",
  "dell'archivio digitale degli atti",
  "dei controlli sulle attività commerciali",
];
const ACTIONS = [
  "Avvio e realizzazione",
  "Riorganizzazione",
  "Digitalizzazione",
  "Potenziamento",
  "Revisione",
];
const PHASES = [
  "Analisi dei fabbisogni e ricognizione dell'esistente",
  "Redazione del capitolato e indizione della gara",
  "Aggiudicazione e sottoscrizione del contratto",
  "Avvio operativo del servizio",
  "Monitoraggio e relazione finale alla Giunta",
];
const SURNAMES = [
  "ROSSI",
  "BIANCHI",
  "CONTE",
  "LICITRA",
  "ESPOSITO",
  "RICCI",
  "MARINO",
  "GRECO",
  "BRUNO",
  "GALLI",
];
const NAMES = ["ALESSIA", "MARCO", "GIULIA", "ALESSANDRO", "FRANCESCA", "LUCA", "CHIARA", "PAOLO"];
const DATE = "dd/mm/yyyy";

/**
 * A directorate's workbook, deterministic per seed, as planning offices fill them:
 * Italian texts, a Direzione and Dirigente per objective, owners and progress on phases,
 * date and percentage targets; about one card in twenty-five has a defect the rules look
 * for (a missing end date, weights off 100, `70.00`, a reversed date, an unknown code,
 * no owner, a target in the wrong year).
 */
export function generateDirectorate(seed: number, size: DirectorateSize): WorkbookSnapshot {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const person = () => `${pick(SURNAMES)} ${pick(NAMES)}`;
  const [prefix, directorate] = DIRECTORATES[seed % DIRECTORATES.length];
  const yearStart = day("2024-01-01");
  const objectives: CellValue[][] = [];
  const phases: CellValue[][] = [];
  const phaseFormats: string[][] = [];
  const indicators: CellValue[][] = [];
  const indicatorFormats: string[][] = [];
  const weights = [20, 30, 20, 20, 10];
  for (let o = 0; o < size.objectives; o++) {
    const code = `2024_${prefix}${String(o + 1).padStart(3, "0")}`;
    const defect = random() < 0.04 ? Math.floor(random() * 7) : -1;
    objectives.push([
      code,
      `${pick(ACTIONS)} ${pick(SUBJECTS)}`,
      directorate,
      `DIRIGENTE ${person()}`,
      random() < 0.3 ? "STRATEGICO" : "MIGLIORAMENTO",
    ]);
    let start = yearStart + Math.floor(random() * 90);
    for (let p = 0; p < size.phasesPerObjective; p++) {
      const end = start + 15 + Math.floor(random() * 45);
      const first = p === 0;
      phases.push([
        code,
        PHASES[p % PHASES.length],
        first && defect === 1 ? 25 : first && defect === 2 ? "20.00" : weights[p % weights.length],
        serialFromDay(start, 1900),
        first && defect === 0
          ? null
          : serialFromDay(first && defect === 3 ? start - 10 : end, 1900),
        first && defect === 5 ? null : person(),
        Math.min(100, Math.floor(random() * 110)),
      ]);
      phaseFormats.push(["General", "General", "General", DATE, DATE, "General", "0"]);
      start = end + 1;
    }
    for (let i = 0; i < size.indicatorsPerObjective; i++) {
      const dated = i === 0;
      indicators.push([
        i === 1 && defect === 4 ? `${code}X` : code,
        dated ? "Rispetto dei tempi di realizzazione" : "Percentuale di pratiche evase",
        dated ? "RISULTATO" : "EFFICACIA",
        dated
          ? serialFromDay(defect === 6 ? start + 400 : Math.min(start, day("2024-12-31")), 1900)
          : `${60 + i * 10},00%`,
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
        objectives
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
          "Avanzamento %",
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

/** `count` workbooks named like a planning office's folder; returns the folder. */
export function writeDirectorateFolder(dir: string, count: number, size: DirectorateSize): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = `PEG_2024_${String(i + 1).padStart(3, "0")}.xlsx`;
    writeFileSync(
      join(dir, name),
      buildXlsx(generateDirectorate(i + 1, size), { sharedStrings: true })
    );
  }
  return dir;
}
