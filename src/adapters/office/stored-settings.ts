import { MAX_ACCEPTED_WARNINGS, type AcceptedWarning } from "../../engine/accepted-warnings";
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
 * year, status language, accepted warnings. What does not match the schema
 * (an older version, a hand edit) is ignored as a whole rather than
 * half-applied; only a bad accepted-warning entry is dropped on its own
 * (usableAcceptances), since each entry stands alone.
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
export function updateStoredSettings(
  settings: DocumentSettings,
  change: SettingsChange
): Promise<WorkbookSettings> {
  return saveOverStored(settings, (current) => applyChange(current, change));
}

/** The workbook already stores as many accepted warnings as it may (MAX_ACCEPTED_WARNINGS). */
export class TooManyAcceptedWarnings extends Error {
  constructor() {
    super(`more than ${MAX_ACCEPTED_WARNINGS} accepted warnings`);
    this.name = "TooManyAcceptedWarnings";
  }
}

/**
 * Changes the accepted warnings as a list over the one stored now, never as a
 * whole field: two co-authors accepting different warnings keep both. Adding
 * to a full list rejects with TooManyAcceptedWarnings rather than dropping
 * someone's earlier acceptance.
 */
export function updateAcceptedWarnings(
  settings: DocumentSettings,
  change: (list: readonly AcceptedWarning[]) => AcceptedWarning[]
): Promise<WorkbookSettings> {
  return saveOverStored(settings, (current) => {
    const list = current.acceptedWarnings ?? [];
    const changed = change(list);
    if (changed.length > MAX_ACCEPTED_WARNINGS && changed.length > list.length)
      throw new TooManyAcceptedWarnings();
    const next: WorkbookSettings = { ...current, acceptedWarnings: changed };
    if (changed.length === 0) delete next.acceptedWarnings;
    return next;
  });
}

async function saveOverStored(
  settings: DocumentSettings,
  change: (current: WorkbookSettings) => WorkbookSettings
): Promise<WorkbookSettings> {
  await refreshStoredSettings(settings);
  const next = change(readStoredSettings(settings).settings);
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
