import type { FakeExcelHost } from "../fake-excel/fake-excel-host";
import { installOfficeGlobals, type OfficeGlobals } from "./office-globals";

/** What the preview page shares with its frames (same origin): one fake Excel for the ribbon, the pane and the dialog. */
export interface PreviewShared {
  readonly host: FakeExcelHost;
  readonly displayLanguage: string;
  readonly officeTheme: { bodyBackgroundColor: string; bodyForegroundColor: string };
  showDialog(url: string): Promise<void>;
  closeDialog(): void;
}

declare global {
  interface Window {
    objectiveCheckPreview?: PreviewShared;
    objectiveCheckOffice?: OfficeGlobals;
  }
}

/**
 * Runs first in each frame of the preview, after office.js: Office and Excel
 * then answer from the page's fake workbook, as they would from Excel.
 */
const shared = window.parent.objectiveCheckPreview;
if (shared === undefined) throw new Error("The preview frames run inside preview.html.");
window.objectiveCheckOffice = installOfficeGlobals(window, shared.host, {
  displayLanguage: shared.displayLanguage,
  officeTheme: shared.officeTheme,
  showDialog: (url) => shared.showDialog(url),
});
Object.assign((window as unknown as { Office: { context: { ui: object } } }).Office.context.ui, {
  messageParent: () => shared.closeDialog(),
});
