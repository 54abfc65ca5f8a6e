import { columnLetters } from "../../engine/cell-address";
import type { Language, TableKind } from "../../engine/snapshot";
import { DATE_FORMAT } from "../../engine/suggested-fix";
import type { ExcelHost } from "./excel-host";

interface TableTemplate {
  readonly name: string;
  readonly headers: readonly string[];
  readonly dates: readonly number[];
  readonly weight: number | null;
  readonly list: { readonly column: number; readonly values: readonly string[] } | null;
}

/** The three tables, Italian by default; header spellings are the domain's first ones, so they map at once. */
const TEMPLATES: Readonly<Record<Language, Readonly<Record<TableKind, TableTemplate>>>> = {
  it: {
    objectives: {
      name: "Obiettivi",
      headers: ["Codice", "Titolo", "Direzione", "Dirigente", "Tipologia", "Descrizione"],
      dates: [],
      weight: null,
      list: { column: 4, values: ["SVILUPPO", "MIGLIORAMENTO", "MANTENIMENTO"] },
    },
    phases: {
      name: "Fasi",
      headers: [
        "Codice obiettivo",
        "Descrizione",
        "Peso",
        "Inizio previsto",
        "Fine prevista",
        "Responsabile",
        "Note",
      ],
      dates: [3, 4],
      weight: 2,
      list: null,
    },
    indicators: {
      name: "Indicatori",
      headers: ["Codice obiettivo", "Descrizione", "Tipo", "Valore atteso"],
      dates: [],
      weight: null,
      list: null,
    },
  },
  en: {
    objectives: {
      name: "Objectives",
      headers: ["Objective code", "Title", "Department", "Manager", "Type", "Description"],
      dates: [],
      weight: null,
      list: { column: 4, values: ["SVILUPPO", "MIGLIORAMENTO", "MANTENIMENTO"] },
    },
    phases: {
      name: "Phases",
      headers: [
        "Objective code",
        "Description",
        "Weight",
        "Planned start",
        "Planned end",
        "Owner",
        "Notes",
      ],
      dates: [3, 4],
      weight: 2,
      list: null,
    },
    indicators: {
      name: "Indicators",
      headers: ["Objective code", "Description", "Type", "Expected value"],
      dates: [],
      weight: null,
      list: null,
    },
  },
};

/** Rows given a format and a validation rule up front, so that typed dates and weights are read right. */
const PREPARED_ROWS = 200;

/**
 * Inserts the three planning tables on sheets of their own, with date and
 * number formats and, where Excel has data validation (ExcelApi 1.8), dates,
 * weights from 0 to 100 and the list of objective types. Resolves false, and
 * creates nothing, when the workbook already has tables or such sheets.
 */
export async function createPlanningTables(host: ExcelHost, language: Language): Promise<boolean> {
  const validation = host.isSetSupported("ExcelApi", "1.8");
  return host.run({ delayForCellEdit: true }, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const templates = Object.values(TEMPLATES[language]);
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    if (tables.items.length > 0 || templates.some((t) => taken.has(t.name.toLowerCase())))
      return false;

    for (const template of templates) {
      const sheet = sheets.add(template.name);
      const last = columnLetters(template.headers.length - 1);
      sheet.getRange(`A1:${last}1`).values = [[...template.headers]];
      const table = sheet.tables.add(`A1:${last}2`, true);
      table.name = template.name;
      const column = (index: number) =>
        sheet.getRange(`${columnLetters(index)}2:${columnLetters(index)}${PREPARED_ROWS + 1}`);
      const rows = <T>(value: T) => Array.from({ length: PREPARED_ROWS }, () => [value]);
      for (const index of template.dates) {
        column(index).numberFormat = rows(DATE_FORMAT);
        if (validation)
          column(index).dataValidation.rule = {
            date: { formula1: "1900-01-01", operator: "GreaterThan" },
          };
      }
      if (template.weight !== null) {
        column(template.weight).numberFormat = rows("0.00");
        if (validation)
          column(template.weight).dataValidation.rule = {
            decimal: { formula1: 0, formula2: 100, operator: "Between" },
          };
      }
      if (template.list !== null && validation) {
        column(template.list.column).dataValidation.rule = {
          list: { inCellDropDown: true, source: template.list.values.join(",") },
        };
      }
    }
    sheets.getItem(TEMPLATES[language].objectives.name).activate();
    await context.sync();
    return true;
  });
}
