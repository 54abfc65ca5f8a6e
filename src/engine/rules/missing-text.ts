import type { TextMissingRule } from "../findings";
import type { MappedTable } from "../map/map-workbook";
import type { Parsed } from "../parse/cells";
import type { RecordBase } from "../parse/records";
import type { FindingSink } from "./finding-sink";

/** A text field's `.missing` rule: blank, or an Excel error (the message names it). */
export function reportMissingText(
  sink: FindingSink,
  mapped: MappedTable,
  record: RecordBase,
  field: string,
  value: Parsed<string>,
  rule: TextMissingRule,
  objective: string | null
): void {
  if (value.kind === "ok") return;
  sink.cell(
    mapped,
    record,
    field,
    rule,
    objective,
    value.kind === "invalid" ? { problem: value.problem } : {}
  );
}
