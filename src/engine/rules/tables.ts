import { TABLE_KINDS } from "../snapshot";
import type { RuleContext } from "./rule-context";

/** table.missing, table.column.missing, table.empty. */
export function checkTables({ mapping, parsed, sink }: RuleContext): void {
  for (const kind of TABLE_KINDS) {
    const mapped = mapping[kind];
    if (mapped === null) {
      sink.workbook(kind, "table.missing", { tableKind: kind });
      continue;
    }
    for (const spec of mapped.missingFields) {
      sink.table(mapped, "table.column.missing", { tableKind: kind, field: spec.key });
    }
    const table = parsed[kind];
    if (table !== null && table.records.length === 0)
      sink.table(mapped, "table.empty", { tableKind: kind });
  }
}
