import type { WritePlan } from "../../src/engine/plan/write-plan";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";

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
      for (const write of column.writes) table.rows[write.rowIndex][index] = write.value;
      for (const row of column.formatRows) table.numberFormats![row][index] = column.numberFormat!;
    }
  }
}
