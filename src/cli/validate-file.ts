import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { readXlsx } from "../adapters/xlsx/read-workbook";
import { applyWritePlan } from "../adapters/xlsx/write-workbook";
import { WorkbookReadError } from "../adapters/xlsx/xlsx-package";
import { sheetCellReference } from "../engine/cell-address";
import type { Day } from "../engine/days";
import { planWrites, runEngine } from "../engine";
import { catalogue, messageTexts, uncheckableReasons } from "../i18n";
import { fileReport, unreadableReport } from "./file-report";
import type { CliOptions } from "./options";
import type { FileReport } from "./report-schema";

export interface FileOutcome {
  readonly report: FileReport;
  /** Lines about the copy written with --write-to. */
  readonly notes: readonly string[];
}

/** Reads, checks and (with --write-to) writes one workbook; every failure becomes a sentence, never a throw. */
export function validateFile(
  path: string,
  options: CliOptions,
  today: Day,
  written: Set<string>
): FileOutcome {
  const words = catalogue(options.lang);
  const fail = (error: string): FileOutcome => ({
    report: unreadableReport(path, options.asOf ?? today, error),
    notes: [],
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(words.cli.readFailure["not-found"](""));
    if (code === "EISDIR") return fail(words.cli.readFailure["empty-folder"](""));
    return fail(words.cli.readFailure["unreadable-file"](code ?? String(error)));
  }
  let read;
  try {
    read = readXlsx(bytes, path);
  } catch (error) {
    if (error instanceof WorkbookReadError)
      return fail(words.cli.readFailure[error.reason](error.detail));
    throw error;
  }

  const result = runEngine(
    read.snapshot,
    {
      asOf: options.asOf ?? undefined,
      planYear: options.planYear ?? undefined,
      defaultStatusLanguage: options.lang,
    },
    today
  );
  const reasons = uncheckableReasons(result.findings, options.lang);
  const error = reasons === null ? null : words.cli.uncheckable(reasons);
  const report = fileReport(path, result, error, options.lang);
  if (options.writeTo === null) return { report, notes: [] };

  const target = join(options.writeTo, basename(path));
  if (resolve(target) === resolve(path) || resolve(dirname(target)) === resolve(dirname(path))) {
    return { report, notes: [words.cli.notWritten(words.cli.sameAsSource)] };
  }
  if (written.has(resolve(target)))
    return { report, notes: [words.cli.notWritten(words.cli.nameClash)] };
  const outcome = applyWritePlan(read.workbook, planWrites(result, messageTexts));
  const notes = outcome.skipped.map((s) =>
    words.cli.skipped[s.reason](s.table, sheetCellReference(s.sheet, s.range))
  );
  try {
    mkdirSync(options.writeTo, { recursive: true });
    writeFileSync(target, outcome.bytes ?? bytes);
  } catch (err) {
    return {
      report,
      notes: [
        ...notes,
        words.cli.notWritten(
          words.cli.writeFailed((err as NodeJS.ErrnoException).code ?? String(err))
        ),
      ],
    };
  }
  written.add(resolve(target));
  notes.push(
    outcome.bytes === null && notes.length === 0
      ? words.cli.unchanged(target)
      : words.cli.wrote(target)
  );
  return { report, notes };
}
