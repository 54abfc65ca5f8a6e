import { sheetCellReference } from "../engine/cell-address";
import { TimeLimitError, type ValidationOutcome } from "../adapters/office/validate-workbook";
import { ProtectedSheetError, RowsMovedError } from "../adapters/office/write-workbook";
import { EngineWorkerError } from "./taskpane/engine-in-worker";
import type { Catalogue } from "../i18n";
import { uncheckableReasons } from "../i18n";

export interface UserMessage {
  readonly tone: "error" | "warning" | "success";
  readonly text: string;
}

/** What the ribbon command tells the user after a check: a few sentences, each saying what to do. */
export function describeOutcome(outcome: ValidationOutcome, words: Catalogue): UserMessage {
  const { result, write } = outcome;
  const texts = words.addin;
  if (
    result.mapping.objectives === null &&
    result.mapping.phases === null &&
    result.mapping.indicators === null
  ) {
    return { tone: "error", text: texts.noTables };
  }
  const parts = [texts.summary(result.summary)];
  const reasons = uncheckableReasons(result.findings, words.language);
  if (reasons !== null) parts.push(texts.uncheckable(reasons));
  parts.push(write.cellsWritten > 0 ? texts.written(write.cellsWritten) : texts.nothingToWrite);
  for (const skip of write.skipped)
    parts.push(texts.skipped(skip.table, sheetCellReference(skip.sheet, skip.range)));
  for (const lost of write.filtersLost) parts.push(texts.filterLost(lost.table, lost.column));
  if (outcome.settingsIgnored) parts.push(texts.settingsIgnored);
  const tone =
    result.summary.errors > 0 || reasons !== null
      ? "error"
      : result.summary.warnings > 0 || write.skipped.length > 0 || write.filtersLost.length > 0
        ? "warning"
        : "success";
  return { tone, text: parts.join(" ") };
}

/** A failure as a sentence that says what to do; never a stack trace. */
export function describeFailure(error: unknown, words: Catalogue): UserMessage {
  const texts = words.addin;
  if (error instanceof ProtectedSheetError)
    return { tone: "error", text: texts.protectedSheet(error.sheet) };
  if (error instanceof RowsMovedError)
    return { tone: "error", text: texts.rowsMoved(error.table, error.sheet) };
  if (error instanceof EngineWorkerError) return { tone: "error", text: texts.engineStopped };
  if (error instanceof TimeLimitError) return { tone: "error", text: texts.timeLimit };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return { tone: "error", text: texts.excelError(code) };
  return {
    tone: "error",
    text: texts.unexpected(error instanceof Error ? error.message : String(error)),
  };
}
