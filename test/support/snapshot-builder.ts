import { dayFromIso, serialFromDay } from "../../src/engine/days";
import type {
  CellValue,
  DateSystem,
  TableSnapshot,
  WorkbookSettings,
  WorkbookSnapshot,
} from "../../src/engine/snapshot";

/** A cell with a number format, as Office.js returns it (dates as serials). */
export interface FormattedCell {
  readonly value: CellValue;
  readonly format: string;
}

export type BuilderCell = CellValue | FormattedCell;

export function date(iso: string, dateSystem: DateSystem = 1900): FormattedCell {
  const day = dayFromIso(iso);
  if (day === null) throw new Error(`bad test date ${iso}`);
  return { value: serialFromDay(day, dateSystem), format: "dd/mm/yyyy" };
}

export function formatted(value: CellValue, format: string): FormattedCell {
  return { value, format };
}

function isFormatted(cell: BuilderCell): cell is FormattedCell {
  return typeof cell === "object" && cell !== null && "format" in cell;
}

export interface TableOptions {
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly firstColumn?: number;
  readonly hasTotalsRow?: boolean;
}

export function table(
  name: string,
  headers: string[],
  rows: BuilderCell[][],
  options: TableOptions = {}
): TableSnapshot {
  return {
    name,
    sheet: options.sheet ?? name,
    headerRow: options.headerRow ?? 1,
    firstColumn: options.firstColumn ?? 0,
    headers,
    rows: rows.map((row) => headers.map((_, i) => cellValue(row[i] ?? null))),
    numberFormats: rows.map((row) => headers.map((_, i) => cellFormat(row[i] ?? null))),
    hasTotalsRow: options.hasTotalsRow ?? false,
  };
}

function cellValue(cell: BuilderCell): CellValue {
  return isFormatted(cell) ? cell.value : cell;
}

function cellFormat(cell: BuilderCell): string {
  return isFormatted(cell) ? cell.format : "General";
}

export function workbook(
  tables: TableSnapshot[],
  settings: WorkbookSettings = {},
  dateSystem: DateSystem = 1900
): WorkbookSnapshot {
  return { dateSystem, tables, settings };
}

export const OBJECTIVE_HEADERS = ["Codice", "Titolo", "Direzione"];
export const PHASE_HEADERS = [
  "Codice obiettivo",
  "Descrizione",
  "Peso",
  "Inizio previsto",
  "Fine prevista",
  "Responsabile",
];
export const INDICATOR_HEADERS = ["Codice obiettivo", "Descrizione", "Tipo", "Valore atteso"];

/** The seed card of domain.md §6, as Office.js would hand it over. */
export function seedWorkbook(): WorkbookSnapshot {
  return workbook([
    table("Obiettivi", OBJECTIVE_HEADERS, [
      [
        "2018_ZN12",
        "Avvio e realizzazione dei servizi per l'inclusione sociale",
        "SERVIZI SOCIALI",
      ],
    ]),
    table("Fasi", PHASE_HEADERS, [
      [
        "2018_ZN12",
        "Accordo di collaborazione ex art. 15 d.lgs 241/90",
        70,
        date("2018-02-01"),
        null,
        "CONTE ALESSIA",
      ],
      [
        "2018_ZN12",
        "sottoscrizione contratto appalto servizi SAT e POLIS 2.0",
        30,
        date("2018-03-01"),
        date("2018-06-30"),
        "LICITRA ALESSANDRO",
      ],
    ]),
    table("Indicatori", INDICATOR_HEADERS, [
      ["2018_ZN12", "Redazione dell'accordo nei tempi", "RISULTATO", "30/09/2018"],
      [
        "2018_ZN12",
        "Firma contratti di appalto servizio SAT e POLIS 2.0",
        "RISULTATO",
        "31/07/2018",
      ],
    ]),
  ]);
}

/** A clean one-objective workbook whose rows a test then spoils, one rule at a time. */
export function cleanWorkbook(
  edit: {
    objectives?: BuilderCell[][];
    phases?: BuilderCell[][];
    indicators?: BuilderCell[][];
    phaseHeaders?: string[];
  } = {}
): WorkbookSnapshot {
  return workbook([
    table(
      "Obiettivi",
      OBJECTIVE_HEADERS,
      edit.objectives ?? [["2018_AA01", "Obiettivo di prova", "AFFARI GENERALI"]]
    ),
    table(
      "Fasi",
      edit.phaseHeaders ?? PHASE_HEADERS,
      edit.phases ?? [
        ["2018_AA01", "Prima fase", 60, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
        ["2018_AA01", "Seconda fase", 40, date("2018-06-01"), date("2018-12-15"), "BIANCHI"],
      ]
    ),
    table(
      "Indicatori",
      INDICATOR_HEADERS,
      edit.indicators ?? [["2018_AA01", "Atto approvato entro", "RISULTATO", "30/11/2018"]]
    ),
  ]);
}

/** Phase headers where the end date column has a name the domain does not know. */
export const PHASE_HEADERS_WITHOUT_END = [
  "Codice obiettivo",
  "Descrizione",
  "Peso",
  "Inizio previsto",
  "Scadenza",
  "Responsabile",
];
