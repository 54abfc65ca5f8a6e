import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { readXlsx, type ReadResult } from "../adapters/xlsx/read-workbook";
import { applyWritePlan } from "../adapters/xlsx/write-workbook";
import { WorkbookReadError } from "../adapters/xlsx/xlsx-package";
import { ZIP_LIMITS } from "../i18n/read-limits";
import { sheetCellReference } from "../engine/cell-address";
import type { Day } from "../engine/days";
import type { WritePlan } from "../engine/plan/write-plan";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { EngineResult } from "../engine/result";
import { planWrites, runEngine } from "../engine";
import { catalogue, messageTexts, uncheckableReasons } from "../i18n";
import type { FileStage } from "../i18n/catalogue";
import { fileReport, unreadableReport } from "./file-report";
import type { CliOptions } from "./options";
import type { FileReport } from "./report-schema";

/** The three steps of checking a file, as the command line runs them; a caller may stand in its own. */
export interface FileSteps {
  readonly read: typeof readXlsx;
  readonly check: typeof runEngine;
  readonly write: typeof applyWritePlan;
}

export const XLSX_STEPS: FileSteps = { read: readXlsx, check: runEngine, write: applyWritePlan };

export interface FileOutcome {
  readonly report: FileReport;
  /** Lines about the copy written with --write-to. */
  readonly notes: readonly string[];
  /** An internal error (a bug, not the file's fault), kept for `--debug`. */
  readonly internal: unknown;
}

/**
 * Reads, checks and (with --write-to) writes one workbook. Every failure
 * becomes this file's one-line error and the run goes on: a damaged file by
 * its reason, anything else as an internal error naming the step.
 */
export function validateFile(
  path: string,
  options: CliOptions,
  today: Day,
  written: Set<string>,
  steps: FileSteps = XLSX_STEPS
): FileOutcome {
  const words = catalogue(options.lang);
  const asOf = options.asOf ?? today;
  const fail = (error: string, internal: unknown = null): FileOutcome => ({
    report: unreadableReport(path, asOf, error),
    notes: [],
    internal,
  });

  const source = readSource(path, words);
  if (typeof source === "string") return fail(source);
  const bytes = source;

  let stage: FileStage = "read";
  let report: FileReport | null = null;
  try {
    let read: ReadResult | null = steps.read(bytes, path);
    const { workbook } = read;
    stage = "check";
    const { writeTo } = options;
    const checked = checkWorkbook(steps, read.snapshot, options, today, path);
    // The snapshot (a value per cell) is not needed to write: let it go before the writer's peak.
    read = null;
    report = checked.report;
    if (writeTo === null || checked.plan === null) return { report, notes: [], internal: null };

    stage = "write";
    const target = join(writeTo, basename(path));
    if (resolve(dirname(target)) === resolve(dirname(path)))
      return { report, notes: [words.cli.notWritten(words.cli.sameAsSource)], internal: null };
    if (written.has(resolve(target)))
      return { report, notes: [words.cli.notWritten(words.cli.nameClash)], internal: null };
    const outcome = steps.write(workbook, checked.plan);
    const notes = outcome.skipped.map((s) =>
      words.cli.skipped[s.reason](s.table, sheetCellReference(s.sheet, s.range))
    );
    try {
      mkdirSync(writeTo, { recursive: true });
      writeFileSync(target, outcome.bytes ?? bytes);
    } catch (err) {
      // The user asked for the copy: one that cannot be written (a full disk, no permission) is the file's error.
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      const error = words.cli.notWritten(words.cli.writeFailed(code));
      return { report: { ...report, error }, notes, internal: null };
    }
    written.add(resolve(target));
    notes.push(
      outcome.bytes === null && notes.length === 0
        ? words.cli.unchanged(target)
        : words.cli.wrote(target)
    );
    return { report, notes, internal: null };
  } catch (error) {
    const reason =
      error instanceof WorkbookReadError
        ? words.cli.readFailure[error.reason](error.detail)
        : `${words.cli.internalError(stage)}${options.debug ? "" : ` (${words.cli.debugHint})`}`;
    const internal = error instanceof WorkbookReadError ? null : error;
    // A part found damaged only when the copy is made: the check stands, the file is still damaged.
    if (report !== null) return { report: { ...report, error: reason }, notes: [], internal };
    return fail(reason, internal);
  }
}

/**
 * A workbook's bytes, or the sentence saying why it cannot be read. The size
 * is known before a byte is read: a file larger than everything it may unpack
 * to is refused unread.
 */
export function readSource(path: string, words: ReturnType<typeof catalogue>): Uint8Array | string {
  try {
    if (statSync(path).size > ZIP_LIMITS.maxTotalBytes)
      return words.cli.readFailure["too-large"]("");
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return words.cli.readFailure["not-found"]("");
    if (code === "EISDIR") return words.cli.readFailure["empty-folder"]("");
    return words.cli.readFailure["unreadable-file"](code ?? String(error));
  }
}

/**
 * The check, in a function of its own so that the snapshot and the engine's
 * result are garbage once it returns: the write needs only the report and the
 * plan, and the CLI's peak memory is reached while writing.
 */
function checkWorkbook(
  steps: FileSteps,
  snapshot: WorkbookSnapshot,
  options: CliOptions,
  today: Day,
  path: string
): { report: FileReport; plan: WritePlan | null } {
  const { result, error } = checkSnapshot(steps, snapshot, options, today);
  const report = fileReport(path, result, error, options.lang, options.json);
  return { report, plan: options.writeTo === null ? null : planWrites(result, messageTexts) };
}

/**
 * One workbook checked with the command line's settings, and the sentence
 * saying why it could not be fully checked (null when it could): what
 * `validate` and `report` both do with a snapshot.
 */
export function checkSnapshot(
  steps: FileSteps,
  snapshot: WorkbookSnapshot,
  options: CliOptions,
  today: Day
): { result: EngineResult; error: string | null } {
  const result = steps.check(
    snapshot,
    {
      asOf: options.asOf ?? undefined,
      planYear: options.planYear ?? undefined,
      defaultStatusLanguage: options.lang,
    },
    today
  );
  const reasons = uncheckableReasons(result.findings, options.lang);
  return {
    result,
    error: reasons === null ? null : catalogue(options.lang).cli.uncheckable(reasons),
  };
}
