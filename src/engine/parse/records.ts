import type { Day } from "../days";
import type { MappedTable } from "../map/map-workbook";
import type { Parsed } from "./cells";

export interface RecordBase {
  /** Index of the data row in the table. */
  readonly index: number;
  /** Worksheet row. */
  readonly row: number;
}

export interface ObjectiveRecord extends RecordBase {
  readonly code: Parsed<string>;
  /** Trimmed, upper-cased code used to match phases and indicators; null when blank. */
  readonly key: string | null;
  readonly title: Parsed<string>;
  /** The Direzione column's text, else the Servizio column's: what the pane groups objectives by. */
  readonly department: string | null;
  readonly planYear: number | null;
  /** Index of the earlier row with the same code, when this row repeats it. */
  readonly duplicateOf: number | null;
}

export interface LinkedRecord extends RecordBase {
  readonly objective: Parsed<string>;
  readonly objectiveKey: string | null;
  readonly description: Parsed<string>;
  readonly planYear: number | null;
}

export interface PhaseRecord extends LinkedRecord {
  readonly weight: Parsed<number>;
  readonly start: Parsed<Day>;
  readonly end: Parsed<Day>;
  /** Null when the table has no owner column. */
  readonly owner: Parsed<string> | null;
  /** Null when the table has no progress column. */
  readonly progress: Parsed<number> | null;
}

export type TargetValue = { readonly date: Day } | { readonly text: string };

export interface IndicatorRecord extends LinkedRecord {
  readonly target: Parsed<TargetValue>;
}

export interface ParsedTable<R extends RecordBase> {
  readonly mapped: MappedTable;
  readonly records: readonly R[];
  /** Data rows that are fully blank: not data, but their stale status cells are cleared. */
  readonly blankRows: readonly number[];
}

export interface ParsedWorkbook {
  readonly objectives: ParsedTable<ObjectiveRecord> | null;
  readonly phases: ParsedTable<PhaseRecord> | null;
  readonly indicators: ParsedTable<IndicatorRecord> | null;
}
