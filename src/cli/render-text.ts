import { sheetCellReference } from "../engine/cell-address";
import type { Language } from "../engine/snapshot";
import { catalogue } from "../i18n";
import type { FileReport, FindingReport } from "./report-schema";

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOURS: Paint = {
  red: ansi(31),
  yellow: ansi(33),
  green: ansi(32),
  dim: ansi(2),
  bold: ansi(1),
};
const same = (text: string) => text;
export const PLAIN: Paint = { red: same, yellow: same, green: same, dim: same, bold: same };

/**
 * A file's summary line, then its findings grouped by objective with
 * `Sheet!Cell` locations. Accepted warnings are counted in the summary line
 * and listed, marked, only with `showAccepted`.
 */
export function renderFile(
  report: FileReport,
  notes: readonly string[],
  language: Language,
  paint: Paint,
  showAccepted = false
): string {
  const words = catalogue(language).cli;
  const [y, m, d] = report.asOf.split("-");
  const lines: string[] = [];
  if (
    report.error !== null &&
    report.summary.objectives + report.summary.phases + report.summary.indicators === 0 &&
    report.findings.length === 0
  ) {
    lines.push(`${paint.bold(report.file)}: ${paint.red(report.error)}`);
    return lines.join("\n");
  }
  const summary = words.summary(report.summary);
  const colour =
    report.summary.errors > 0
      ? paint.red
      : report.summary.warnings > 0
        ? paint.yellow
        : paint.green;
  lines.push(
    `${paint.bold(report.file)} — ${colour(summary)} ${paint.dim(`(${words.asOf(`${d}/${m}/${y}`)})`)}`
  );
  if (report.error !== null) lines.push(`  ${paint.red(report.error)}`);
  const listed = showAccepted ? report.findings : report.findings.filter((f) => !f.accepted);
  if (listed.every((f) => f.severity === "info")) lines.push(`  ${paint.green(words.noFindings)}`);
  // Infos are advice: after every error and warning, dimmed.
  const infos = listed.filter((f) => f.severity === "info");
  const groups = [...groupByObjective(report, listed, words)];
  if (infos.length > 0) groups.push([words.adviceHeading, infos]);
  for (const [heading, findings] of groups) {
    lines.push(`  ${paint.bold(heading)}`);
    for (const f of findings) {
      const severity = f.accepted
        ? paint.dim(words.acceptedWarning)
        : f.severity === "error"
          ? paint.red(words.severity.error)
          : f.severity === "warning"
            ? paint.yellow(words.severity.warning)
            : words.severity.info;
      const where = f.sheet !== null && f.cell !== null ? sheetCellReference(f.sheet, f.cell) : "";
      const line = [severity, where, paint.dim(f.rule), f.message]
        .filter((part) => part !== "")
        .join(" ");
      lines.push(`    ${f.severity === "info" ? paint.dim(line) : line}`);
    }
  }
  for (const note of notes) lines.push(`  ${note}`);
  return lines.join("\n");
}

function groupByObjective(
  report: FileReport,
  listed: readonly FindingReport[],
  words: ReturnType<typeof catalogue>["cli"]
): Map<string, FindingReport[]> {
  const known = new Map<string, string>();
  for (const { code } of report.objectives)
    if (code !== null && !known.has(code.toUpperCase())) known.set(code.toUpperCase(), code);
  const groups = new Map<string, FindingReport[]>();
  const add = (key: string, f: FindingReport) => {
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  };
  const problems = listed.filter((f) => f.severity !== "info");
  for (const f of problems) {
    if (f.row === null) add(words.workbookLevel, f);
  }
  for (const f of problems) {
    if (f.row === null) continue;
    const code = f.objective === null ? undefined : known.get(f.objective.toUpperCase());
    if (code !== undefined) add(words.objectiveHeading(code), f);
  }
  for (const f of problems) {
    if (f.row !== null && (f.objective === null || !known.has(f.objective.toUpperCase())))
      add(words.noObjective, f);
  }
  return groups;
}
