import { workbookSettingsSchema, type WorkbookSettings } from "../../engine/snapshot";
import type { DocumentSettings } from "./excel-host";

/** One document setting holds them all, so co-authors read and write them together. */
export const SETTINGS_KEY = "objectiveCheck";

/**
 * What the user changed: only the fields present are written. A field present
 * with `undefined` is removed; `mapping` changes table by table.
 */
export type SettingsChange = WorkbookSettings;

/**
 * The settings stored in the workbook: table mapping, reference date, plan
 * year, status language. What does not match the schema (an older version, a
 * hand edit) is ignored as a whole rather than half-applied.
 */
export function readStoredSettings(settings: DocumentSettings): {
  settings: WorkbookSettings;
  ignored: boolean;
} {
  const raw = settings.get(SETTINGS_KEY);
  if (raw === null || raw === undefined) return { settings: {}, ignored: false };
  const parsed = workbookSettingsSchema.safeParse(raw);
  return parsed.success
    ? { settings: parsed.data, ignored: false }
    : { settings: {}, ignored: true };
}

/**
 * Reloads this runtime's copy of the document settings. Each runtime holds
 * the copy loaded when it started, so without this a co-author's saved
 * choice is invisible here (Office.Settings.refreshAsync: "Reads all settings
 * persisted in the document and refreshes the content or task pane add-in's
 * copy of those settings held in memory",
 * https://learn.microsoft.com/javascript/api/office/office.settings).
 */
export function refreshStoredSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.refreshAsync((result) =>
      result.status === "succeeded"
        ? resolve()
        : reject(new Error(result.error?.message ?? "settings not refreshed"))
    )
  );
}

/**
 * Saves one change: refresh, apply only the fields the user changed, save.
 * saveAsync persists this runtime's whole copy, so saving from a stale copy
 * would put back whatever a co-author changed since this pane started.
 * Called on its own, never inside a write: saving the document settings
 * clears Excel's undo stack. Resolves with the settings now stored.
 */
export async function updateStoredSettings(
  settings: DocumentSettings,
  change: SettingsChange
): Promise<WorkbookSettings> {
  await refreshStoredSettings(settings);
  const next = applyChange(readStoredSettings(settings).settings, change);
  settings.set(SETTINGS_KEY, workbookSettingsSchema.parse(next));
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === "succeeded"
        ? resolve()
        : reject(new Error(result.error?.message ?? "settings not saved"))
    )
  );
  return next;
}

function applyChange(current: WorkbookSettings, change: SettingsChange): WorkbookSettings {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (key === "mapping" && value !== undefined)
      next.mapping = { ...current.mapping, ...(value as WorkbookSettings["mapping"]) };
    else if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as WorkbookSettings;
}
