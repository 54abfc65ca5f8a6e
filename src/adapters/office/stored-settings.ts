import { workbookSettingsSchema, type WorkbookSettings } from "../../engine/snapshot";
import type { DocumentSettings } from "./excel-host";

/** One document setting holds them all, so co-authors read and write them together. */
export const SETTINGS_KEY = "objectiveCheck";

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
 * Saves the settings. Called on its own, never inside a write: saving the
 * document settings clears Excel's undo stack.
 */
export function saveStoredSettings(
  settings: DocumentSettings,
  value: WorkbookSettings
): Promise<void> {
  settings.set(SETTINGS_KEY, workbookSettingsSchema.parse(value));
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === "succeeded"
        ? resolve()
        : reject(new Error(result.error?.message ?? "settings not saved"))
    )
  );
}
