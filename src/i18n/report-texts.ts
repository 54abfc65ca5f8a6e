import type { Language } from "../engine/snapshot";
import { pluralCounter } from "./plural";

/** The words of the monitoring round's summary workbook and dashboard (`objective-check report`). */
export interface ReportTexts {
  readonly sheets: {
    readonly objectives: string;
    readonly findings: string;
    readonly directorates: string;
    readonly files: string;
  };
  readonly columns: {
    readonly file: string;
    readonly directorate: string;
    readonly code: string;
    readonly title: string;
    readonly weightTotal: string;
    readonly expected: string;
    readonly actual: string;
    readonly status: string;
    readonly check: string;
    readonly errors: string;
    readonly warnings: string;
    readonly link: string;
    readonly objective: string;
    readonly rule: string;
    readonly severity: string;
    readonly cell: string;
    readonly message: string;
    readonly objectives: string;
    readonly noStatus: string;
    readonly late: string;
    readonly pastDue: string;
    /**
     * The Direzioni sheet's late and past-due counts: a table's headers must differ ignoring case,
     * and `late`/`pastDue` read as the status columns' IN RITARDO/SCADUTA there.
     */
    readonly lateTotal: string;
    readonly pastDueTotal: string;
    readonly asOf: string;
    readonly planYear: string;
    readonly statusLanguage: string;
    readonly reason: string;
  };
  /** The name shown for objectives whose table has no Direzione or Servizio column, or a blank one. */
  readonly noDirectorate: string;
  readonly openRow: string;
  readonly dashboard: {
    readonly title: string;
    readonly subtitle: (asOf: string, files: number, objectives: number) => string;
    readonly byStatus: string;
    readonly byStatusDescription: string;
    readonly progress: string;
    readonly progressDescription: string;
    readonly expected: string;
    readonly actual: string;
    readonly behind: string;
    readonly behindIntro: (shown: number, total: number) => string;
    readonly timelineDescription: (code: string) => string;
    readonly asOfLine: string;
    readonly phase: string;
    readonly start: string;
    readonly end: string;
    readonly noBehind: string;
    readonly unchecked: string;
    readonly allChecked: string;
    readonly directorateTable: string;
    readonly gap: string;
  };
  readonly wrote: (path: string) => string;
  readonly notWritten: (path: string, detail: string) => string;
}

const countIt = pluralCounter("it-IT");
const countEn = pluralCounter("en-GB");

const it: ReportTexts = {
  sheets: {
    objectives: "Obiettivi",
    findings: "Segnalazioni",
    directorates: "Direzioni",
    files: "File",
  },
  columns: {
    file: "File",
    directorate: "Direzione",
    code: "Codice",
    title: "Titolo",
    weightTotal: "Somma pesi",
    expected: "Avanzamento atteso",
    actual: "Avanzamento effettivo",
    status: "Stato obiettivo",
    check: "Esito",
    errors: "Errori",
    warnings: "Avvisi",
    link: "Apri",
    objective: "Obiettivo",
    rule: "Regola",
    severity: "Gravità",
    cell: "Cella",
    message: "Messaggio",
    objectives: "Obiettivi",
    noStatus: "Senza stato",
    late: "In ritardo",
    pastDue: "Scaduti",
    lateTotal: "Totale in ritardo",
    pastDueTotal: "Totale scaduti",
    asOf: "Data di riferimento",
    planYear: "Anno del piano",
    statusLanguage: "Lingua delle colonne di stato",
    reason: "Motivo",
  },
  noDirectorate: "(nessuna direzione)",
  openRow: "apri la riga",
  dashboard: {
    title: "Monitoraggio degli obiettivi",
    subtitle: (asOf, files, objectives) =>
      `Data di riferimento ${asOf} — ${countIt(files, { other: "file" })}, ${countIt(objectives, { one: "obiettivo", other: "obiettivi" })}`,
    byStatus: "Obiettivi per stato e direzione",
    byStatusDescription:
      "Grafico a barre orizzontali impilate: per ogni direzione, quanti obiettivi sono in ciascuno stato.",
    progress: "Avanzamento atteso ed effettivo per direzione",
    progressDescription:
      "Grafico a barre affiancate: per ogni direzione, l'avanzamento atteso e quello effettivo medi degli obiettivi misurabili.",
    expected: "Atteso",
    actual: "Effettivo",
    behind: "Obiettivi in ritardo e scaduti",
    behindIntro: (shown, total) =>
      total > shown
        ? `I ${shown} più indietro su ${total}; gli altri sono nel riepilogo Excel (foglio Obiettivi, filtro sullo stato).`
        : `${countIt(total, { one: "obiettivo", other: "obiettivi" })}.`,
    timelineDescription: (code) =>
      `Cronoprogramma delle fasi dell'obiettivo ${code}, con la data di riferimento come linea verticale.`,
    asOfLine: "data di riferimento",
    phase: "Fase",
    start: "Inizio",
    end: "Fine",
    noBehind: "Nessun obiettivo in ritardo o scaduto.",
    unchecked: "File non controllati o controllati in parte",
    allChecked: "Tutti i file sono stati controllati per intero.",
    directorateTable: "Riepilogo per direzione",
    gap: "Scarto",
  },
  wrote: (path) => `scritto ${path}`,
  notWritten: (path, detail) =>
    `${path} non si può scrivere (${detail}): controlla la cartella e che il file non sia aperto in Excel`,
};

const en: ReportTexts = {
  sheets: {
    objectives: "Objectives",
    findings: "Findings",
    directorates: "Directorates",
    files: "File",
  },
  columns: {
    file: "File",
    directorate: "Directorate",
    code: "Code",
    title: "Title",
    weightTotal: "Weight total",
    expected: "Expected progress",
    actual: "Actual progress",
    status: "Objective status",
    check: "Check",
    errors: "Errors",
    warnings: "Warnings",
    link: "Open",
    objective: "Objective",
    rule: "Rule",
    severity: "Severity",
    cell: "Cell",
    message: "Message",
    objectives: "Objectives",
    noStatus: "No status",
    late: "Late",
    pastDue: "Past due",
    lateTotal: "Late in all",
    pastDueTotal: "Past due in all",
    asOf: "Reference date",
    planYear: "Plan year",
    statusLanguage: "Status columns' language",
    reason: "Reason",
  },
  noDirectorate: "(no directorate)",
  openRow: "open the row",
  dashboard: {
    title: "Objectives monitoring",
    subtitle: (asOf, files, objectives) =>
      `Reference date ${asOf} — ${countEn(files, { one: "file", other: "files" })}, ${countEn(objectives, { one: "objective", other: "objectives" })}`,
    byStatus: "Objectives by status and directorate",
    byStatusDescription:
      "Stacked horizontal bar chart: for each directorate, how many objectives are in each status.",
    progress: "Expected and actual progress by directorate",
    progressDescription:
      "Grouped bar chart: for each directorate, the mean expected and actual progress of the objectives that can be measured.",
    expected: "Expected",
    actual: "Actual",
    behind: "Late and past-due objectives",
    behindIntro: (shown, total) =>
      total > shown
        ? `The ${shown} furthest behind of ${total}; the rest are in the Excel summary (Objectives sheet, filter on the status).`
        : `${countEn(total, { one: "objective", other: "objectives" })}.`,
    timelineDescription: (code) =>
      `Timeline of the phases of objective ${code}, with the reference date as a vertical line.`,
    asOfLine: "reference date",
    phase: "Phase",
    start: "Start",
    end: "End",
    noBehind: "No objective is late or past due.",
    unchecked: "Files not checked, or not fully",
    allChecked: "Every file was fully checked.",
    directorateTable: "Summary by directorate",
    gap: "Gap",
  },
  wrote: (path) => `wrote ${path}`,
  notWritten: (path, detail) =>
    `${path} cannot be written (${detail}): check the folder, and that the file is not open in Excel`,
};

const TEXTS: Readonly<Record<Language, ReportTexts>> = { it, en };

export function reportTexts(language: Language): ReportTexts {
  return TEXTS[language];
}
