import type { Day } from "../../engine/days";
import type { Language, WorkbookSettings } from "../../engine/snapshot";
import { createPlanningTables } from "./create-tables";
import { convertToTables, type ConvertOutcome } from "./convert-to-tables";
import {
  readStoredSettings,
  refreshStoredSettings,
  updateAcceptedWarnings,
  updateStoredSettings,
  type SettingsChange,
} from "./stored-settings";
import { acceptanceFor, withAcceptance, withoutAcceptance } from "../../engine/accepted-warnings";
import type { Finding } from "../../engine/findings";
import type { SuggestedFix } from "../../engine/suggested-fix";
import type { CheckAndPlan } from "../../engine/check-and-plan";
import type { ExcelHost } from "./excel-host";
import { validateWorkbook, type ValidationOutcome } from "./validate-workbook";
import { parseRangeRef } from "../../engine/range-ref";

export type FixOutcome = "written" | "not-blank" | "formula";

/** What the task pane can ask of Excel; the pane's components get this, never Office.js itself. */
export interface PaneActions {
  validate(): Promise<ValidationOutcome>;
  /** Activates the sheet and selects the cell, e.g. `Fasi`, `E2`. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Writes a suggested value into its cell, only if the cell is still empty:
   * not when a co-author filled it meanwhile (`not-blank`), nor when it holds
   * a formula that yields empty text (`formula`).
   */
  applyFix(fix: SuggestedFix): Promise<FixOutcome>;
  /**
   * Calls `onUserChange` when the user edits a table after a check, so the
   * pane can mark its results stale. Co-authors' edits (source Remote) and the
   * add-in's own status columns are not the user's doing and are ignored.
   */
  watchChanges(
    lastOutcome: () => ValidationOutcome | null,
    onUserChange: () => void
  ): Promise<void>;
  /**
   * Turns the plain ranges the check found into Excel tables named Obiettivi,
   * Fasi, Indicatori (or the English names): all of them, or none and why.
   */
  convertToTables(): Promise<ConvertOutcome>;
  /** Inserts the three planning tables; false (and nothing created) when the workbook already has tables. */
  createTables(): Promise<boolean>;
  /** The settings stored in the workbook (reference date, status language…), shared by every co-author. */
  readSettings(): WorkbookSettings;
  /**
   * Saves only the fields the user changed over the settings saved now, so a
   * co-author's other choice is kept; resolves with the settings now stored.
   * On its own, never inside a write: saving settings clears the undo stack.
   */
  saveSettings(change: SettingsChange): Promise<WorkbookSettings>;
  /**
   * Calls `onChange` with the stored settings when a co-author saves theirs
   * (SettingsChanged, raised only by Excel on the web while co-authoring).
   */
  watchSettings(onChange: (settings: WorkbookSettings) => void): Promise<void>;
  /**
   * Accepts a warning (domain.md §4): stores its rule and row key over the
   * list saved now, so a co-author's acceptances are kept; resolves with the
   * settings now stored. A finding that cannot be accepted (an error, a row
   * without a key) changes nothing. Rejects with TooManyAcceptedWarnings when
   * the stored list is full. Like saveSettings, it clears the undo stack.
   */
  acceptWarning(finding: Finding): Promise<WorkbookSettings>;
  /** Takes a warning's acceptance back, keeping every other one; resolves with the settings now stored. */
  restoreWarning(finding: Finding): Promise<WorkbookSettings>;
  /**
   * Calls `onSelect` with the sheet's name and the selected address (`E2`,
   * `E2:F4`) whenever the selection moves, the user's or the add-in's own
   * select(), so the pane can show the finding on that cell.
   */
  watchSelection(onSelect: (sheet: string, address: string) => void): Promise<void>;
}

export function paneActions(
  host: ExcelHost,
  today: () => Day,
  language: Language,
  checkAndPlan?: CheckAndPlan
): PaneActions {
  return {
    validate: () => validateWorkbook(host, today(), language, checkAndPlan),
    selectCell: (sheet, cell) =>
      host.run({ delayForCellEdit: true }, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
    createTables: () => createPlanningTables(host, language),
    convertToTables: () => convertToTables(host, language),
    watchChanges: (lastOutcome, onUserChange) =>
      host.run({}, async (context) => {
        context.workbook.tables.onChanged.add(async (event) => {
          const outcome = lastOutcome();
          if (event.source !== "Local" || outcome === null || onlyStatusColumns(event, outcome))
            return;
          onUserChange();
        });
        // A plain range has no table event: its sheet's changes stand in (worksheets.onChanged, ExcelApi 1.9).
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name");
        await context.sync();
        const names = new Map(sheets.items.map((sheet) => [sheet.id, sheet.name]));
        sheets.onChanged.add(async (event) => {
          const outcome = lastOutcome();
          const sheet = names.get(event.worksheetId);
          if (event.source !== "Local" || outcome === null || sheet === undefined) return;
          if (touchesPlainRange(sheet, event.address, outcome)) onUserChange();
        });
        await context.sync();
      }),
    readSettings: () => readStoredSettings(host.settings).settings,
    saveSettings: (change) => updateStoredSettings(host.settings, change),
    acceptWarning: (finding) => changeAcceptance(host, finding, withAcceptance),
    restoreWarning: (finding) => changeAcceptance(host, finding, withoutAcceptance),
    watchSettings: (onChange) =>
      host.settings.onChanged(() => {
        void refreshStoredSettings(host.settings).then(() =>
          onChange(readStoredSettings(host.settings).settings)
        );
      }),
    watchSelection: (onSelect) => {
      // The event names the worksheet by id; its name is looked up once per sheet.
      const names = new Map<string, string>();
      const nameOf = async (worksheetId: string) =>
        names.get(worksheetId) ??
        host.run({}, async (context) => {
          const sheet = context.workbook.worksheets.getItem(worksheetId);
          sheet.load("name");
          await context.sync();
          names.set(worksheetId, sheet.name);
          return sheet.name;
        });
      // WorksheetCollection.onSelectionChanged (ExcelApi 1.9, within the manifest's 1.14) gives
      // the worksheet and the address; Workbook.onSelectionChanged (1.2) gives neither:
      // https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs
      return host.run({}, async (context) => {
        context.workbook.worksheets.onSelectionChanged.add(async (event) => {
          onSelect(await nameOf(event.worksheetId), event.address);
        });
        await context.sync();
      });
    },
    applyFix: (fix) =>
      host.run({ delayForCellEdit: true }, async (context) => {
        const range = context.workbook.worksheets.getItem(fix.sheet).getRange(fix.cell);
        // A formula that yields "" reads "" in values: only formulas tell it from an empty cell.
        range.load(["values", "formulas"]);
        await context.sync();
        const current = range.values[0][0];
        const blank = current === "" || (typeof current === "string" && current.trim() === "");
        if (!blank) return "not-blank";
        if (String(range.formulas[0][0]).startsWith("=")) return "formula";
        range.numberFormat = [[fix.numberFormat]];
        range.values = [[fix.serial]];
        await context.sync();
        return "written";
      }),
  };
}

/** The change touches only status columns: the add-in's own write. */
function onlyStatusColumns(
  event: { tableId: string; address: string },
  outcome: ValidationOutcome
): boolean {
  const status = outcome.statusColumns[event.tableId] ?? [];
  const range = parseRangeRef(event.address.replace(/^.*!/, ""));
  if (range === null) return false;
  for (let col = range.firstColumn; col <= range.lastColumn; col++)
    if (!status.includes(col)) return false;
  return true;
}

async function changeAcceptance(
  host: ExcelHost,
  finding: Finding,
  change: typeof withAcceptance
): Promise<WorkbookSettings> {
  const acceptance = acceptanceFor(finding);
  if (acceptance === null) {
    await refreshStoredSettings(host.settings);
    return readStoredSettings(host.settings).settings;
  }
  return updateAcceptedWarnings(host.settings, (list) => change(list, acceptance));
}

/**
 * The change reaches a user column of a plain range (left of its status
 * columns) on `sheet`: the add-in's own status cells lie right of them.
 */
function touchesPlainRange(sheet: string, address: string, outcome: ValidationOutcome): boolean {
  const range = parseRangeRef(address.replace(/^.*!/, ""));
  if (range === null) return false;
  return Object.values(outcome.result.mapping).some((mapped) => {
    if (mapped === null || mapped.table.plain !== true || mapped.table.sheet !== sheet)
      return false;
    const status = [...mapped.statusColumns.values()];
    const userColumns = status.length > 0 ? Math.min(...status) : mapped.table.headers.length;
    return (
      range.firstColumn < mapped.table.firstColumn + userColumns &&
      range.lastColumn >= mapped.table.firstColumn
    );
  });
}
