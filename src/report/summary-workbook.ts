import { sheetCellReference } from "../engine/cell-address";
import { serialFromDay } from "../engine/days";
import { catalogue } from "../i18n";
import { reportTexts } from "../i18n/report-texts";
import { OBJECTIVE_STATUSES, type DirectorateLine, type RoundReport } from "./report-model";
import type { LinkValue, TableColumn, TableSink } from "./table-sheet";

/** Error red, warning amber, OK green: the same fills as the check column the add-in writes. */
const RED = "FFFFC7CE";
const AMBER = "FFFFEB9C";
const GREEN = "FFC6EFCE";

/**
 * The round's summary workbook: four sheets, each one Excel table, handed to `book` in order. Every text
 * goes in as a string cell, so a formula-like title stays text.
 *
 * `linkTo(file)` gives the relative address of a source workbook from where the
 * summary is saved, so links keep working in a synced SharePoint folder.
 */
export function summaryWorkbook(
  report: RoundReport,
  linkTo: (file: string) => string,
  book: TableSink
): void {
  const { language } = report;
  const words = reportTexts(language);
  const c = words.columns;
  const statusWords = catalogue(language).status;
  const checkWords = catalogue(language).check;
  const cliWords = catalogue(language).cli;
  const severityWords = cliWords.severity;

  // Excel opens a link whose target has a fragment (`PEG.xlsx#Obiettivi!$A$2`) at that sheet and
  // cell; the reference is absolute, as Excel writes one.
  const link = (file: string, sheet: string, cell: string): LinkValue => ({
    text: sheetCellReference(sheet, cell),
    target: `${linkTo(file)}#${sheetCellReference(sheet, cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))}`,
  });
  const count = (name: string, width: number) => ({ name, width, format: "0" as const });

  book.addSheet({
    sheet: words.sheets.objectives,
    table: "RiepilogoObiettivi",
    rows: report.objectives,
    linkTip: words.openRow,
    columns: [
      { name: c.file, width: 24, value: (o) => o.file },
      { name: c.directorate, width: 28, value: (o) => o.directorate },
      { name: c.code, width: 14, value: (o) => o.code },
      { name: c.title, width: 48, value: (o) => o.title },
      { name: c.weightTotal, width: 12, format: "0.00", value: (o) => o.weightTotal },
      { name: c.expected, width: 14, format: "0%", value: (o) => o.expectedProgress },
      { name: c.actual, width: 14, format: "0%", value: (o) => o.actualProgress },
      {
        name: c.status,
        width: 18,
        value: (o) => (o.status === null ? null : statusWords[o.status]),
      },
      { name: c.check, width: 10, value: (o) => checkWords[o.check] },
      { ...count(c.errors, 9), value: (o) => o.errors },
      { ...count(c.warnings, 9), value: (o) => o.warnings },
      { name: c.link, width: 16, value: (o) => link(o.file, o.sheet, o.cell) },
    ],
    colours: [
      {
        // The status words coloured as the add-in's: late red, past due and missing dates amber, done green.
        column: 7,
        colours: [
          [statusWords.late, RED],
          [statusWords["past-due"], AMBER],
          [statusWords["missing-dates"], AMBER],
          [statusWords.completed, GREEN],
        ],
      },
      {
        column: 8,
        colours: [
          [checkWords.error, RED],
          [checkWords.warning, AMBER],
          [checkWords.ok, GREEN],
        ],
      },
    ],
  });

  book.addSheet({
    sheet: words.sheets.findings,
    table: "RiepilogoSegnalazioni",
    rows: report.findings,
    linkTip: words.openRow,
    columns: [
      { name: c.file, width: 24, value: (f) => f.file },
      { name: c.directorate, width: 28, value: (f) => f.directorate },
      { name: c.objective, width: 14, value: (f) => f.objective },
      { name: c.rule, width: 28, value: (f) => f.rule },
      {
        // An accepted warning is listed, marked as such and left uncoloured: it is settled (domain.md §4).
        name: c.severity,
        width: 18,
        value: (f) => (f.accepted ? cliWords.acceptedWarning : severityWords[f.severity]),
      },
      {
        name: c.cell,
        width: 16,
        value: (f) => (f.sheet !== null && f.cell !== null ? link(f.file, f.sheet, f.cell) : null),
      },
      { name: c.message, width: 90, value: (f) => f.message },
    ],
    colours: [
      {
        column: 4,
        colours: [
          [severityWords.error, RED],
          [severityWords.warning, AMBER],
        ],
      },
    ],
  });

  const directorateColumns: TableColumn<DirectorateLine>[] = [
    {
      name: c.directorate,
      width: 32,
      value: (d) => (d.directorate === "" ? words.noDirectorate : d.directorate),
    },
    { ...count(c.objectives, 11), value: (d) => d.objectives },
    ...OBJECTIVE_STATUSES.map((s) => ({
      ...count(statusWords[s], 14),
      value: (d: DirectorateLine) => d.byStatus[s],
    })),
    { ...count(c.noStatus, 11), value: (d) => d.byStatus.none },
    { ...count(c.lateTotal, 11), value: (d) => d.late },
    { ...count(c.pastDueTotal, 11), value: (d) => d.pastDue },
    { ...count(c.errors, 9), value: (d) => d.errors },
    { ...count(c.warnings, 9), value: (d) => d.warnings },
    { name: c.expected, width: 14, format: "0%", value: (d) => d.expectedProgress },
    { name: c.actual, width: 14, format: "0%", value: (d) => d.actualProgress },
  ];
  book.addSheet({
    sheet: words.sheets.directorates,
    table: "RiepilogoDirezioni",
    rows: report.directorates(),
    columns: directorateColumns,
  });

  book.addSheet({
    sheet: words.sheets.files,
    table: "RiepilogoFile",
    rows: report.files,
    columns: [
      { name: c.file, width: 32, value: (f) => f.file },
      {
        name: c.asOf,
        width: 14,
        format: "dd/mm/yyyy",
        value: (f) => serialFromDay(f.asOf, 1900),
      },
      { ...count(c.planYear, 12), value: (f) => f.planYear },
      { name: c.statusLanguage, width: 14, value: (f) => f.statusLanguage },
      { ...count(c.objectives, 11), value: (f) => f.objectives },
      { ...count(c.errors, 9), value: (f) => f.errors },
      { ...count(c.warnings, 9), value: (f) => f.warnings },
      { name: c.reason, width: 90, value: (f) => f.error },
    ],
  });
}
