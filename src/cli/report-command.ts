import { writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { TableWorkbook } from "../adapters/xlsx/table-workbook";
import { WorkbookReadError } from "../adapters/xlsx/xlsx-package";
import type { Day } from "../engine/days";
import { catalogue } from "../i18n";
import type { FileStage } from "../i18n/catalogue";
import { reportTexts } from "../i18n/report-texts";
import { dashboardHtml } from "../report/dashboard";
import { RoundReport } from "../report/report-model";
import { summaryWorkbook } from "../report/summary-workbook";
import type { CliOptions } from "./options";
import { checkSnapshot, readSource, type FileSteps } from "./validate-file";

/** What a file added to the round: whether it had errors, or could not be (fully) read. */
interface Added {
  readonly unreadable: boolean;
  readonly errors: number;
  readonly internal: unknown;
}

/**
 * Reads and checks one workbook into the round's report, never writing to it.
 * Failures become the file's reason, as `validate` words them.
 */
export function addFile(
  round: RoundReport,
  path: string,
  options: CliOptions,
  today: Day,
  steps: FileSteps
): Added {
  const words = catalogue(options.lang);
  const fail = (error: string, internal: unknown = null): Added => {
    round.addUnreadable(path, error);
    return { unreadable: true, errors: 0, internal };
  };
  const bytes = readSource(path, words);
  if (typeof bytes === "string") return fail(bytes);
  let stage: FileStage = "read";
  try {
    const { snapshot } = steps.read(bytes, path);
    stage = "check";
    const { result, error } = checkSnapshot(steps, snapshot, options, today);
    round.addChecked(path, result, error);
    return { unreadable: error !== null, errors: result.summary.errors, internal: null };
  } catch (error) {
    if (error instanceof WorkbookReadError)
      return fail(words.cli.readFailure[error.reason](error.detail));
    const reason = `${words.cli.internalError(stage)}${options.debug ? "" : ` (${words.cli.debugHint})`}`;
    return fail(reason, error);
  }
}

/** Writes the summary workbook and the dashboard; returns the sentences to print, and whether all was written. */
export async function writeRound(
  round: RoundReport,
  options: CliOptions
): Promise<{ lines: string[]; ok: boolean }> {
  const words = reportTexts(options.lang);
  const out = resolve(options.out ?? "");
  // Relative, with `/` and each name escaped as a URL path: Excel resolves it from the summary's own folder.
  // Worked out once per file: every row of a file links to it, some 1,100 rows a workbook.
  const links = new Map<string, string>();
  const linkTo = (file: string) => {
    let link = links.get(file);
    if (link === undefined) {
      link = relative(dirname(out), resolve(file)).split(sep).map(encodeURIComponent).join("/");
      links.set(file, link);
    }
    return link;
  };
  const lines: string[] = [];
  let ok = true;
  const save = async (path: string, make: () => Promise<Uint8Array | string>) => {
    try {
      writeFileSync(path, await make());
      lines.push(words.wrote(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      lines.push(words.notWritten(path, code));
      ok = false;
    }
  };
  await save(options.out ?? "", () => {
    const book = new TableWorkbook("Objective Check");
    summaryWorkbook(round, linkTo, book);
    return Promise.resolve(book.finish());
  });
  if (options.html !== null) await save(options.html, () => dashboardHtml(round));
  return { lines, ok };
}
