import type { Day } from "../../engine/days";
import type { Language } from "../../engine/snapshot";
import type { ExcelHost } from "./excel-host";
import { validateWorkbook, type ValidationOutcome } from "./validate-workbook";

/** What the task pane can ask of Excel; the pane's components get this, never Office.js itself. */
export interface PaneActions {
  validate(): Promise<ValidationOutcome>;
  /** Activates the sheet and selects the cell, e.g. `Fasi`, `E2`. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

export function paneActions(host: ExcelHost, today: () => Day, language: Language): PaneActions {
  return {
    validate: () => validateWorkbook(host, today(), language),
    selectCell: (sheet, cell) =>
      host.run({ delayForCellEdit: true }, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
  };
}
