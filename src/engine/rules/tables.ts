import { TABLE_KINDS } from "../snapshot";
import type { RuleContext } from "./rule-context";

/** table.missing, table.headers.off, table.plain-range, table.column.missing, table.empty. */
export function checkTables({ mapping, parsed, sink }: RuleContext): void {
  for (const kind of TABLE_KINDS) {
    const mapped = mapping[kind];
    if (mapped === null) {
      sink.workbook(kind, "table.missing", { tableKind: kind });
      continue;
    }
    if (mapped.headersOff) {
      // Without its header row the columns cannot be told apart for sure nor status columns added.
      sink.table(mapped, "table.headers.off", { tableKind: kind });
      continue;
    }
    // Said once per range, as advice: the range is checked exactly as a table.
    if (mapped.table.plain === true) sink.table(mapped, "table.plain-range", { tableKind: kind });
    for (const spec of mapped.missingFields) {
      sink.table(mapped, "table.column.missing", { tableKind: kind, field: spec.key });
    }
    const table = parsed[kind];
    if (table !== null && table.records.length === 0)
      sink.table(mapped, "table.empty", { tableKind: kind });
  }
}
