import { Workbook, type Worksheet } from "exceljs";
import { sheetCellReference } from "../engine/cell-address";
import { ymdFromDay, type Day } from "../engine/days";
import { catalogue } from "../i18n";
import { reportTexts } from "../i18n/report-texts";
import { OBJECTIVE_STATUSES, type RoundReport } from "./report-model";

/**
 * The round's summary workbook, written with ExcelJS (writing new workbooks is
 * what it does well; the project's own adapter edits existing ones in place).
 * Every text goes in as a string cell, so a formula-like title stays text.
 *
 * `linkTo(file)` gives the relative address of a source workbook from where the
 * summary is saved, so links keep working in a synced SharePoint folder.
 */
export async function summaryWorkbook(
  report: RoundReport,
  linkTo: (file: string) => string
): Promise<Buffer> {
  const { language } = report;
  const words = reportTexts(language);
  const c = words.columns;
  const statusWords = catalogue(language).status;
  const checkWords = catalogue(language).check;
  const severityWords = catalogue(language).cli.severity;
  const book = new Workbook();
  book.creator = "Objective Check";

  // Excel opens a relationship target with a fragment (`PEG.xlsx#Obiettivi!$A$2`) at that sheet and
  // cell. The reference is absolute because ExcelJS takes a target ending in `!A2` for a link inside
  // the summary itself and writes it twice (lib/xlsx/xform/sheet/hyperlink-xform.js, isInternalLink).
  const link = (file: string, sheet: string, cell: string) => {
    const absolute = cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    return {
      text: sheetCellReference(sheet, cell),
      hyperlink: `${linkTo(file)}#${sheetCellReference(sheet, absolute)}`,
      tooltip: words.openRow,
    };
  };

  const objectives = book.addWorksheet(words.sheets.objectives);
  addTable(
    objectives,
    "RiepilogoObiettivi",
    [
      { name: c.file, width: 24 },
      { name: c.directorate, width: 28 },
      { name: c.code, width: 14 },
      { name: c.title, width: 48 },
      { name: c.weightTotal, width: 12, numFmt: "0.00" },
      { name: c.expected, width: 14, numFmt: "0%" },
      { name: c.actual, width: 14, numFmt: "0%" },
      { name: c.status, width: 18 },
      { name: c.check, width: 10 },
      { name: c.errors, width: 9, numFmt: "0" },
      { name: c.warnings, width: 9, numFmt: "0" },
      { name: c.link, width: 16 },
    ],
    report.objectives.map((o) => [
      o.file,
      o.directorate,
      o.code,
      o.title,
      o.weightTotal,
      o.expectedProgress,
      o.actualProgress,
      o.status === null ? null : statusWords[o.status],
      checkWords[o.check],
      o.errors,
      o.warnings,
      link(o.file, o.sheet, o.cell),
    ])
  );
  colourStatus(objectives, "H", report.objectives.length, statusWords);
  colourCheck(objectives, "I", report.objectives.length, [
    checkWords.error,
    checkWords.warning,
    checkWords.ok,
  ]);

  const findings = book.addWorksheet(words.sheets.findings);
  addTable(
    findings,
    "RiepilogoSegnalazioni",
    [
      { name: c.file, width: 24 },
      { name: c.directorate, width: 28 },
      { name: c.objective, width: 14 },
      { name: c.rule, width: 28 },
      { name: c.severity, width: 10 },
      { name: c.cell, width: 16 },
      { name: c.message, width: 90 },
    ],
    report.findings.map((f) => [
      f.file,
      f.directorate,
      f.objective,
      f.rule,
      severityWords[f.severity],
      f.sheet !== null && f.cell !== null ? link(f.file, f.sheet, f.cell) : null,
      f.message,
    ])
  );
  colourCheck(findings, "E", report.findings.length, [severityWords.error, severityWords.warning]);

  const directorates = book.addWorksheet(words.sheets.directorates);
  const lines = report.directorates();
  addTable(
    directorates,
    "RiepilogoDirezioni",
    [
      { name: c.directorate, width: 32 },
      { name: c.objectives, width: 11, numFmt: "0" },
      ...OBJECTIVE_STATUSES.map((s) => ({ name: statusWords[s], width: 14, numFmt: "0" })),
      { name: c.noStatus, width: 11, numFmt: "0" },
      { name: c.late, width: 11, numFmt: "0" },
      { name: c.pastDue, width: 11, numFmt: "0" },
      { name: c.errors, width: 9, numFmt: "0" },
      { name: c.warnings, width: 9, numFmt: "0" },
      { name: c.expected, width: 14, numFmt: "0%" },
      { name: c.actual, width: 14, numFmt: "0%" },
    ],
    lines.map((d) => [
      d.directorate === "" ? words.noDirectorate : d.directorate,
      d.objectives,
      ...OBJECTIVE_STATUSES.map((s) => d.byStatus[s]),
      d.byStatus.none,
      d.late,
      d.pastDue,
      d.errors,
      d.warnings,
      d.expectedProgress,
      d.actualProgress,
    ])
  );

  const files = book.addWorksheet(words.sheets.files);
  addTable(
    files,
    "RiepilogoFile",
    [
      { name: c.file, width: 32 },
      { name: c.asOf, width: 14, numFmt: "dd/mm/yyyy" },
      { name: c.planYear, width: 12, numFmt: "0" },
      { name: c.statusLanguage, width: 14 },
      { name: c.objectives, width: 11, numFmt: "0" },
      { name: c.errors, width: 9, numFmt: "0" },
      { name: c.warnings, width: 9, numFmt: "0" },
      { name: c.reason, width: 90 },
    ],
    report.files.map((f) => [
      f.file,
      excelDate(f.asOf),
      f.planYear,
      f.statusLanguage,
      f.objectives,
      f.errors,
      f.warnings,
      f.error,
    ])
  );

  // The fastest deflate level: on a 200-workbook round the summary is 80,000 rows, and the best
  // compression costs seconds to save a few hundred kilobytes (ExcelJS passes `zip` on to JSZip).
  const options = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } };
  return Buffer.from(
    await book.xlsx.writeBuffer(options as Parameters<typeof book.xlsx.writeBuffer>[0])
  );
}

interface Column {
  readonly name: string;
  readonly width: number;
  readonly numFmt?: string;
}

/** An Excel table from A1 with filter buttons, a frozen header row and the columns' widths and formats. */
function addTable(sheet: Worksheet, name: string, columns: Column[], rows: unknown[][]): void {
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  sheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((column) => ({
      name: column.name,
      filterButton: true,
      style: column.numFmt === undefined ? {} : { numFmt: column.numFmt },
    })),
    // An empty table still needs one row: Excel refuses a table of a header alone.
    rows: rows.length === 0 ? [columns.map(() => null)] : rows,
  });
}

/** The status column's words coloured as the add-in's: late red, past due and missing dates amber, done green. */
function colourStatus(
  sheet: Worksheet,
  column: string,
  rows: number,
  statusWords: Readonly<Record<string, string>>
): void {
  const ref = `${column}2:${column}${Math.max(rows, 1) + 1}`;
  const rules: [string, string][] = [
    [statusWords.late, "FFFFC7CE"],
    [statusWords["past-due"], "FFFFEB9C"],
    [statusWords["missing-dates"], "FFFFEB9C"],
    [statusWords.completed, "FFC6EFCE"],
  ];
  sheet.addConditionalFormatting({
    ref,
    rules: rules.map(([word, colour], i) => equalsRule(word, colour, i + 1)),
  });
}

/** Error red, warning amber, OK green: the same fills as the check column the add-in writes. */
function colourCheck(sheet: Worksheet, column: string, rows: number, words: string[]): void {
  const fills = ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE"];
  sheet.addConditionalFormatting({
    ref: `${column}2:${column}${Math.max(rows, 1) + 1}`,
    rules: words.map((word, i) => equalsRule(word, fills[i], i + 1)),
  });
}

function equalsRule(word: string, colour: string, priority: number) {
  return {
    type: "cellIs" as const,
    operator: "equal" as const,
    priority,
    formulae: [`"${word.replace(/"/g, '""')}"`],
    style: {
      fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: colour } },
    },
  };
}

/** A calendar day as the Date ExcelJS turns into that day's serial (it converts in UTC). */
function excelDate(day: Day): Date {
  const { year, month, day: d } = ymdFromDay(day);
  return new Date(Date.UTC(year, month - 1, d));
}
