import type {
  IndicatorRecord,
  ObjectiveRecord,
  ParsedWorkbook,
  PhaseRecord,
} from "./parse/records";

/** Who belongs to whom: codes compared trimmed and case-insensitively; a duplicated code's rows go to its first row. */
export interface WorkbookLinks {
  readonly objectiveByKey: ReadonlyMap<string, ObjectiveRecord>;
  readonly phasesByKey: ReadonlyMap<string, readonly PhaseRecord[]>;
  readonly indicatorsByKey: ReadonlyMap<string, readonly IndicatorRecord[]>;
}

export function linkWorkbook(parsed: ParsedWorkbook): WorkbookLinks {
  const objectiveByKey = new Map<string, ObjectiveRecord>();
  for (const objective of parsed.objectives?.records ?? []) {
    if (objective.key !== null && objective.duplicateOf === null)
      objectiveByKey.set(objective.key, objective);
  }
  return {
    objectiveByKey,
    phasesByKey: groupByObjective(parsed.phases?.records ?? []),
    indicatorsByKey: groupByObjective(parsed.indicators?.records ?? []),
  };
}

function groupByObjective<R extends { objectiveKey: string | null }>(
  records: readonly R[]
): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const record of records) {
    if (record.objectiveKey === null) continue;
    const group = groups.get(record.objectiveKey);
    if (group) group.push(record);
    else groups.set(record.objectiveKey, [record]);
  }
  return groups;
}
