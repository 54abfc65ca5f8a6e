import type { MappedTable, WorkbookMapping } from "../map/map-workbook";
import type { CellValue, DateSystem, TableSnapshot } from "../snapshot";
import { isCellError } from "../snapshot";
import {
  isBlank,
  looksLikeDate,
  parseDate,
  parseDateText,
  parsePoints,
  parseText,
  type Parsed,
} from "./cells";
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
  const usable = (t: MappedTable | null) =>
    t && t.missingFields.length === 0 && !t.headersOff ? t : null;
  const objectives = usable(mapping.objectives);
  const phases = usable(mapping.phases);
  const indicators = usable(mapping.indicators);
  return {
    objectives:
      objectives && parseTable(objectives, objectiveParser(new RowCells(objectives), options)),
    phases: phases && parseTable(phases, phaseParser(new RowCells(phases), options)),
    indicators:
      indicators && parseTable(indicators, indicatorParser(new RowCells(indicators), options)),
  };
}

/**
 * Reads the mapped fields of one row at a time; status columns and unmapped
 * user columns are context only. Column indexes are looked up once per table,
 * not once per cell: a plan has hundreds of thousands of rows.
 */
class RowCells {
  private rowIndex = 0;
  private readonly rows: TableSnapshot["rows"];
  private readonly formats: TableSnapshot["numberFormats"];

  constructor(private readonly mapped: MappedTable) {
    this.rows = mapped.table.rows;
    this.formats = mapped.table.numberFormats;
  }

  /** Column index of a field, or -1 when the table has no such column. */
  column(field: string): number {
    return this.mapped.columns.get(field) ?? -1;
  }

  moveTo(rowIndex: number): void {
    this.rowIndex = rowIndex;
  }

  value(column: number): CellValue {
    return column < 0 ? null : (this.rows[this.rowIndex][column] ?? null);
  }

  format(column: number): string | null {
    return column < 0 || this.formats === null
      ? null
      : (this.formats[this.rowIndex]?.[column] ?? null);
  }
}

type RowParser<R> = (base: RecordBase) => R;

function parseTable<R extends RecordBase>(
  mapped: MappedTable,
  parseRow: RowParser<R>
): ParsedTable<R> {
  const { table } = mapped;
  const isStatus = new Array<boolean>(table.headers.length).fill(false);
  for (const col of mapped.statusColumns.values()) isStatus[col] = true;
  const records: R[] = [];
  const blankRows: number[] = [];
  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    if (isBlankRow(table.rows[rowIndex], isStatus)) {
      blankRows.push(rowIndex);
      continue;
    }
    records.push(parseRow({ index: rowIndex, row: table.headerRow + 1 + rowIndex }));
  }
  return { mapped, records, blankRows };
}

function isBlankRow(row: readonly CellValue[], isStatus: readonly boolean[]): boolean {
  for (let col = 0; col < row.length; col++) if (!isStatus[col] && !isBlank(row[col])) return false;
  return true;
}

function objectiveParser(cells: RowCells, options: ParseOptions): RowParser<ObjectiveRecord> {
  const firstByKey = new Map<string, number>();
  const codeCol = cells.column("code");
  const titleCol = cells.column("title");
  const departmentCol = cells.column("department");
  const serviceCol = cells.column("service");
  return ({ index, row }) => {
    cells.moveTo(index);
    const code = parseText(cells.value(codeCol));
    const key = codeKey(code);
    const earlier = key === null ? undefined : firstByKey.get(key);
    if (key !== null && earlier === undefined) firstByKey.set(key, index);
    return {
      index,
      row,
      code,
      key,
      title: parseText(cells.value(titleCol)),
      department: textOrNull(cells.value(departmentCol)) ?? textOrNull(cells.value(serviceCol)),
      planYear: planYearOf(code, options),
      duplicateOf: earlier ?? null,
    };
  };
}

function textOrNull(value: CellValue): string | null {
  const parsed = parseText(value);
  return parsed.kind === "ok" ? parsed.value : null;
}

/**
 * Parsed texts are immutable, and objective codes and owners repeat on every
 * phase and indicator: one object per distinct text, for this run only.
 */
function repeatedTexts(): (value: CellValue) => {
  readonly parsed: Parsed<string>;
  readonly key: string | null;
} {
  const seen = new Map<string, { parsed: Parsed<string>; key: string | null }>();
  const entry = (value: CellValue) => {
    const parsed = parseText(value);
    return { parsed, key: codeKey(parsed) };
  };
  return (value) => {
    if (typeof value !== "string") return entry(value);
    let found = seen.get(value);
    if (found === undefined) {
      found = entry(value);
      seen.set(value, found);
    }
    return found;
  };
}

function phaseParser(cells: RowCells, options: ParseOptions): RowParser<PhaseRecord> {
  const code = repeatedTexts();
  const person = repeatedTexts();
  const [objectiveCol, descriptionCol, weightCol, startCol, endCol, ownerCol, progressCol] = [
    "objective",
    "description",
    "weight",
    "start",
    "end",
    "owner",
    "progress",
  ].map((field) => cells.column(field));
  return ({ index, row }) => {
    cells.moveTo(index);
    const { parsed: objective, key: objectiveKey } = code(cells.value(objectiveCol));
    return {
      index,
      row,
      objective,
      objectiveKey,
      description: parseText(cells.value(descriptionCol)),
      planYear: planYearOf(objective, options),
      weight: parsePoints(cells.value(weightCol), cells.format(weightCol)),
      start: parseDate(cells.value(startCol), cells.format(startCol), options.dateSystem),
      end: parseDate(cells.value(endCol), cells.format(endCol), options.dateSystem),
      owner: ownerCol < 0 ? null : person(cells.value(ownerCol)).parsed,
      progress:
        progressCol < 0 ? null : parsePoints(cells.value(progressCol), cells.format(progressCol)),
    };
  };
}

function indicatorParser(cells: RowCells, options: ParseOptions): RowParser<IndicatorRecord> {
  const code = repeatedTexts();
  const [objectiveCol, descriptionCol, targetCol] = ["objective", "description", "target"].map(
    (field) => cells.column(field)
  );
  return ({ index, row }) => {
    cells.moveTo(index);
    const { parsed: objective, key: objectiveKey } = code(cells.value(objectiveCol));
    return {
      index,
      row,
      objective,
      objectiveKey,
      description: parseText(cells.value(descriptionCol)),
      planYear: planYearOf(objective, options),
      target: parseTarget(cells.value(targetCol), cells.format(targetCol), options),
    };
  };
}

/**
 * An expected value is free text or a number, unless it is a date: a numeric
 * cell formatted as a date, or text with a date shape and a four-digit year,
 * which must then be a real day.
 */
function parseTarget(
  value: CellValue,
  format: string | null,
  options: ParseOptions
): Parsed<TargetValue> {
  if (isBlank(value)) return { kind: "blank" };
  if (isCellError(value))
    return { kind: "invalid", problem: { type: "excel-error", error: value.error } };
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
  if (code.kind !== "ok" || code.value.length < 4) return options.fallbackPlanYear;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = code.value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return options.fallbackPlanYear;
    year = year * 10 + digit;
  }
  return year;
}
