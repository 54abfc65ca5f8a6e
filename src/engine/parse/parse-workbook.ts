import type { MappedTable, WorkbookMapping } from "../map/map-workbook";
import type { CellValue, DateSystem } from "../snapshot";
import { isCellError } from "../snapshot";
import { isBlank, looksLikeDate, parseDate, parseDateText, parsePoints, parseText, type Parsed } from "./cells";
import { isDateFormat } from "./number-formats";
import type {
  IndicatorRecord,
  ObjectiveRecord,
  ParsedTable,
  ParsedWorkbook,
  PhaseRecord,
  RecordBase,
  TargetValue,
} from "./records";

export interface ParseOptions {
  readonly dateSystem: DateSystem;
  /** Plan year for codes that do not start with one (command line, then workbook setting). */
  readonly fallbackPlanYear: number | null;
}

/** Only tables that can be checked (every required column present) are parsed. */
export function parseWorkbook(mapping: WorkbookMapping, options: ParseOptions): ParsedWorkbook {
  const usable = (t: MappedTable | null) => (t && t.missingFields.length === 0 ? t : null);
  const objectives = usable(mapping.objectives);
  const phases = usable(mapping.phases);
  const indicators = usable(mapping.indicators);
  return {
    objectives: objectives && parseObjectives(objectives, options),
    phases: phases && parseTable(phases, (cells, base) => parsePhase(cells, base, options)),
    indicators: indicators && parseTable(indicators, (cells, base) => parseIndicator(cells, base, options)),
  };
}

/** Reads one row's mapped fields; status columns and unmapped user columns are context only. */
interface RowCells {
  value(field: string): CellValue;
  format(field: string): string | null;
  has(field: string): boolean;
}

function parseTable<R extends RecordBase>(
  mapped: MappedTable,
  parseRow: (cells: RowCells, base: RecordBase) => R,
): ParsedTable<R> {
  const { table, columns, statusColumns } = mapped;
  const statusIndexes = new Set(statusColumns.values());
  const records: R[] = [];
  const blankRows: number[] = [];
  let rowIndex = 0;
  const cells: RowCells = {
    value: (field) => {
      const col = columns.get(field);
      return col === undefined ? null : (table.rows[rowIndex][col] ?? null);
    },
    format: (field) => {
      const col = columns.get(field);
      return col === undefined || table.numberFormats === null ? null : (table.numberFormats[rowIndex]?.[col] ?? null);
    },
    has: (field) => columns.has(field),
  };
  for (; rowIndex < table.rows.length; rowIndex++) {
    const row = table.rows[rowIndex];
    if (row.every((value, col) => statusIndexes.has(col) || isBlank(value))) {
      blankRows.push(rowIndex);
      continue;
    }
    records.push(parseRow(cells, { index: rowIndex, row: table.headerRow + 1 + rowIndex }));
  }
  return { mapped, records, blankRows };
}

function parseObjectives(mapped: MappedTable, options: ParseOptions): ParsedTable<ObjectiveRecord> {
  const firstByKey = new Map<string, number>();
  return parseTable(mapped, (cells, base) => {
    const code = parseText(cells.value("code"));
    const key = codeKey(code);
    const earlier = key === null ? undefined : firstByKey.get(key);
    if (key !== null && earlier === undefined) firstByKey.set(key, base.index);
    return {
      ...base,
      code,
      key,
      title: parseText(cells.value("title")),
      planYear: planYearOf(code, options),
      duplicateOf: earlier ?? null,
    };
  });
}

function parsePhase(cells: RowCells, base: RecordBase, options: ParseOptions): PhaseRecord {
  const objective = parseText(cells.value("objective"));
  return {
    ...base,
    objective,
    objectiveKey: codeKey(objective),
    description: parseText(cells.value("description")),
    planYear: planYearOf(objective, options),
    weight: parsePoints(cells.value("weight"), cells.format("weight")),
    start: parseDate(cells.value("start"), cells.format("start"), options.dateSystem),
    end: parseDate(cells.value("end"), cells.format("end"), options.dateSystem),
    owner: cells.has("owner") ? parseText(cells.value("owner")) : null,
    progress: cells.has("progress") ? parsePoints(cells.value("progress"), cells.format("progress")) : null,
  };
}

function parseIndicator(cells: RowCells, base: RecordBase, options: ParseOptions): IndicatorRecord {
  const objective = parseText(cells.value("objective"));
  return {
    ...base,
    objective,
    objectiveKey: codeKey(objective),
    description: parseText(cells.value("description")),
    planYear: planYearOf(objective, options),
    target: parseTarget(cells.value("target"), cells.format("target"), options),
  };
}

/**
 * An expected value is free text or a number, unless it is a date: a numeric
 * cell formatted as a date, or text with a date shape and a four-digit year,
 * which must then be a real day.
 */
function parseTarget(value: CellValue, format: string | null, options: ParseOptions): Parsed<TargetValue> {
  if (isBlank(value)) return { kind: "blank" };
  if (isCellError(value)) return { kind: "invalid", problem: { type: "excel-error", error: value.error } };
  if (typeof value === "number" && format !== null && isDateFormat(format)) {
    const day = parseDate(value, format, options.dateSystem);
    return day.kind === "ok" ? { kind: "ok", value: { date: day.value } } : day;
  }
  if (typeof value === "string" && looksLikeDate(value)) {
    const day = parseDateText(value.trim());
    return day.kind === "ok" ? { kind: "ok", value: { date: day.value } } : day;
  }
  return { kind: "ok", value: { text: typeof value === "string" ? value.trim() : String(value) } };
}

function codeKey(code: Parsed<string>): string | null {
  return code.kind === "ok" ? code.value.toUpperCase() : null;
}

/** `2018_ZN12` → 2018; otherwise the plan year given on the command line or stored in the workbook. */
function planYearOf(code: Parsed<string>, options: ParseOptions): number | null {
  const match = code.kind === "ok" ? /^(\d{4})/.exec(code.value) : null;
  return match ? Number(match[1]) : options.fallbackPlanYear;
}
