import { sheetCellReference } from "../engine/cell-address";
import { formatDay, type Day } from "../engine/days";
import type { SuggestedFix } from "../engine/suggested-fix";
import type { FindingDetails, TextMissingRule } from "../engine/findings";
import type { Problem } from "../engine/parse/cells";
import type { TableKind } from "../engine/snapshot";
import type { ProblemCounts } from "../engine/result";
import { STATUS_WORDS } from "../engine/status-columns";
import type { Catalogue } from "./catalogue";
import { megabytes, ZIP_LIMITS } from "./read-limits";
import { pluralCounter } from "./plural";

const numberFormat = new Intl.NumberFormat("it-IT", {
  maximumFractionDigits: 2,
  useGrouping: false,
});
const number = (value: number) => numberFormat.format(value);
const count = pluralCounter("it-IT");
const ERRORS = { one: "errore", other: "errori" };
const WARNINGS = { one: "avviso", other: "avvisi" };

const TABLES: Record<TableKind, string> = {
  objectives: "Obiettivi",
  phases: "Fasi",
  indicators: "Indicatori",
};

const REQUIRED_HEADERS: Record<TableKind, string> = {
  objectives: "«Codice» e «Titolo»",
  phases: "«Codice obiettivo», «Descrizione», «Peso», «Inizio previsto» e «Fine prevista»",
  indicators: "«Codice obiettivo», «Descrizione» e «Valore atteso»",
};

const FIELDS: Record<string, string> = {
  code: "Codice",
  title: "Titolo",
  objective: "Codice obiettivo",
  description: "Descrizione",
  weight: "Peso",
  start: "Inizio previsto",
  end: "Fine prevista",
  target: "Valore atteso",
};

function problem(p: Problem): string {
  switch (p.type) {
    case "excel-error":
      return `la cella contiene l'errore di Excel ${p.error}`;
    case "ambiguous-decimal":
      return `«${p.text}» è ambiguo: scrivi ${p.suggestion} (virgola per i decimali)`;
    case "not-a-number":
      return `«${p.text}» non è un numero`;
    case "out-of-range":
      return `${number(p.value)} è fuori dall'intervallo 0–100`;
    case "not-a-date":
      return `«${p.text}» non è una data`;
    case "impossible-date":
      return `«${p.text}» non è una data esistente`;
    case "number-not-formatted-as-date":
      return `la cella contiene il numero ${p.value} formattato come numero, non come data`;
  }
}

/** "Titolo mancante: inserisci…", naming the Excel error when the cell holds one. */
function missing(what: string, fix: string, details: FindingDetails<TextMissingRule>): string {
  return details.problem
    ? `${what}: ${problem(details.problem)}. ${capitalise(fix)}.`
    : `${what}: ${fix}.`;
}

function invalid(
  what: string,
  fix: string,
  details: FindingDetails<"phase.weight.invalid">
): string {
  return `${what} non valido: ${problem(details.problem)}. ${fix}.`;
}

function invalidDate(
  what: string,
  details: FindingDetails<"phase.start.invalid" | "phase.end.invalid">
): string {
  return `${what} non valida: ${problem(details.problem)}. Scrivi la data come gg/mm/aaaa (es. 30/06/2018) o applica un formato data alla cella.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function endSuggestion(details: FindingDetails<"phase.end.missing">): string {
  if (details.suggestion === undefined) {
    if (details.start === undefined) return "";
    const candidates = [
      details.latestTarget === null
        ? null
        : `la scadenza dell'indicatore (${formatDay(details.latestTarget)})`,
      details.planYear === null ? null : `la fine dell'anno del piano ${details.planYear}`,
    ].filter((c) => c !== null);
    return `; nessuna data suggerita: l'inizio previsto ${formatDay(details.start)} viene dopo ${candidates.join(" e ")}, controlla prima la data di inizio`;
  }
  const date = formatDay(details.suggestion);
  if ("suggestionSource" in details) {
    return `; suggerita ${date}, la scadenza dell'indicatore «${details.suggestionSource}»`;
  }
  return `; suggerita ${date}, la fine dell'anno del piano${earlierTarget(details.earlierTarget ?? null)}`;
}

/** Why the plan year's end was suggested over the indicator's date. */
function earlierTarget(day: Day | null): string {
  return day === null
    ? ""
    : ` (la scadenza dell'indicatore, ${formatDay(day)}, è prima dell'inizio previsto)`;
}

/** "Fasi!E15 (fase «Analisi», inizio 12/10/2024) riceverà 31/12/2024, la data dell'indicatore «…»". */
function fixWillChange(fix: SuggestedFix): string {
  const about = [
    fix.phase === null ? null : `fase «${fix.phase}»`,
    fix.start === null ? null : `inizio ${formatDay(fix.start)}`,
  ].filter((part) => part !== null);
  const where = `${sheetCellReference(fix.sheet, fix.cell)}${about.length === 0 ? "" : ` (${about.join(", ")})`}`;
  const source =
    fix.source.kind === "indicator"
      ? `la data dell'indicatore «${fix.source.indicator}»`
      : `la fine dell'anno del piano ${fix.source.planYear}${earlierTarget(fix.source.earlierTarget)}`;
  return `${where} riceverà ${fix.display}, ${source}.`;
}

function counts(label: string, c: ProblemCounts): string | null {
  const parts = [];
  if (c.errors > 0) parts.push(count(c.errors, ERRORS));
  if (c.warnings > 0) parts.push(count(c.warnings, WARNINGS));
  return parts.length === 0 ? null : `${label}: ${parts.join(", ")}`;
}

export const it: Catalogue = {
  language: "it",
  number,
  tableNames: TABLES,
  problem,
  rules: {
    "table.missing": (d) =>
      `Manca la tabella ${TABLES[d.tableKind]}: crea una tabella Excel chiamata «${TABLES[d.tableKind]}» con le colonne ${REQUIRED_HEADERS[d.tableKind]}.`,
    "table.column.missing": (d, _o, table) =>
      `Nella tabella «${table}» manca la colonna obbligatoria «${FIELDS[d.field] ?? d.field}»: aggiungi una colonna con questa intestazione.`,
    "table.headers.off": (_d, _o, table) =>
      `La tabella «${table}» ha la riga di intestazione disattivata e non può essere controllata: seleziona la tabella, attiva Struttura tabella > Riga di intestazione e valida di nuovo.`,
    "table.empty": (_d, _o, table) =>
      `La tabella «${table}» non ha righe di dati: compila la tabella o eliminala.`,
    "table.plain-range": (d, _o, table) =>
      `${TABLES[d.tableKind]} è un intervallo semplice (${table}), non una tabella Excel: è controllato lo stesso. Formattato come tabella (Home > Formatta come tabella) avrebbe i filtri e terrebbe unite le sue colonne.`,
    "objective.code.missing": (d) =>
      missing("Codice obiettivo mancante", "inserisci il codice, es. 2018_ZN12", d),
    "objective.code.duplicate": (d, o) =>
      `Il codice ${o} è già usato alla riga ${d.firstRow}: dai a questo obiettivo un codice diverso o unisci le due righe. Fasi e indicatori vanno alla prima riga.`,
    "objective.title.missing": (d) =>
      missing("Titolo mancante", "inserisci il titolo dell'obiettivo", d),
    "objective.phases.none": (_d, o) =>
      `Nessuna fase per l'obiettivo ${o}: aggiungi almeno una fase nella tabella Fasi con questo codice obiettivo.`,
    "objective.indicators.none": (_d, o) =>
      `Nessun indicatore per l'obiettivo ${o}: aggiungi almeno un indicatore nella tabella Indicatori.`,
    "objective.weight.sum": (d, o) =>
      `I pesi delle fasi di ${o} sommano ${number(d.total)} invece di 100: correggi i pesi perché la somma sia 100.`,
    "phase.objective.missing": (d) =>
      missing("Codice obiettivo mancante", "indica a quale obiettivo appartiene la fase", d),
    "phase.objective.unknown": (_d, o) =>
      `L'obiettivo ${o} non è nella tabella Obiettivi: correggi il codice o aggiungi l'obiettivo.`,
    "phase.description.missing": (d) =>
      missing("Descrizione della fase mancante", "descrivi la fase", d),
    "phase.weight.missing": () =>
      "Peso mancante: inserisci il peso della fase, un numero tra 0 e 100 (es. 70,00).",
    "phase.weight.invalid": (d) => invalid("Peso", "Inserisci un numero tra 0 e 100, es. 70,00", d),
    "phase.weight.zero": () =>
      "Peso 0: la fase non conta nell'avanzamento. Assegna un peso o elimina la fase.",
    "phase.start.missing": () =>
      "Data di inizio prevista mancante: inserisci la data (gg/mm/aaaa).",
    "phase.end.missing": (d) =>
      `Data di fine prevista mancante: inserisci la data (gg/mm/aaaa)${endSuggestion(d)}.`,
    "phase.start.invalid": (d) => invalidDate("Data di inizio prevista", d),
    "phase.end.invalid": (d) => invalidDate("Data di fine prevista", d),
    "phase.dates.order": (d) =>
      `La fase inizia il ${formatDay(d.start)} ma finisce il ${formatDay(d.end)}: la fine deve essere uguale o successiva all'inizio.`,
    "phase.dates.outside-year": (d) =>
      `La data ${formatDay(d.date)} è fuori dall'anno del piano ${d.planYear}: controlla l'anno.`,
    "phase.owner.missing": (d) => missing("Responsabile mancante", "indica chi segue la fase", d),
    "phase.progress.invalid": (d) =>
      `Avanzamento non valido: ${problem(d.problem)}. Inserisci una percentuale tra 0 e 100, o lascia vuoto.`,
    "indicator.objective.missing": (d) =>
      missing("Codice obiettivo mancante", "indica a quale obiettivo appartiene l'indicatore", d),
    "indicator.objective.unknown": (_d, o) =>
      `L'obiettivo ${o} non è nella tabella Obiettivi: correggi il codice o aggiungi l'obiettivo.`,
    "indicator.description.missing": (d) =>
      missing("Descrizione dell'indicatore mancante", "descrivi l'indicatore", d),
    "indicator.target.missing": (d) =>
      missing("Valore atteso mancante", "inserisci il valore atteso dell'indicatore", d),
    "indicator.target.invalid": (d) =>
      `Valore atteso non valido: ${problem(d.problem)}. Se è una scadenza scrivi una data esistente (gg/mm/aaaa).`,
    "indicator.target.outside-year": (d) =>
      `La scadenza ${formatDay(d.date)} è fuori dall'anno del piano ${d.planYear}: controlla l'anno.`,
  },
  acceptedMessage: (message) => `(accettato) ${message}`,
  status: STATUS_WORDS.it.status,
  check: STATUS_WORDS.it.check,
  linkedProblems: (phases, indicators) =>
    [counts("Fasi", phases), counts("Indicatori", indicators)]
      .filter((part) => part !== null)
      .join("; "),
  cli: {
    usage: [
      "Uso: objective-check validate FILE_O_CARTELLA... [opzioni]",
      "",
      "Controlla gli obiettivi, le fasi e gli indicatori delle cartelle di lavoro (.xlsx, .xlsm, .xltx, .xltm).",
      "",
      "Opzioni:",
      "  --json              un unico documento JSON sullo standard output",
      "  --as-of AAAA-MM-GG  data di riferimento del monitoraggio (predefinita: quella salvata nel file, altrimenti oggi)",
      "  --plan-year AAAA    anno del piano per i codici che non iniziano con l'anno",
      "  --lang it|en        lingua dei messaggi (predefinita: it)",
      "  --write-to CARTELLA scrive in CARTELLA una copia di ogni file con le colonne di stato",
      "  --show-accepted     elenca anche gli avvisi accettati nella cartella (contati a parte, non cambiano l'esito)",
      "",
      "    objective-check report FILE_O_CARTELLA... --out FILE.xlsx [--html FILE.html] [--as-of …] [--plan-year …] [--lang …]",
      "  --out FILE.xlsx     il riepilogo del monitoraggio (obiettivi, segnalazioni, direzioni, file)",
      "  --html FILE.html    un cruscotto con i grafici da allegare a una mail, leggibile anche stampato",
      "  --debug             in caso di errore interno, mostra i dettagli per la segnalazione",
      "  --                  quel che segue è un file anche se inizia con -",
      "",
      "Codici di uscita: 0 nessun errore, 1 errori trovati, 2 file illeggibile o argomenti errati.",
    ].join("\n"),
    summary: (c) =>
      `${count(c.objectives, { one: "obiettivo", other: "obiettivi" })}, ${count(c.phases, { one: "fase", other: "fasi" })}, ${count(c.indicators, { one: "indicatore", other: "indicatori" })}: ${count(c.errors, ERRORS)}, ${count(c.warnings, WARNINGS)}${c.accepted > 0 ? `, ${count(c.accepted, { one: "avviso accettato", other: "avvisi accettati" })}` : ""}`,
    acceptedWarning: "AVVISO ACCETTATO",
    asOf: (date) => `data di riferimento ${date}`,
    noFindings: "Nessun problema trovato.",
    adviceHeading: "Consigli",
    workbookLevel: "Cartella di lavoro",
    objectiveHeading: (code) => `Obiettivo ${code}`,
    noObjective: "Righe senza obiettivo riconosciuto",
    severity: { error: "ERRORE", warning: "AVVISO", info: "INFO" },
    wrote: (path) => `scritto ${path}`,
    unchanged: (path) => `${path}: già aggiornato, copiato senza modifiche`,
    notWritten: (reason) => `copia non scritta: ${reason}`,
    total: (files, errors, warnings, unreadable) =>
      `${count(files, { other: "file" })}: ${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}${unreadable > 0 ? `, ${count(unreadable, { one: "illeggibile", other: "illeggibili" })}` : ""}`,
    readFailure: {
      "legacy-xls": () => "è un file .xls (Excel 97-2003): aprilo in Excel e salvalo come .xlsx",
      encrypted: () =>
        "è protetto da password: togli la password (File > Informazioni > Proteggi cartella di lavoro) e salvalo di nuovo",
      "not-zip": () => "non è una cartella di lavoro .xlsx: salvala da Excel come .xlsx",
      "not-workbook": () =>
        "è un archivio zip ma non una cartella di lavoro Excel: salvala da Excel come .xlsx",
      corrupt: (detail) =>
        `è danneggiato${detail === "" ? "" : ` (${detail})`}: aprilo in Excel, lascia che lo ripari e salvalo di nuovo`,
      "multi-disk": () =>
        "è un archivio zip diviso in più file: riunisci le parti in un solo file, oppure aprilo in Excel e salvalo di nuovo come .xlsx",
      "too-many-parts": (detail) =>
        `contiene ${detail} parti, più delle ${number(ZIP_LIMITS.maxEntries)} ammesse: togli i fogli e gli oggetti che non servono, oppure dividi il piano in più cartelle di lavoro`,
      "part-too-large": (detail) =>
        `la parte ${detail} supera ${number(megabytes(ZIP_LIMITS.maxEntryBytes))} MB una volta decompressa, il limite per una parte: togli le righe e le colonne vuote ma formattate, oppure dividi il piano in più cartelle di lavoro`,
      "too-large": () =>
        `supera ${number(megabytes(ZIP_LIMITS.maxTotalBytes))} MB una volta decompresso, il limite per un file: togli fogli, immagini e righe che non servono, oppure dividi il piano in più cartelle di lavoro`,
      "over-compressed": (detail) =>
        `la parte ${detail} è compressa più di ${number(ZIP_LIMITS.maxRatio)} volte, come nei file fatti per esaurire la memoria, e non viene aperta: se il file viene da una fonte fidata, aprilo in Excel e salvalo di nuovo`,
      "no-tables": () =>
        "non contiene tabelle Excel né, nelle prime 20 righe di un foglio, una riga di intestazioni di obiettivi, fasi o indicatori: formatta i dati come tabella (Home > Formatta come tabella) e chiama le tabelle Obiettivi, Fasi e Indicatori",
      "bad-character": (detail) =>
        `contiene un riferimento a un carattere che XML non ammette (${detail}): riscrivi quella cella in Excel e salva di nuovo la cartella di lavoro`,
      dtd: (detail) =>
        `ha una dichiarazione di tipo documento in ${detail}, che nessuna cartella di lavoro Excel contiene: il file è stato costruito per attaccare i programmi che lo leggono, oppure è danneggiato; salvalo di nuovo da Excel`,
      "table-too-large": (detail) => {
        const [table, sheet, rows, columns, limit] = detail.split("\t");
        return `la tabella ${table} nel foglio ${sheet} è di ${rows} righe × ${columns} colonne; il limite è ${Number(limit).toLocaleString("it-IT")} celle per le tabelle di una cartella di lavoro: togli le righe e le colonne vuote in fondo alla tabella (Struttura tabella > Ridimensiona tabella)`;
      },
      "sheet-too-large": (detail) => {
        const [sheet, row, limit] = detail.split("\t");
        return `il foglio ${sheet}, letto per trovare gli intervalli senza tabella, supera alla riga ${row} il limite di ${Number(limit).toLocaleString("it-IT")} celle per una cartella di lavoro: togli le righe e le colonne che non servono, oppure formatta obiettivi, fasi e indicatori come tabelle`;
      },
      "table-columns": (detail) => {
        const [table, sheet, width, names] = detail.split("\t");
        return `la tabella ${table} nel foglio ${sheet} occupa ${width} colonne ma ne nomina ${names}: aprila in Excel, lascia che la ripari e salvala di nuovo`;
      },
      "not-found": () => "file o cartella non trovato: controlla il percorso",
      "empty-folder": () =>
        "la cartella non contiene cartelle di lavoro Excel (.xlsx, .xlsm, .xltx, .xltm)",
      "unreadable-file": (detail) =>
        `non si può leggere (${detail}): controlla i permessi del file`,
    },
    uncheckable: (reasons) => `non si può controllare per intero: ${reasons}`,
    argumentProblem: {
      "no-command": () => "manca il comando: scrivi objective-check validate seguito dai file",
      "unknown-command": (command) => `comando «${command}» sconosciuto: usa validate o report`,
      "unknown-option": (option) => `opzione ${option} sconosciuta`,
      "missing-value": (option) => `${option} vuole un valore`,
      "unexpected-value": (option) => `${option} non vuole un valore`,
      "repeated-option": (option) => `${option} è data due volte: tienine una`,
      "no-paths": () => "indica almeno un file .xlsx o una cartella",
      "bad-as-of": (value) => `--as-of ${value} non è una data vera: scrivila come AAAA-MM-GG`,
      "bad-plan-year": (value) => `--plan-year ${value} non è un anno di quattro cifre`,
      "bad-lang": (value) => `--lang ${value} non è una lingua disponibile: usa it o en`,
      "empty-write-to": () => "--write-to vuole una cartella",
      "bad-out": (value) => `--out ${value} deve essere un file .xlsx`,
      "missing-out": () => "report vuole --out FILE.xlsx, il riepilogo da scrivere",
      "empty-html": () => "--html vuole un file",
      "only-validate": (option) => `${option} vale solo per validate`,
      "only-report": (option) => `${option} vale solo per report`,
    },
    internalError: (stage) =>
      `errore interno durante ${{ read: "la lettura", check: "il controllo", write: "la scrittura della copia" }[stage]}: non dipende dal file, segnalalo a chi mantiene Objective Check allegando il file`,
    debugHint: "per i dettagli ripeti con --debug",
    skipped: {
      occupied: (table, range) =>
        `tabella ${table} non aggiornata: le celle ${range}, dove andrebbero le colonne di stato, non sono vuote. Spostale e riprova`,
      "overlaps-table": (table, range) =>
        `tabella ${table} non aggiornata: un'altra tabella occupa ${range}, dove andrebbero le colonne di stato. Spostala e riprova`,
      "merged-cells": (table, range) =>
        `tabella ${table} non aggiornata: ci sono celle unite in ${range}, dove andrebbero le colonne di stato. Separale e riprova`,
      "sheet-full": (table, range) =>
        `tabella ${table} non aggiornata: il foglio non ha colonne libere per ${range}`,
    },
    sameAsSource:
      "--write-to indica la cartella del file originale: scegli un'altra cartella, l'originale non va sovrascritto",
    nameClash:
      "un altro file con lo stesso nome è già stato scritto in questa cartella: controlla i file uno alla volta",
    writeFailed: (detail) => `la copia non si può scrivere (${detail})`,
  },
  addin: {
    summary: (c) =>
      `${count(c.objectives, { one: "obiettivo controllato", other: "obiettivi controllati" })}: ${count(c.errors, ERRORS)}, ${count(c.warnings, WARNINGS)}${c.accepted > 0 ? `, ${count(c.accepted, { one: "avviso accettato", other: "avvisi accettati" })}` : ""}.`,
    written: (cells) =>
      `Colonne di stato aggiornate (${count(cells, { one: "cella", other: "celle" })}).`,
    nothingToWrite: "Le colonne di stato erano già aggiornate.",
    skipped: (table, range) =>
      `La tabella ${table} non è stata aggiornata: le celle ${range}, dove andrebbero le colonne di stato, non sono vuote. Spostale e riprova.`,
    noTables:
      "Nessuna tabella trovata. Apri il Pannello pianificazione e scegli «Crea tabelle di pianificazione», oppure formatta i dati come tabelle chiamate Obiettivi, Fasi e Indicatori.",
    uncheckable: (reasons) => `La cartella di lavoro non si può controllare per intero: ${reasons}`,
    protectedSheet: (sheet) =>
      `Il foglio «${sheet}» è protetto, quindi non è stato scritto nulla: togli la protezione (Revisione > Rimuovi protezione foglio) e riprova.`,
    filterLost: (table, column) =>
      `Il filtro della colonna «${column}» della tabella ${table} non è stato rimesso da Excel: impostalo di nuovo (Dati > Filtro).`,
    rowsMoved: (table, sheet) =>
      `Durante il controllo un coautore ha continuato a inserire, eliminare, ordinare o modificare righe della tabella ${table} (foglio ${sheet}): fai clic di nuovo su Controlla obiettivi quando le sue modifiche sono finite, e ogni stato sarà sulla sua riga.`,
    excelError: (code) =>
      `Excel non ha completato il controllo (${code}). Non è stato scritto nulla di parziale che un nuovo controllo non completi: riprova.`,
    unexpected: (message) =>
      `Il controllo si è interrotto per un problema imprevisto (${message}). Riprova; se si ripete, segnalalo all'ufficio pianificazione.`,
    engineStopped:
      "Il controllo si è interrotto: il motore di controllo del componente aggiuntivo non è partito o si è fermato (forse il componente è appena stato aggiornato). Nulla è stato scritto. Chiudi e riapri il riquadro, poi valida di nuovo.",
    timeLimit:
      "Il controllo si è fermato prima di scrivere, per finire entro i cinque minuti che Office concede a un comando della barra multifunzione. Nulla è stato scritto. Apri il Pannello pianificazione e valida da lì.",
    settingsIgnored:
      "Le impostazioni salvate nella cartella di lavoro non erano leggibili e sono state ignorate.",
    close: "Chiudi",
    title: "Controllo obiettivi",
    validate: "Controlla obiettivi",
    validating: "Controllo in corso…",
    findingsHeading: "Segnalazioni",
    noFindings: "Nessun problema trovato.",
    severity: { error: "Errore", warning: "Avviso", info: "Informazione" },
    useSuggestion: (date) => `Usa ${date}`,
    confirmFixTitle: "Correggere la cella?",
    fixWillChange,
    accept: "Accetta l'avviso",
    restore: "Ripristina l'avviso",
    acceptedBadge: "Accettato",
    acceptedWarningsFull: (max) =>
      `La cartella di lavoro ha già ${number(max)} avvisi accettati, il massimo che può conservare: ripristina quelli che non servono più e riprova.`,
    confirmFix: (date, where) =>
      `Scrivere ${date} in ${where}? Poi la cartella di lavoro viene controllata di nuovo.`,
    write: "Scrivi",
    cancel: "Annulla",
    cellNoLongerBlank: (where) =>
      `${where} non è più vuota (qualcuno l'ha compilata nel frattempo): nulla è stato scritto.`,
    cellHoldsFormula: (where) =>
      `${where} sembra vuota ma contiene una formula: nulla è stato scritto. Correggi la formula, oppure svuota la cella e applica di nuovo il suggerimento.`,
    timelineHeading: "Cronoprogramma",
    referenceDate: "Data di riferimento",
    referenceDateHint:
      "La data del monitoraggio, gg/mm/aaaa (di solito 30/06, 30/09 o 31/12); salvata nella cartella di lavoro per tutti i coautori.",
    statusLanguage: "Lingua delle colonne di stato",
    all: "Tutte",
    severityFilter: "Gravità",
    ruleFilter: "Regola",
    previous: "Precedente",
    next: "Successiva",
    createTables: "Crea tabelle di pianificazione",
    convertToTables: "Converti in tabelle",
    convertTitle: "Convertire gli intervalli in tabelle Excel?",
    convertConfirm: (ranges) =>
      `Diventano tabelle Excel, con i filtri, la riga di intestazione e i dati (i titoli sopra restano come sono): ${ranges}. Valori, formati e colonne di stato restano invariati.`,
    convert: "Converti",
    converted: (tables) => `Tabelle create: ${tables}.`,
    convertRefused: {
      "merged-cells": (range, cells) =>
        `${range} contiene celle unite (${cells}) e Excel non ne fa una tabella: separa le celle (Home > Unisci e allinea al centro) e riprova. Nessun intervallo è stato convertito.`,
      "overlaps-table": (range, cells) =>
        `${range} si sovrappone alla tabella ${cells}: sposta l'intervallo o la tabella e riprova. Nessun intervallo è stato convertito.`,
      protected: (range) =>
        `Il foglio di ${range} è protetto: rimuovi la protezione (Revisione > Rimuovi protezione foglio) e riprova. Nessun intervallo è stato convertito.`,
      excel: (range) =>
        `Excel non ha potuto convertire ${range} (forse un coautore lo ha appena modificato): nulla è stato convertito; valida di nuovo e riprova.`,
    },
    stale:
      "La cartella di lavoro è cambiata dopo il controllo: fai clic su Controlla obiettivi per aggiornare i risultati.",
    mappingHeading: "Abbina le tabelle",
    mappingTable: (kind) => `Tabella ${kind}`,
    saveMapping: "Salva l'abbinamento e valida",
    fieldName: (key) => FIELDS[key] ?? key,
    timelineObjective: "Obiettivo",
    timelineChooserHint: (n) =>
      `${count(n, { one: "obiettivo ha", other: "obiettivi hanno" })} fasi: scrivi un codice, un titolo o una direzione per trovarne uno.`,
    timelineNoDepartment: "Senza direzione",
    timelineNoMatch: "Nessun obiettivo corrisponde: cerca per codice, titolo o direzione.",
    timelineMoreMatches: (n) =>
      `${count(n, { one: "altro obiettivo", other: "altri obiettivi" })}: scrivi un codice, un titolo o una direzione per restringere l'elenco.`,
    timelineNone:
      "Nessun obiettivo ha fasi da mostrare: aggiungi le fasi nella tabella Fasi con il codice dell'obiettivo.",
    timelineLegend: "Legenda",
    timelineReference: (date) => `Data di riferimento ${date}`,
    timelineOpenEnd: "fine mancante",
    timelineNoDate: "date mancanti",
    timelineSelect: (where) => `Seleziona ${where}`,
    referenceDateInvalid: (text) =>
      `«${text}» non è una data: scrivila come gg/mm/aaaa, es. 30/06/2024. La data salvata non è cambiata.`,
    referenceDateImpossible: (text) =>
      `«${text}» non è una data esistente: controlla giorno e mese. La data salvata non è cambiata.`,
    referenceDateYear: (text) =>
      `«${text}»: l'anno va scritto per intero, tra 1900 e 9999. La data salvata non è cambiata.`,
    referenceDateEmpty:
      "Scrivi la data di riferimento come gg/mm/aaaa. La data salvata non è cambiata.",
    referenceDatePlaceholder: "gg/mm/aaaa",
    referenceDateQuick: "Date di monitoraggio dell'anno",
    calendar: {
      goToToday: "Vai a oggi",
      prevMonth: "Mese precedente",
      nextMonth: "Mese successivo",
      prevYear: "Anno precedente",
      nextYear: "Anno successivo",
      close: "Chiudi il calendario",
      open: "Apri il calendario",
    },
    staleDate:
      "La data di riferimento è cambiata dopo il controllo: fai clic su Controlla obiettivi per aggiornare i risultati.",
    emptyPlan:
      "Le tabelle Obiettivi, Fasi e Indicatori sono pronte ma vuote: compila un obiettivo, le sue fasi e i suoi indicatori, poi controlla.",
    addFirstObjective: "Aggiungi il primo obiettivo",
    navigation: {
      settings: "Impostazioni",
      search: "Cerca",
      searchHint: "Codice, titolo, Direzione o testo",
      groupBy: "Raggruppa per",
      groupings: {
        objective: "Obiettivo",
        department: "Direzione",
        rule: "Regola",
        severity: "Gravità",
      },
      workbook: "Cartella di lavoro",
      noObjective: "Righe senza obiettivo",
      noDepartment: "Senza Direzione",
      ruleChips: "Filtra per regola",
      position: (current, total) => `${current} di ${total}`,
      findings: (n) => count(n, { one: "segnalazione", other: "segnalazioni" }),
      noMatches: "Nessuna segnalazione corrisponde alla ricerca o ai filtri.",
      current: "Segnalazione corrente",
    },
  },
};
