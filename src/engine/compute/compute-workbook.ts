import type { Day } from "../days";
import type { Finding, Severity } from "../findings";
import type { WorkbookLinks } from "../links";
import type { ParsedWorkbook } from "../parse/records";
import { usableWeight } from "../phase-values";
import type { IndicatorRow, ObjectiveRow, PhaseRow, ProblemCounts } from "../result";
import type { TableKind } from "../snapshot";
import { computeObjective, roundFraction } from "./objective-progress";
import { phaseExpectedProgress, phaseStatus } from "./phase-progress";
import type { Check } from "./statuses";

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export interface ComputedRows {
  readonly objectives: ObjectiveRow[];
  readonly phases: PhaseRow[];
  readonly indicators: IndicatorRow[];
}

/** Statuses and checks of every data row (domain.md §5). */
export function computeWorkbook(
  parsed: ParsedWorkbook,
  links: WorkbookLinks,
  findings: readonly Finding[],
  asOf: Day
): ComputedRows {
  const byRow = groupFindingsByRow(findings);
  const rowFindings = (kind: TableKind, index: number) => byRow[kind].get(index) ?? NO_FINDINGS;

  // By data-row index, so that an objective finds its phases' rows without a lookup table.
  const phaseRows: PhaseRow[] = [];
  const phases: PhaseRow[] = (parsed.phases?.records ?? []).map((phase) => {
    const expected = phaseExpectedProgress(phase, asOf);
    const own = rowFindings("phases", phase.index);
    const row: PhaseRow = {
      index: phase.index,
      row: phase.row,
      check: worst(own),
      findings: own,
      objective: phase.objective.kind === "ok" ? phase.objective.value : null,
      description: phase.description.kind === "ok" ? phase.description.value : null,
      weight: usableWeight(phase),
      start: phase.start.kind === "ok" ? phase.start.value : null,
      end: phase.end.kind === "ok" ? phase.end.value : null,
      expectedProgress: expected === null ? null : roundFraction(expected),
      status: phaseStatus(phase, expected, asOf),
    };
    phaseRows[phase.index] = row;
    return row;
  });

  const indicators: IndicatorRow[] = (parsed.indicators?.records ?? []).map((indicator) => {
    const own = rowFindings("indicators", indicator.index);
    return {
      index: indicator.index,
      row: indicator.row,
      check: worst(own),
      findings: own,
      objective: indicator.objective.kind === "ok" ? indicator.objective.value : null,
    };
  });

  const hasProgressColumn = parsed.phases?.mapped.columns.has("progress") ?? false;
  const objectives: ObjectiveRow[] = (parsed.objectives?.records ?? []).map((objective) => {
    const own = rowFindings("objectives", objective.index);
    const owns = objective.key !== null && objective.duplicateOf === null;
    const myPhases = (owns && links.phasesByKey.get(objective.key!)) || [];
    const myIndicators = (owns && links.indicatorsByKey.get(objective.key!)) || [];
    const phaseCounts = countProblems(myPhases, byRow.phases);
    const indicatorCounts = countProblems(myIndicators, byRow.indicators);
    return {
      index: objective.index,
      row: objective.row,
      check: worstOf([worst(own), countsCheck(phaseCounts), countsCheck(indicatorCounts)]),
      findings: own,
      code: objective.code.kind === "ok" ? objective.code.value : null,
      title: objective.title.kind === "ok" ? objective.title.value : null,
      department: objective.department,
      figures: computeObjective(
        myPhases,
        myPhases.map((p) => phaseRows[p.index]),
        hasProgressColumn
      ),
      linkedProblems: { phases: phaseCounts, indicators: indicatorCounts },
    };
  });

  return { objectives, phases, indicators };
}

function groupFindingsByRow(
  findings: readonly Finding[]
): Record<TableKind, Map<number, Finding[]>> {
  const groups: Record<TableKind, Map<number, Finding[]>> = {
    objectives: new Map(),
    phases: new Map(),
    indicators: new Map(),
  };
  for (const finding of findings) {
    if (finding.rowIndex === null) continue;
    const group = groups[finding.tableKind].get(finding.rowIndex);
    if (group) group.push(finding);
    else groups[finding.tableKind].set(finding.rowIndex, [finding]);
  }
  return groups;
}

/** The worst finding on a row, as Esito/Check shows it. */
function worst(findings: readonly { severity: Severity; accepted: boolean }[]): Check {
  let check: Check = "ok";
  for (const finding of findings) {
    if (finding.severity === "error") return "error";
    // An info is advice and an accepted warning is settled: neither sets Esito/Check (domain.md §4).
    if (finding.severity === "warning" && !finding.accepted) check = "warning";
  }
  return check;
}

function worstOf(checks: readonly Check[]): Check {
  if (checks.includes("error")) return "error";
  return checks.includes("warning") ? "warning" : "ok";
}

function countProblems(
  records: readonly { index: number }[],
  findingsByRow: ReadonlyMap<number, readonly Finding[]>
): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const record of records) {
    for (const finding of findingsByRow.get(record.index) ?? NO_FINDINGS) {
      if (finding.severity === "error") errors++;
      else if (finding.severity === "warning" && !finding.accepted) warnings++;
    }
  }
  return { errors, warnings };
}

function countsCheck(counts: ProblemCounts): Check {
  if (counts.errors > 0) return "error";
  return counts.warnings > 0 ? "warning" : "ok";
}
