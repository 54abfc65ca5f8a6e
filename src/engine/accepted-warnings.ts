import { severityOf, type Finding, type RuleId, RULES } from "./findings";
import type { RecordBase } from "./parse/records";

/** A warning the planning office has judged and accepted (domain.md §4), by rule and row key. */
export interface AcceptedWarning {
  readonly rule: RuleId;
  readonly key: string;
}

/**
 * Bounds on what the workbook stores: Office keeps all of an add-in's
 * document settings in about 2 MB, shared with the mapping and the dates, so
 * the list cannot grow without limit (1000 keys of at most 500 characters).
 */
export const MAX_ACCEPTED_WARNINGS = 1000;
export const MAX_KEY_LENGTH = 500;

/** Between a phase's or indicator's objective code and description; whitespace is collapsed, so no text holds it. */
const KEY_SEPARATOR = "\t";

/** As codes are compared: trimmed, case-insensitive; inner runs of whitespace count as one space. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, " ").toUpperCase();
}

/**
 * The row's key: an objective's code; a phase's or indicator's objective code
 * and description. Null when a part is blank or unreadable, or the key is too
 * long to store: such a row's warnings cannot be accepted.
 */
export function rowKeyOf(record: RecordBase): string | null {
  let key: string | null = null;
  if ("key" in record) {
    const code = record.key;
    key = typeof code === "string" && code.trim() !== "" ? normalise(code) : null;
  } else if ("objectiveKey" in record && "description" in record) {
    const code = record.objectiveKey;
    const description = record.description as { kind: string; value?: unknown };
    if (
      typeof code === "string" &&
      code.trim() !== "" &&
      description.kind === "ok" &&
      typeof description.value === "string" &&
      description.value.trim() !== ""
    )
      key = `${normalise(code)}${KEY_SEPARATOR}${normalise(description.value)}`;
  }
  return key !== null && key.length <= MAX_KEY_LENGTH ? key : null;
}

/** What to store to accept this finding; null for errors, infos and findings without a row key. */
export function acceptanceFor(finding: Finding): AcceptedWarning | null {
  if (finding.severity !== "warning" || finding.rowKey === null) return null;
  return { rule: finding.rule, key: finding.rowKey };
}

function sameAcceptance(a: AcceptedWarning, b: AcceptedWarning): boolean {
  return a.rule === b.rule && a.key === b.key;
}

/**
 * The stored list as the engine can use it, whatever the workbook holds: an
 * entry that is not a {rule, key} pair, names an unknown rule or a rule that
 * is not a warning (errors cannot be accepted), or whose key is empty or too
 * long is dropped on its own, so one bad entry (a hand edit, a later version)
 * never costs the others or the rest of the settings. Repeats are dropped and
 * at most MAX_ACCEPTED_WARNINGS are kept, the earliest first.
 */
export function usableAcceptances(raw: unknown): AcceptedWarning[] {
  if (!Array.isArray(raw)) return [];
  const kept: AcceptedWarning[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    if (kept.length === MAX_ACCEPTED_WARNINGS) break;
    if (typeof entry !== "object" || entry === null) continue;
    const { rule, key } = entry as { rule?: unknown; key?: unknown };
    if (typeof rule !== "string" || !Object.hasOwn(RULES, rule)) continue;
    if (severityOf(rule as RuleId) !== "warning") continue;
    if (typeof key !== "string" || key === "" || key.length > MAX_KEY_LENGTH) continue;
    const id = `${rule}${KEY_SEPARATOR}${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    kept.push({ rule: rule as RuleId, key });
  }
  return kept;
}

/** The list with `acceptance` added (once); unchanged when it is already there. */
export function withAcceptance(
  list: readonly AcceptedWarning[],
  acceptance: AcceptedWarning
): AcceptedWarning[] {
  return list.some((a) => sameAcceptance(a, acceptance)) ? [...list] : [...list, acceptance];
}

/** The list without `acceptance`; a co-author's other acceptances stay. */
export function withoutAcceptance(
  list: readonly AcceptedWarning[],
  acceptance: AcceptedWarning
): AcceptedWarning[] {
  return list.filter((a) => !sameAcceptance(a, acceptance));
}

/**
 * Marks the warnings the workbook accepts. Only a warning can be accepted: a
 * stored entry naming an error never matches, and one whose row changed key
 * (or was deleted) simply matches nothing.
 */
export function markAccepted(
  findings: readonly Finding[],
  accepted: readonly AcceptedWarning[] | undefined
): Finding[] {
  if (accepted === undefined || accepted.length === 0) return [...findings];
  const ids = new Set(accepted.map((a) => `${a.rule}${KEY_SEPARATOR}${a.key}`));
  return findings.map((finding) => {
    const acceptance = acceptanceFor(finding);
    return acceptance !== null && ids.has(`${acceptance.rule}${KEY_SEPARATOR}${acceptance.key}`)
      ? { ...finding, accepted: true }
      : finding;
  });
}
