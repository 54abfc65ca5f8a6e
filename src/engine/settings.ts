import { dayFromIso, type Day } from "./days";
import type { Language, WorkbookSettings } from "./snapshot";

/** What one run uses, settled once: explicit choices, then the workbook's stored settings, then defaults. */
export interface RunSettings {
  readonly asOf: Day;
  /** For codes that do not start with a year; null skips the outside-year rules for them. */
  readonly planYear: number | null;
  /** Language of the status columns' headers and values (a workbook setting, so co-authors agree). */
  readonly statusLanguage: Language;
}

export interface RunOverrides {
  readonly asOf?: Day;
  readonly planYear?: number;
  /** Used only when the workbook stores no status language. */
  readonly defaultStatusLanguage?: Language;
}

export function resolveRunSettings(
  stored: WorkbookSettings,
  overrides: RunOverrides,
  today: Day
): RunSettings {
  const storedAsOf = stored.asOf === undefined ? null : dayFromIso(stored.asOf);
  return {
    asOf: overrides.asOf ?? storedAsOf ?? today,
    planYear: overrides.planYear ?? stored.planYear ?? null,
    statusLanguage: stored.statusLanguage ?? overrides.defaultStatusLanguage ?? "it",
  };
}
