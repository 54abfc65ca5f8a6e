import type { Day } from "../../engine/days";
import { planWrites, runEngine, type EngineResult } from "../../engine";
import type { DateSystem, Language } from "../../engine/snapshot";
import { catalogue } from "../../i18n";
import type { ExcelHost } from "./excel-host";
import { readWorkbook } from "./read-workbook";
import { readStoredSettings } from "./stored-settings";
import { writeWorkbook, type OfficeWriteOutcome } from "./write-workbook";

export interface ValidationOutcome {
  readonly result: EngineResult;
  readonly write: OfficeWriteOutcome;
  /** The stored settings did not match their schema and were not used. */
  readonly settingsIgnored: boolean;
  readonly dateSystem: DateSystem;
}

/**
 * The Validate objective command: read the tables, run the engine, write the
 * status columns, inside one Excel.run. It waits while the user is typing in a
 * cell (delayForCellEdit) and, where Excel supports it (ExcelApi 1.20), makes
 * the whole write one step of Undo.
 */
export async function validateWorkbook(
  host: ExcelHost,
  today: Day,
  defaultLanguage: Language
): Promise<ValidationOutcome> {
  const stored = readStoredSettings(host.settings);
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (host.isSetSupported("ExcelApi", "1.20")) options.mergeUndoGroup = true;
  return host.run(options, async (context) => {
    const workbook = await readWorkbook(context, stored.settings);
    const result = runEngine(workbook.snapshot, { defaultStatusLanguage: defaultLanguage }, today);
    const plan = planWrites(result);
    const write = await writeWorkbook(context, workbook, plan, catalogue(plan.language));
    return {
      result,
      write,
      settingsIgnored: stored.ignored,
      dateSystem: workbook.snapshot.dateSystem,
    };
  });
}
