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

const numberFormat = new Intl.NumberFormat("en-GB", {
  maximumFractionDigits: 2,
  useGrouping: false,
});
const number = (value: number) => numberFormat.format(value);
const count = pluralCounter("en-GB");
const ERRORS = { one: "error", other: "errors" };
const WARNINGS = { one: "warning", other: "warnings" };

const TABLES: Record<TableKind, string> = {
  objectives: "Objectives",
  phases: "Phases",
  indicators: "Indicators",
};

const REQUIRED_HEADERS: Record<TableKind, string> = {
  objectives: '"Codice" (or "Objective code") and "Titolo" (or "Title")',
  phases:
    '"Codice obiettivo", "Descrizione", "Peso", "Inizio previsto" and "Fine prevista" (or Objective code, Description, Weight, Planned start, Planned end)',
  indicators:
    '"Codice obiettivo", "Descrizione" and "Valore atteso" (or Objective code, Description, Expected value)',
};

const FIELDS: Record<string, string> = {
  code: "Objective code",
  title: "Title",
  objective: "Objective code",
  description: "Description",
  weight: "Weight",
  start: "Planned start",
  end: "Planned end",
  target: "Expected value",
};

function problem(p: Problem): string {
  switch (p.type) {
    case "excel-error":
      return `the cell holds the Excel error ${p.error}`;
    case "ambiguous-decimal":
      return `"${p.text}" is ambiguous: write ${p.suggestion} (decimal comma)`;
    case "not-a-number":
      return `"${p.text}" is not a number`;
    case "out-of-range":
      return `${number(p.value)} is outside 0–100`;
    case "not-a-date":
      return `"${p.text}" is not a date`;
    case "impossible-date":
      return `"${p.text}" is not a real date`;
    case "number-not-formatted-as-date":
      return `the cell holds the number ${p.value} formatted as a number, not as a date`;
  }
}

function missing(what: string, fix: string, details: FindingDetails<TextMissingRule>): string {
  return details.problem
    ? `${what}: ${problem(details.problem)}. ${capitalise(fix)}.`
    : `${what}: ${fix}.`;
}

function invalidDate(
  what: string,
  details: FindingDetails<"phase.start.invalid" | "phase.end.invalid">
): string {
  return `Invalid ${what}: ${problem(details.problem)}. Write the date as dd/mm/yyyy (e.g. 30/06/2018) or give the cell a date format.`;
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
        : `the indicator's deadline (${formatDay(details.latestTarget)})`,
      details.planYear === null ? null : `the end of the plan year ${details.planYear}`,
    ].filter((c) => c !== null);
    return `; no date suggested: the planned start ${formatDay(details.start)} is after ${candidates.join(" and ")}, so check the start date first`;
  }
  const date = formatDay(details.suggestion);
  if ("suggestionSource" in details) {
    return `; suggested ${date}, the deadline of the indicator "${details.suggestionSource}"`;
  }
  return `; suggested ${date}, the end of the plan year${earlierTarget(details.earlierTarget ?? null)}`;
}

/** Why the plan year's end was suggested over the indicator's date. */
function earlierTarget(day: Day | null): string {
  return day === null
    ? ""
    : ` (the indicator's deadline, ${formatDay(day)}, is before the planned start)`;
}

/** "Fasi!E15 (phase "Analysis", start 12/10/2024) will get 31/12/2024, the date of the indicator "…"". */
function fixWillChange(fix: SuggestedFix): string {
  const about = [
    fix.phase === null ? null : `phase "${fix.phase}"`,
    fix.start === null ? null : `start ${formatDay(fix.start)}`,
  ].filter((part) => part !== null);
  const where = `${sheetCellReference(fix.sheet, fix.cell)}${about.length === 0 ? "" : ` (${about.join(", ")})`}`;
  const source =
    fix.source.kind === "indicator"
      ? `the date of the indicator "${fix.source.indicator}"`
      : `the end of the plan year ${fix.source.planYear}${earlierTarget(fix.source.earlierTarget)}`;
  return `${where} will get ${fix.display}, ${source}.`;
}

function counts(label: string, c: ProblemCounts): string | null {
  const parts = [];
  if (c.errors > 0) parts.push(count(c.errors, ERRORS));
  if (c.warnings > 0) parts.push(count(c.warnings, WARNINGS));
  return parts.length === 0 ? null : `${label}: ${parts.join(", ")}`;
}

export const en: Catalogue = {
  language: "en",
  number,
  tableNames: TABLES,
  problem,
  rules: {
    "table.missing": (d) =>
      `The ${TABLES[d.tableKind]} table is missing: create an Excel table named "${TABLES[d.tableKind]}" with the columns ${REQUIRED_HEADERS[d.tableKind]}.`,
    "table.column.missing": (d, _o, table) =>
      `Table "${table}" has no "${FIELDS[d.field] ?? d.field}" column, which is required: add a column with that header.`,
    "table.empty": (_d, _o, table) => `Table "${table}" has no data rows: fill it in or delete it.`,
    "table.plain-range": (d, _o, table) =>
      `${TABLES[d.tableKind]} is a plain range (${table}), not an Excel table: it is checked all the same. Formatted as a table (Home > Format as Table) it would get filters and keep its columns together.`,
    "table.headers.off": (_d, _o, table) =>
      `Table "${table}" has its header row turned off, so it cannot be checked: select the table and turn on Table Design > Header Row, then validate again.`,
    "objective.code.missing": (d) =>
      missing("Objective code missing", "enter the code, e.g. 2018_ZN12", d),
    "objective.code.duplicate": (d, o) =>
      `Code ${o} is already used on row ${d.firstRow}: give this objective another code or merge the two rows. Phases and indicators go to the first row.`,
    "objective.title.missing": (d) => missing("Title missing", "enter the objective's title", d),
    "objective.phases.none": (_d, o) =>
      `Objective ${o} has no phases: add at least one phase with this objective code to the Phases table.`,
    "objective.indicators.none": (_d, o) =>
      `Objective ${o} has no indicators: add at least one indicator to the Indicators table.`,
    "objective.weight.sum": (d, o) =>
      `The phase weights of ${o} add up to ${number(d.total)} instead of 100: correct the weights so they add up to 100.`,
    "phase.objective.missing": (d) =>
      missing("Objective code missing", "say which objective the phase belongs to", d),
    "phase.objective.unknown": (_d, o) =>
      `Objective ${o} is not in the Objectives table: correct the code or add the objective.`,
    "phase.description.missing": (d) =>
      missing("Phase description missing", "describe the phase", d),
    "phase.weight.missing": () =>
      "Weight missing: enter the phase's weight, a number from 0 to 100 (e.g. 70,00).",
    "phase.weight.invalid": (d) =>
      `Invalid weight: ${problem(d.problem)}. Enter a number from 0 to 100, e.g. 70,00.`,
    "phase.weight.zero": () =>
      "Weight 0: the phase counts for nothing in the progress. Give it a weight or delete it.",
    "phase.start.missing": () => "Planned start date missing: enter the date (dd/mm/yyyy).",
    "phase.end.missing": (d) =>
      `Planned end date missing: enter the date (dd/mm/yyyy)${endSuggestion(d)}.`,
    "phase.start.invalid": (d) => invalidDate("planned start date", d),
    "phase.end.invalid": (d) => invalidDate("planned end date", d),
    "phase.dates.order": (d) =>
      `The phase starts on ${formatDay(d.start)} but ends on ${formatDay(d.end)}: the end must be on or after the start.`,
    "phase.dates.outside-year": (d) =>
      `The date ${formatDay(d.date)} is outside the plan year ${d.planYear}: check the year.`,
    "phase.owner.missing": (d) =>
      missing("Owner missing", "name who is responsible for the phase", d),
    "phase.progress.invalid": (d) =>
      `Invalid progress: ${problem(d.problem)}. Enter a percentage from 0 to 100, or leave it blank.`,
    "indicator.objective.missing": (d) =>
      missing("Objective code missing", "say which objective the indicator belongs to", d),
    "indicator.objective.unknown": (_d, o) =>
      `Objective ${o} is not in the Objectives table: correct the code or add the objective.`,
    "indicator.description.missing": (d) =>
      missing("Indicator description missing", "describe the indicator", d),
    "indicator.target.missing": (d) =>
      missing("Expected value missing", "enter the indicator's expected value", d),
    "indicator.target.invalid": (d) =>
      `Invalid expected value: ${problem(d.problem)}. If it is a deadline, write a real date (dd/mm/yyyy).`,
    "indicator.target.outside-year": (d) =>
      `The deadline ${formatDay(d.date)} is outside the plan year ${d.planYear}: check the year.`,
  },
  acceptedMessage: (message) => `(accepted) ${message}`,
  status: STATUS_WORDS.en.status,
  check: STATUS_WORDS.en.check,
  linkedProblems: (phases, indicators) =>
    [counts("Phases", phases), counts("Indicators", indicators)]
      .filter((part) => part !== null)
      .join("; "),
  cli: {
    usage: [
      "Usage: objective-check validate FILE_OR_DIR... [options]",
      "",
      "Checks the objectives, phases and indicators of Excel workbooks (.xlsx, .xlsm, .xltx, .xltm).",
      "",
      "Options:",
      "  --json              one JSON document on standard output",
      "  --as-of YYYY-MM-DD  monitoring reference date (default: the one stored in the file, else today)",
      "  --plan-year YYYY    plan year for codes that do not start with one",
      "  --lang it|en        language of the messages (default: it)",
      "  --write-to DIR      write to DIR a copy of each workbook with the status columns",
      "  --show-accepted     also list the warnings the workbook accepts (counted apart, they do not change the result)",
      "",
      "       objective-check report FILE_OR_DIR... --out FILE.xlsx [--html FILE.html] [--as-of …] [--plan-year …] [--lang …]",
      "  --out FILE.xlsx     the monitoring round's summary workbook (objectives, findings, directorates, files)",
      "  --html FILE.html    a dashboard to attach to a mail, with charts, readable offline and printed",
      "  --debug             on an internal error, show the details for a bug report",
      "  --                  what follows is a file even if it starts with -",
      "",
      "Exit codes: 0 no errors, 1 errors found, 2 a file could not be read or the arguments are wrong.",
    ].join("\n"),
    summary: (c) =>
      `${count(c.objectives, { one: "objective", other: "objectives" })}, ${count(c.phases, { one: "phase", other: "phases" })}, ${count(c.indicators, { one: "indicator", other: "indicators" })}: ${count(c.errors, ERRORS)}, ${count(c.warnings, WARNINGS)}${c.accepted > 0 ? `, ${count(c.accepted, { one: "accepted warning", other: "accepted warnings" })}` : ""}`,
    acceptedWarning: "ACCEPTED WARNING",
    asOf: (date) => `reference date ${date}`,
    noFindings: "No problems found.",
    adviceHeading: "Advice",
    workbookLevel: "Workbook",
    objectiveHeading: (code) => `Objective ${code}`,
    noObjective: "Rows with no known objective",
    severity: { error: "ERROR", warning: "WARNING", info: "INFO" },
    wrote: (path) => `wrote ${path}`,
    unchanged: (path) => `${path}: already up to date, copied unchanged`,
    notWritten: (reason) => `copy not written: ${reason}`,
    total: (files, errors, warnings, unreadable) =>
      `${count(files, { one: "file", other: "files" })}: ${count(errors, ERRORS)}, ${count(warnings, WARNINGS)}${unreadable > 0 ? `, ${unreadable} unreadable` : ""}`,
    readFailure: {
      "legacy-xls": () => "is an .xls file (Excel 97-2003): open it in Excel and save it as .xlsx",
      encrypted: () =>
        "is password-protected: remove the password (File > Info > Protect Workbook) and save it again",
      "not-zip": () => "is not an .xlsx workbook: save it from Excel as .xlsx",
      "not-workbook": () =>
        "is a zip archive but not an Excel workbook: save it from Excel as .xlsx",
      corrupt: (detail) =>
        `is damaged${detail === "" ? "" : ` (${detail})`}: open it in Excel, let Excel repair it and save it again`,
      "multi-disk": () =>
        "is a zip archive split across several files: join the parts into one file, or open it in Excel and save it again as .xlsx",
      "too-many-parts": (detail) =>
        `holds ${detail} parts, more than the ${number(ZIP_LIMITS.maxEntries)} allowed: remove the sheets and objects you do not need, or split the plan into several workbooks`,
      "part-too-large": (detail) =>
        `part ${detail} exceeds ${number(megabytes(ZIP_LIMITS.maxEntryBytes))} MB once decompressed, the limit for one part: remove empty but formatted rows and columns, or split the plan into several workbooks`,
      "too-large": () =>
        `exceeds ${number(megabytes(ZIP_LIMITS.maxTotalBytes))} MB once decompressed, the limit for one file: remove the sheets, images and rows you do not need, or split the plan into several workbooks`,
      "over-compressed": (detail) =>
        `part ${detail} is compressed more than ${number(ZIP_LIMITS.maxRatio)} times, as in files made to exhaust memory, and is not opened: if the file comes from a trusted source, open it in Excel and save it again`,
      "no-tables": () =>
        "has no Excel tables, nor a row of objective, phase or indicator headers within a sheet's first 20 rows: format the data as tables (Home > Format as Table) named Obiettivi, Fasi and Indicatori",
      "bad-character": (detail) =>
        `holds a character reference XML does not allow (${detail}): retype that cell in Excel and save the workbook again`,
      dtd: (detail) =>
        `has a document type declaration in ${detail}, which no Excel workbook has: the file was made to attack the programs that read it, or damaged; save it again from Excel`,
      "table-too-large": (detail) => {
        const [table, sheet, rows, columns, limit] = detail.split("\t");
        return `table ${table} on sheet ${sheet} is ${rows} rows × ${columns} columns; the limit is ${Number(limit).toLocaleString("en-US")} cells for the tables of a workbook: remove the empty rows and columns at the end of the table (Table Design > Resize Table)`;
      },
      "sheet-too-large": (detail) => {
        const [sheet, row, limit] = detail.split("\t");
        return `sheet ${sheet}, read to find ranges that are not tables, passes the limit of ${number(Number(limit))} cells for a workbook at row ${row}: remove the rows and columns you do not need, or format the objectives, phases and indicators as tables`;
      },
      "table-columns": (detail) => {
        const [table, sheet, width, names] = detail.split("\t");
        return `table ${table} on sheet ${sheet} spans ${width} columns but names ${names}: open it in Excel, let Excel repair it and save it again`;
      },
      "not-found": () => "no such file or folder: check the path",
      "empty-folder": () => "the folder holds no Excel workbooks (.xlsx, .xlsm, .xltx, .xltm)",
      "unreadable-file": (detail) => `cannot be read (${detail}): check the file's permissions`,
    },
    uncheckable: (reasons) => `cannot be fully checked: ${reasons}`,
    argumentProblem: {
      "no-command": () => "no command: write objective-check validate followed by the files",
      "unknown-command": (command) => `unknown command "${command}": use validate or report`,
      "unknown-option": (option) => `unknown option ${option}`,
      "missing-value": (option) => `${option} needs a value`,
      "unexpected-value": (option) => `${option} takes no value`,
      "repeated-option": (option) => `${option} is given twice: keep one`,
      "no-paths": () => "give at least one .xlsx file or folder",
      "bad-as-of": (value) => `--as-of ${value} is not a real date: write it as YYYY-MM-DD`,
      "bad-plan-year": (value) => `--plan-year ${value} is not a four-digit year`,
      "bad-lang": (value) => `--lang ${value} is not an available language: use it or en`,
      "empty-write-to": () => "--write-to needs a folder",
      "bad-out": (value) => `--out ${value} must be an .xlsx file`,
      "missing-out": () => "report needs --out FILE.xlsx, the summary to write",
      "empty-html": () => "--html needs a file",
      "only-validate": (option) => `${option} is for validate only`,
      "only-report": (option) => `${option} is for report only`,
    },
    internalError: (stage) =>
      `internal error while ${{ read: "reading", check: "checking", write: "writing the copy" }[stage]}: not the file's fault; please report it to Objective Check's maintainers with the file attached`,
    debugHint: "run again with --debug for the details",
    skipped: {
      occupied: (table, range) =>
        `table ${table} not updated: cells ${range}, where the status columns would go, are not empty. Move them and try again`,
      "overlaps-table": (table, range) =>
        `table ${table} not updated: another table occupies ${range}, where the status columns would go. Move it and try again`,
      "merged-cells": (table, range) =>
        `table ${table} not updated: there are merged cells in ${range}, where the status columns would go. Unmerge them and try again`,
      "sheet-full": (table, range) =>
        `table ${table} not updated: the sheet has no free columns for ${range}`,
    },
    sameAsSource:
      "--write-to names the original file's folder: choose another folder, the original must not be overwritten",
    nameClash:
      "another file with the same name was already written to that folder: check the files one at a time",
    writeFailed: (detail) => `the copy cannot be written (${detail})`,
  },
  addin: {
    summary: (c) =>
      `${count(c.objectives, { one: "objective", other: "objectives" })} checked: ${count(c.errors, ERRORS)}, ${count(c.warnings, WARNINGS)}${c.accepted > 0 ? `, ${count(c.accepted, { one: "accepted warning", other: "accepted warnings" })}` : ""}.`,
    written: (cells) =>
      `Status columns updated (${count(cells, { one: "cell", other: "cells" })}).`,
    nothingToWrite: "The status columns were already up to date.",
    skipped: (table, range) =>
      `Table ${table} was not updated: cells ${range}, where the status columns would go, are not empty. Move them and try again.`,
    noTables:
      "No tables found. Open the Planning pane and choose Create planning tables, or format the data as tables named Obiettivi, Fasi and Indicatori.",
    uncheckable: (reasons) => `The workbook cannot be fully checked: ${reasons}`,
    protectedSheet: (sheet) =>
      `Sheet "${sheet}" is protected, so nothing was written: unprotect it (Review > Unprotect Sheet) and try again.`,
    filterLost: (table, column) =>
      `Excel did not put back the filter on column "${column}" of table ${table}: set it again (Data > Filter).`,
    rowsMoved: (table, sheet) =>
      `While the check was running, a co-author kept inserting, deleting, sorting or retyping rows of table ${table} (sheet ${sheet}): click Check objectives again once their changes are done, and every status will be on its own row.`,
    excelError: (code) =>
      `Excel did not complete the check (${code}). Whatever was written, a new check completes it: try again.`,
    unexpected: (message) =>
      `The check stopped on an unexpected problem (${message}). Try again; if it happens again, report it to the planning office.`,
    engineStopped:
      "The check stopped: the add-in's checking engine did not start or stopped (the add-in may have just been updated). Nothing was written. Close and reopen the pane, then validate again.",
    timeLimit:
      "The check stopped before writing, to end within the five minutes Office gives a ribbon command. Nothing was written. Open the Planning pane and validate there.",
    settingsIgnored: "The settings stored in the workbook could not be read and were ignored.",
    close: "Close",
    title: "Objective Check",
    validate: "Check objectives",
    validating: "Checking…",
    findingsHeading: "Findings",
    noFindings: "No problems found.",
    severity: { error: "Error", warning: "Warning", info: "Information" },
    useSuggestion: (date) => `Use ${date}`,
    confirmFixTitle: "Fix the cell?",
    fixWillChange,
    accept: "Accept the warning",
    restore: "Restore the warning",
    acceptedBadge: "Accepted",
    acceptedWarningsFull: (max) =>
      `The workbook already holds ${number(max)} accepted warnings, the most it can keep: restore the ones no longer needed and try again.`,
    confirmFix: (date, where) => `Write ${date} in ${where}? The workbook is then checked again.`,
    write: "Write",
    cancel: "Cancel",
    cellNoLongerBlank: (where) =>
      `${where} is no longer blank (someone filled it meanwhile): nothing was written.`,
    cellHoldsFormula: (where) =>
      `${where} looks blank but holds a formula: nothing was written. Change the formula, or clear the cell and apply the suggestion again.`,
    timelineHeading: "Schedule",
    referenceDate: "Reference date",
    referenceDateHint:
      "The monitoring date, dd/mm/yyyy (usually 30/06, 30/09 or 31/12); stored in the workbook for every co-author.",
    statusLanguage: "Language of the status columns",
    all: "All",
    severityFilter: "Severity",
    ruleFilter: "Rule",
    previous: "Previous",
    next: "Next",
    createTables: "Create planning tables",
    convertToTables: "Convert to tables",
    convertTitle: "Convert the ranges to Excel tables?",
    convertConfirm: (ranges) =>
      `These become Excel tables, with filters, header row and data (the titles above stay as they are): ${ranges}. Values, formats and status columns are kept.`,
    convert: "Convert",
    converted: (tables) => `Tables created: ${tables}.`,
    convertRefused: {
      "merged-cells": (range, cells) =>
        `${range} holds merged cells (${cells}), which Excel cannot make a table of: unmerge them (Home > Merge & Center) and try again. No range was converted.`,
      "overlaps-table": (range, cells) =>
        `${range} overlaps table ${cells}: move the range or the table and try again. No range was converted.`,
      protected: (range) =>
        `The sheet of ${range} is protected: unprotect it (Review > Unprotect Sheet) and try again. No range was converted.`,
      excel: (range) =>
        `Excel could not convert ${range} (a co-author may have just changed it): nothing was converted; validate again and retry.`,
    },
    stale:
      "The workbook changed after the check: click Check objectives to bring the results up to date.",
    mappingHeading: "Map the tables",
    mappingTable: (kind) => `${kind} table`,
    saveMapping: "Save the mapping and validate",
    fieldName: (key) => FIELDS[key] ?? key,
    timelineObjective: "Objective",
    timelineChooserHint: (n) =>
      `${count(n, { one: "objective has", other: "objectives have" })} phases: type a code, a title or a department to find one.`,
    timelineNoDepartment: "No department",
    timelineNoMatch: "No objective matches: search by code, title or department.",
    timelineMoreMatches: (n) =>
      `${count(n, { one: "more objective", other: "more objectives" })}: type a code, a title or a department to narrow the list.`,
    timelineNone:
      "No objective has phases to show: add the phases to the Phases table with the objective's code.",
    timelineLegend: "Legend",
    timelineReference: (date) => `Reference date ${date}`,
    timelineOpenEnd: "end missing",
    timelineNoDate: "dates missing",
    timelineSelect: (where) => `Select ${where}`,
    referenceDateInvalid: (text) =>
      `"${text}" is not a date: write it as dd/mm/yyyy, e.g. 30/06/2024. The stored date is unchanged.`,
    referenceDateImpossible: (text) =>
      `"${text}" is not a real date: check the day and the month. The stored date is unchanged.`,
    referenceDateYear: (text) =>
      `"${text}": write the year in full, between 1900 and 9999. The stored date is unchanged.`,
    referenceDateEmpty: "Write the reference date as dd/mm/yyyy. The stored date is unchanged.",
    referenceDatePlaceholder: "dd/mm/yyyy",
    referenceDateQuick: "Monitoring dates of the year",
    calendar: {
      goToToday: "Go to today",
      prevMonth: "Previous month",
      nextMonth: "Next month",
      prevYear: "Previous year",
      nextYear: "Next year",
      close: "Close the calendar",
      open: "Open the calendar",
    },
    staleDate:
      "The reference date changed after the check: click Check objectives to bring the results up to date.",
    emptyPlan:
      "The Objectives, Phases and Indicators tables are ready but empty: fill in an objective, its phases and its indicators, then validate.",
    addFirstObjective: "Add the first objective",
    navigation: {
      settings: "Settings",
      search: "Search",
      searchHint: "Code, title, Direzione or text",
      groupBy: "Group by",
      groupings: {
        objective: "Objective",
        department: "Direzione",
        rule: "Rule",
        severity: "Severity",
      },
      workbook: "Workbook",
      noObjective: "Rows without an objective",
      noDepartment: "No Direzione",
      ruleChips: "Filter by rule",
      position: (current, total) => `${current} of ${total}`,
      findings: (n) => count(n, { one: "finding", other: "findings" }),
      noMatches: "No finding matches the search or the filters.",
      current: "Current finding",
    },
  },
};
