import { sheetCellReference } from "../../engine/cell-address";
import { RULES, type Finding, type RuleId, type Severity } from "../../engine/findings";
import type { EngineResult } from "../../engine/result";
import type { Language, TableKind } from "../../engine/snapshot";
import { renderMessage } from "../../i18n";
import { RULE_NAMES } from "../../i18n/rule-names";

export type Grouping = "objective" | "department" | "rule" | "severity";
export type SeverityFilter = "all" | Severity;

/** Errors, then warnings, then advice. */
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** One finding with what the list shows and searches, computed once per check. */
export interface FindingEntry {
  readonly finding: Finding;
  /** Stable across checks of the same workbook: the cursor survives a re-check with it. */
  readonly key: string;
  readonly message: string;
  readonly ruleName: string;
  readonly where: string | null;
  readonly title: string | null;
  readonly department: string | null;
  /** Lower-cased, accent-free text of code, title, Direzione, cell, rule and message. */
  readonly haystack: string;
}

export interface FindingsIndex {
  readonly entries: readonly FindingEntry[];
  /** Objective key (trimmed, upper-cased code) → its row in the objectives table, for ordering groups. */
  readonly objectiveOrder: ReadonlyMap<string, number>;
}

export interface ViewQuery {
  readonly search: string;
  readonly grouping: Grouping;
  readonly severity: SeverityFilter;
  /** Rules shown; empty = every rule. */
  readonly rules: ReadonlySet<RuleId>;
  /** Keys of the groups folded. */
  readonly collapsed: ReadonlySet<string>;
}

/** What a group's heading says: an objective's code, title and Direzione, or a rule, a severity… */
export type GroupHeading =
  | {
      readonly kind: "objective";
      readonly code: string;
      readonly title: string | null;
      readonly department: string | null;
    }
  | { readonly kind: "department"; readonly department: string }
  | { readonly kind: "rule"; readonly rule: RuleId; readonly name: string }
  | { readonly kind: "severity"; readonly severity: Severity }
  | { readonly kind: "workbook" }
  | { readonly kind: "no-objective" }
  | { readonly kind: "no-department" };

export interface FindingGroup {
  readonly key: string;
  readonly heading: GroupHeading;
  readonly entries: readonly FindingEntry[];
  readonly errors: number;
  readonly warnings: number;
  readonly collapsed: boolean;
}

export type ViewRow =
  | { readonly kind: "group"; readonly group: FindingGroup }
  | {
      readonly kind: "finding";
      readonly entry: FindingEntry;
      readonly group: FindingGroup;
      readonly position: number;
    };

export interface FindingsView {
  readonly groups: readonly FindingGroup[];
  /** Every matching finding in the order the list shows them, folded groups included: Previous/Next walk this. */
  readonly order: readonly FindingEntry[];
  /** What the list draws: headings, and the findings of unfolded groups. */
  readonly rows: readonly ViewRow[];
  /** Matching findings per rule, whatever the rule filter (the chips' counts). */
  readonly ruleCounts: ReadonlyMap<RuleId, number>;
}

const TABLE_ORDER: Record<TableKind, number> = { objectives: 0, phases: 1, indicators: 2 };
const RULE_ORDER = new Map(Object.keys(RULES).map((rule, i) => [rule, i]));

/** Trimmed and upper-cased, as the engine compares codes (domain.md §2). */
export function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

/** Case- and accent-insensitive, so «attivita» finds «Attività». */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function findingKey(f: Finding): string {
  return [f.rule, f.tableKind, f.table, f.sheet, f.cell, f.row, f.objective].join("|");
}

/** The findings with their texts and objectives' titles and Direzioni, once per check (not per keystroke). */
export function indexFindings(result: EngineResult, language: Language): FindingsIndex {
  const indexer = findingsIndexer(result, language);
  let index: FindingsIndex | null = null;
  while (index === null) index = indexer.advance(() => false);
  return index;
}

/** Indexes a check's findings a slice at a time; `advance` returns the index once every finding is in. */
export interface FindingsIndexer {
  /** Indexes at least one finding, then more until `shouldYield` says to stop. */
  advance(shouldYield: () => boolean): FindingsIndex | null;
}

/**
 * indexFindings in slices, so that the pane's main thread is never blocked
 * for long: rendering each finding's sentence costs about 20 µs, so a plan's
 * 2,800 findings would take one 60 ms task.
 */
export function findingsIndexer(result: EngineResult, language: Language): FindingsIndexer {
  const objectives = new Map<string, { title: string | null; department: string | null }>();
  const objectiveOrder = new Map<string, number>();
  for (const row of result.objectives) {
    if (row.code === null) continue;
    const key = codeKey(row.code);
    // A repeated code's phases belong to its first row (domain.md §2): so does its heading.
    if (objectives.has(key)) continue;
    objectives.set(key, { title: row.title, department: row.department });
    objectiveOrder.set(key, row.row);
  }
  const names = RULE_NAMES[language];
  const entry = (finding: Finding): FindingEntry => {
    const about =
      finding.objective === null ? undefined : objectives.get(codeKey(finding.objective));
    const message = renderMessage(finding, language);
    const where =
      finding.sheet !== null && finding.cell !== null
        ? sheetCellReference(finding.sheet, finding.cell)
        : null;
    const title = about?.title ?? null;
    const department = about?.department ?? null;
    return {
      finding,
      key: findingKey(finding),
      message,
      ruleName: names[finding.rule],
      where,
      title,
      department,
      haystack: fold(
        [finding.objective, title, department, where, names[finding.rule], message]
          .filter((part) => part !== null)
          .join("\n")
      ),
    };
  };
  const entries: FindingEntry[] = [];
  return {
    advance(shouldYield) {
      const { findings } = result;
      do {
        if (entries.length < findings.length) entries.push(entry(findings[entries.length]));
      } while (entries.length < findings.length && !shouldYield());
      return entries.length === findings.length ? { entries, objectiveOrder } : null;
    },
  };
}

function groupOf(entry: FindingEntry, grouping: Grouping): { key: string; heading: GroupHeading } {
  const { finding } = entry;
  // A table's findings (a missing column, a plain range's info) name its header row, yet belong to no row.
  const workbookLevel =
    finding.objective === null && (finding.row === null || finding.rule.startsWith("table."));
  switch (grouping) {
    case "objective":
      if (workbookLevel) return { key: "workbook", heading: { kind: "workbook" } };
      if (finding.objective === null)
        return { key: "no-objective", heading: { kind: "no-objective" } };
      return {
        key: `objective:${codeKey(finding.objective)}`,
        heading: {
          kind: "objective",
          code: finding.objective,
          title: entry.title,
          department: entry.department,
        },
      };
    case "department":
      if (workbookLevel) return { key: "workbook", heading: { kind: "workbook" } };
      if (entry.department === null)
        return { key: "no-department", heading: { kind: "no-department" } };
      return {
        key: `department:${fold(entry.department)}`,
        heading: { kind: "department", department: entry.department },
      };
    case "rule":
      return {
        key: `rule:${finding.rule}`,
        heading: { kind: "rule", rule: finding.rule, name: entry.ruleName },
      };
    case "severity":
      return {
        key: `severity:${finding.severity}`,
        heading: { kind: "severity", severity: finding.severity },
      };
  }
}

/** Workbook first (it can stop the whole check), then objectives in table order, then the rest by name. */
function groupRank(group: FindingGroup, index: FindingsIndex): [number, number | string] {
  const h = group.heading;
  switch (h.kind) {
    case "workbook":
      return [0, 0];
    case "no-objective":
    case "no-department":
      return [1, 0];
    case "objective":
      return [2, index.objectiveOrder.get(codeKey(h.code)) ?? Number.MAX_SAFE_INTEGER];
    case "department":
      return [2, fold(h.department)];
    case "rule":
      return [2 + SEVERITY_RANK[RULES[h.rule]], RULE_ORDER.get(h.rule) ?? 0];
    case "severity":
      return [2 + SEVERITY_RANK[h.severity], 0];
  }
}

function compareRank(a: [number, number | string], b: [number, number | string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (typeof a[1] === "number" && typeof b[1] === "number") return a[1] - b[1];
  return String(a[1]).localeCompare(String(b[1]));
}

/** Inside a group: errors first, then objectives, phases, indicators, then by row. */
function compareEntries(a: FindingEntry, b: FindingEntry): number {
  const fa = a.finding;
  const fb = b.finding;
  if (fa.severity !== fb.severity) return SEVERITY_RANK[fa.severity] - SEVERITY_RANK[fb.severity];
  if (fa.tableKind !== fb.tableKind) return TABLE_ORDER[fa.tableKind] - TABLE_ORDER[fb.tableKind];
  return (fa.row ?? 0) - (fb.row ?? 0);
}

/** The findings as the list shows them: searched, filtered, grouped with counts, in screen order. */
export function buildView(index: FindingsIndex, query: ViewQuery): FindingsView {
  const needles = fold(query.search).split(/\s+/).filter(Boolean);
  const ruleCounts = new Map<RuleId, number>();
  const byGroup = new Map<string, { heading: GroupHeading; entries: FindingEntry[] }>();
  for (const entry of index.entries) {
    const { finding } = entry;
    if (query.severity !== "all" && finding.severity !== query.severity) continue;
    if (!needles.every((needle) => entry.haystack.includes(needle))) continue;
    ruleCounts.set(finding.rule, (ruleCounts.get(finding.rule) ?? 0) + 1);
    if (query.rules.size > 0 && !query.rules.has(finding.rule)) continue;
    const { key, heading } = groupOf(entry, query.grouping);
    let group = byGroup.get(key);
    if (group === undefined) byGroup.set(key, (group = { heading, entries: [] }));
    group.entries.push(entry);
  }
  const groups: FindingGroup[] = [...byGroup].map(([key, { heading, entries }]) => {
    entries.sort(compareEntries);
    const errors = entries.filter((e) => e.finding.severity === "error").length;
    // Only open warnings count: advice and accepted warnings are listed, not counted (domain.md §4).
    const warnings = entries.filter(
      (e) => e.finding.severity === "warning" && !e.finding.accepted
    ).length;
    return {
      key,
      heading,
      entries,
      errors,
      warnings,
      collapsed: query.collapsed.has(key),
    };
  });
  const ranks = new Map(groups.map((g) => [g.key, groupRank(g, index)]));
  groups.sort((a, b) => compareRank(ranks.get(a.key)!, ranks.get(b.key)!));
  const order: FindingEntry[] = [];
  const rows: ViewRow[] = [];
  for (const group of groups) {
    rows.push({ kind: "group", group });
    for (const entry of group.entries) {
      if (!group.collapsed) rows.push({ kind: "finding", entry, group, position: order.length });
      order.push(entry);
    }
  }
  return { groups, order, rows, ruleCounts };
}

/**
 * The finding Previous or Next goes to: from none, Next goes to the first and
 * Previous to the last (as Excel's Error Checking does); otherwise one step,
 * wrapping round. Null when nothing is shown.
 */
export function step(
  order: readonly FindingEntry[],
  currentKey: string | null,
  direction: 1 | -1
): FindingEntry | null {
  if (order.length === 0) return null;
  const at = currentKey === null ? -1 : order.findIndex((e) => e.key === currentKey);
  if (at === -1) return direction === 1 ? order[0] : order[order.length - 1];
  return order[(at + direction + order.length) % order.length];
}

/** The current finding's place, 1-based, or null when it is not among those shown. */
export function positionOf(
  order: readonly FindingEntry[],
  currentKey: string | null
): number | null {
  if (currentKey === null) return null;
  const at = order.findIndex((e) => e.key === currentKey);
  return at === -1 ? null : at + 1;
}

/**
 * The finding on a cell the user selected in Excel: the current one if it is
 * there already (two findings can share a cell), else the first on that cell
 * in screen order, else the first on that row of that sheet; null otherwise.
 */
export function findingAtCell(
  order: readonly FindingEntry[],
  currentKey: string | null,
  sheet: string,
  address: string
): FindingEntry | null {
  // Excel reports a range (`E2:F4`) or a sheet-qualified address: the top-left cell counts.
  const cell = address.replace(/^.*!/, "").split(":")[0].replace(/\$/g, "").toUpperCase();
  const rowMatch = /\d+$/.exec(cell);
  const row = rowMatch === null ? null : Number(rowMatch[0]);
  const sameSheet = (f: Finding) =>
    f.sheet !== null && f.sheet.toLowerCase() === sheet.toLowerCase();
  const onCell = (e: FindingEntry) =>
    sameSheet(e.finding) && e.finding.cell?.toUpperCase() === cell;
  const current = currentKey === null ? undefined : order.find((e) => e.key === currentKey);
  if (current !== undefined && onCell(current)) return current;
  return (
    order.find(onCell) ??
    order.find((e) => sameSheet(e.finding) && row !== null && e.finding.row === row) ??
    null
  );
}

/**
 * After a fix and a new check the fixed finding is gone: the cursor goes to
 * the first finding after it (in the old order) that is still there.
 */
export function nextSurviving(
  oldOrder: readonly FindingEntry[],
  fixedKey: string,
  newOrder: readonly FindingEntry[]
): FindingEntry | null {
  const still = new Map(newOrder.map((e) => [e.key, e]));
  const at = oldOrder.findIndex((e) => e.key === fixedKey);
  for (let i = 1; at !== -1 && i <= oldOrder.length; i++) {
    const candidate = still.get(oldOrder[(at + i) % oldOrder.length].key);
    if (candidate !== undefined) return candidate;
  }
  return newOrder[0] ?? null;
}
