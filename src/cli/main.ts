import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { localToday } from "../engine/days";
import { catalogue } from "../i18n";
import { RoundReport } from "../report/report-model";
import { parseArgs, type CliOptions } from "./options";
import { ProgressBar } from "./progress-bar";
import { COLOURS, PLAIN, renderFile } from "./render-text";
import { addFile, writeRound } from "./report-command";
import { validateFile, XLSX_STEPS, type FileSteps } from "./validate-file";

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_UNREADABLE = 2;

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
}

const PROCESS_IO = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: new Date(),
});

/**
 * Every command, as the bin runs them: `report` writes its files asynchronously
 * (the workbook library and the chart renderer are), `validate` is `main`.
 */
export async function run(
  argv: readonly string[],
  io: Io = PROCESS_IO(),
  steps: FileSteps = XLSX_STEPS
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok && parsed.options.command === "report") return report(parsed.options, io, steps);
  return main(argv, io, steps);
}

/** `objective-check validate …` (and the usage and argument problems of every command); returns the exit code. */
export function main(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, now: new Date() },
  steps: FileSteps = XLSX_STEPS
): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const words = catalogue(parsed.lang).cli;
    if (parsed.help) {
      io.stdout.write(`${words.usage}\n`);
      return EXIT_OK;
    }
    const sentence = words.argumentProblem[parsed.problem](parsed.detail);
    io.stderr.write(`objective-check: ${sentence}\n\n${words.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const { options } = parsed;
  if (options.command === "report") {
    // `report` is asynchronous: a caller that runs it goes through run().
    io.stderr.write(
      `objective-check: ${catalogue(options.lang).cli.argumentProblem["unknown-command"]("report")}\n`
    );
    return EXIT_UNREADABLE;
  }
  const words = catalogue(options.lang);
  const today = localToday(io.now);
  const files = expandPaths(options.paths);
  const paint = io.stdout.isTTY && io.env.NO_COLOR === undefined ? COLOURS : PLAIN;
  const progress = new ProgressBar(io.stderr, files.length);
  const written = new Set<string>();
  // Only the counts outlive a file, so a folder of a thousand workbooks runs in the memory of one;
  // the JSON document is written file by file for the same reason.
  let unreadable = 0;
  let errors = 0;
  let warnings = 0;
  if (options.json) io.stdout.write('{\n  "files": [\n');
  files.forEach((file, i) => {
    progress.update(i, file);
    const outcome = validateFile(file, options, today, written, steps);
    progress.clear();
    if (outcome.internal !== null && options.debug)
      io.stderr.write(`${file}: ${debugText(outcome.internal)}\n`);
    const { report } = outcome;
    if (report.error !== null) unreadable++;
    errors += report.summary.errors;
    warnings += report.summary.warnings;
    if (!options.json) {
      io.stdout.write(
        `${renderFile(report, outcome.notes, options.lang, paint, options.showAccepted)}\n`
      );
      return;
    }
    const entry = JSON.stringify(report, null, 2).replace(/^/gm, "    ");
    io.stdout.write(`${entry}${i < files.length - 1 ? "," : ""}\n`);
    if (outcome.notes.length > 0) io.stderr.write(`${report.file}: ${outcome.notes.join("; ")}\n`);
  });
  progress.clear();

  if (options.json) io.stdout.write("  ]\n}\n");
  else if (files.length > 1)
    io.stdout.write(`\n${words.cli.total(files.length, errors, warnings, unreadable)}\n`);
  if (unreadable > 0) return EXIT_UNREADABLE;
  return errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * `objective-check report …`: every file read and checked as `validate` does,
 * nothing written to them; then the summary workbook and the dashboard.
 */
async function report(options: CliOptions, io: Io, steps: FileSteps): Promise<number> {
  const words = catalogue(options.lang);
  const today = localToday(io.now);
  const asOf = options.asOf ?? today;
  // The summary saved in the folder it summarises is not one of the directorates' workbooks.
  const own = new Set([options.out, options.html].filter((p) => p !== null).map((p) => resolve(p)));
  const files = expandPaths(options.paths).filter((file) => !own.has(resolve(file)));
  const progress = new ProgressBar(io.stderr, files.length);
  const round = new RoundReport(options.lang, asOf);
  let unreadable = 0;
  let errors = 0;
  files.forEach((file, i) => {
    progress.update(i, file);
    const added = addFile(round, file, options, today, steps);
    if (added.internal !== null && options.debug)
      io.stderr.write(`${file}: ${debugText(added.internal)}\n`);
    if (added.unreadable) unreadable++;
    errors += added.errors;
  });
  progress.clear();
  round.finish();
  for (const f of round.files) if (f.error !== null) io.stdout.write(`${f.file}: ${f.error}\n`);
  const warnings = round.files.reduce((sum, f) => sum + f.warnings, 0);
  io.stdout.write(`${words.cli.total(files.length, errors, warnings, unreadable)}\n`);
  const written = await writeRound(round, options);
  for (const line of written.lines) io.stdout.write(`${line}\n`);
  if (unreadable > 0 || !written.ok) return EXIT_UNREADABLE;
  return errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

function debugText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The workbooks Excel saves: plain, macro-enabled, and their templates. */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xltx|xltm)$/i;

/** A folder means every workbook directly in it (Excel's `~$` lock files left out), in name order. */
function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Reported as "not found" by validateFile, with the rest of the file's outcome.
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const names = readdirSync(path)
      .filter((name) => WORKBOOK_FILE.test(name) && !name.startsWith("~$"))
      .sort((a, b) => a.localeCompare(b));
    // An empty folder stays in the list so that it is reported, not silently skipped.
    files.push(...(names.length === 0 ? [path] : names.map((name) => join(path, name))));
  }
  return files;
}
