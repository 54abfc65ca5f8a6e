import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { localToday } from "../engine/days";
import { catalogue } from "../i18n";
import { parseArgs } from "./options";
import { ProgressBar } from "./progress-bar";
import { COLOURS, PLAIN, renderFile } from "./render-text";
import type { Report } from "./report-schema";
import { validateFile } from "./validate-file";

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_UNREADABLE = 2;

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
}

/** `objective-check validate …`; returns the exit code. */
export function main(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, now: new Date() }
): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const lang = /--lang(=|\s+)en\b/.test(argv.join(" ")) ? "en" : "it";
    if (parsed.help) {
      io.stdout.write(`${catalogue(lang).cli.usage}\n`);
      return EXIT_OK;
    }
    io.stderr.write(`objective-check: ${parsed.message}\n\n${catalogue(lang).cli.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const { options } = parsed;
  const words = catalogue(options.lang);
  const today = localToday(io.now);
  const files = expandPaths(options.paths);
  const paint = io.stdout.isTTY && io.env.NO_COLOR === undefined ? COLOURS : PLAIN;
  const progress = new ProgressBar(io.stderr, files.length);
  const written = new Set<string>();
  const report: Report = { files: [] };
  files.forEach((file, i) => {
    progress.update(i, file);
    const outcome = validateFile(file, options, today, written);
    report.files.push(outcome.report);
    if (!options.json) {
      progress.clear();
      io.stdout.write(`${renderFile(outcome.report, outcome.notes, options.lang, paint)}\n`);
    } else if (outcome.notes.length > 0) {
      progress.clear();
      io.stderr.write(`${outcome.report.file}: ${outcome.notes.join("; ")}\n`);
    }
  });
  progress.clear();

  const unreadable = report.files.filter((f) => f.error !== null).length;
  const errors = report.files.reduce((sum, f) => sum + f.summary.errors, 0);
  const warnings = report.files.reduce((sum, f) => sum + f.summary.warnings, 0);
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (files.length > 1)
    io.stdout.write(`\n${words.cli.total(files.length, errors, warnings, unreadable)}\n`);
  if (unreadable > 0) return EXIT_UNREADABLE;
  return errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** A folder means every .xlsx directly in it (Excel's `~$` lock files left out), in name order. */
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
      .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$"))
      .sort((a, b) => a.localeCompare(b));
    // An empty folder stays in the list so that it is reported, not silently skipped.
    files.push(...(names.length === 0 ? [path] : names.map((name) => join(path, name))));
  }
  return files;
}
