import type { ColumnPlan, PlanValue, WritePlan } from "../../src/engine/plan/write-plan";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";

/** A column's writes as `{ rowIndex, value }` pairs, for readable assertions. */
export function writesOf(column: ColumnPlan): { rowIndex: number; value: PlanValue }[] {
  return Array.from(column.writeRows, (rowIndex, i) => ({
    rowIndex,
    value: column.writeValues[i],
  }));
}

/** What a host does with a plan, done to the snapshot itself: the reference for every adapter. */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: WritePlan): void {
  for (const tablePlan of plan.tables) {
    const table = snapshot.tables.find((t) => t.name === tablePlan.table)!;
    for (const column of tablePlan.columns) {
      let index = column.existingIndex;
      if (index === null) {
        index = table.headers.length;
        table.headers.push(column.header);
        table.rows.forEach((row) => row.push(null));
        table.numberFormats?.forEach((row) => row.push("General"));
      } else if (column.rename) table.headers[index] = column.header;
      column.writeRows.forEach(
        (rowIndex, i) => (table.rows[rowIndex][index] = column.writeValues[i])
      );
      for (const row of column.formatRows) table.numberFormats![row][index] = column.numberFormat!;
    }
  }
}
