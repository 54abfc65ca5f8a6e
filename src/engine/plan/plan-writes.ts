import type { MappedTable } from "../map/map-workbook";
import { normalizeHeader } from "../map/normalize";
import { isBlank } from "../parse/cells";
import {
  isDateFormat,
  isGeneralFormat,
  isPercentFormat,
  isTextFormat,
} from "../parse/number-formats";
import type { Finding } from "../findings";
import type { EngineResult, ObjectiveRow, PhaseRow, ProblemCounts, RowResult } from "../result";
import { TABLE_KINDS, type CellValue, type Language, type TableKind } from "../snapshot";
import {
  STATUS_COLUMNS,
  STATUS_WORDS,
  type StatusColumnKey,
  type StatusColumnKind,
  type StatusColumnSpec,
} from "../status-columns";
import {
  MAX_CELL_TEXT,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  type ColumnPlan,
  type PlanValue,
  type TablePlan,
  type WritePlan,
} from "./write-plan";

/**
 * The sentences of the Messages column in one language. They come from the
 * message catalogues (src/i18n, which imports the engine), so the caller
 * hands them in: the engine imports no catalogue.
 */
export interface MessageTexts {
  readonly finding: (finding: Finding) => string;
  /** "Fasi: 1 errore" — what an objective's phases and indicators hold. */
  readonly linkedProblems: (phases: ProblemCounts, indicators: ProblemCounts) => string;
}

export type MessagesIn = (language: Language) => MessageTexts;

/** What a column's cells are written with: the contract's status words and the messages. */
interface Words {
  readonly language: Language;
  readonly status: (typeof STATUS_WORDS)[Language]["status"];
  readonly check: (typeof STATUS_WORDS)[Language]["check"];
  readonly messages: MessageTexts;
}

/**
 * The status columns of domain.md §5 for every checkable table, as a plan of
 * changes against what the tables hold now.
 */
export function planWrites(result: EngineResult, messagesIn: MessagesIn): WritePlan {
  const language = result.settings.statusLanguage;
  const words: Words = { language, ...STATUS_WORDS[language], messages: messagesIn(language) };
  const tables: TablePlan[] = [];
  for (const kind of TABLE_KINDS) {
    const mapped = result.mapping[kind];
    if (mapped === null || mapped.missingFields.length > 0 || mapped.headersOff) continue;
    const rows = resultsByIndex(kind, result);
    const specs = STATUS_COLUMNS[kind].filter((spec) => wanted(spec, mapped, result));
    const columns = specs
      .map((spec) => planColumn(spec, mapped, rows, words))
      .filter(
        (column) =>
          column.existingIndex === null ||
          column.rename ||
          column.writeRows.length > 0 ||
          column.formatRows.length > 0
      );
    if (columns.length === 0) continue;
    const { table } = mapped;
    tables.push({
      kind,
      table: table.name,
      sheet: table.sheet,
      headerRow: table.headerRow,
      firstColumn: table.firstColumn,
      columnCount: table.headers.length,
      rowCount: table.rows.length,
      columns,
      ...(table.plain === true ? { plain: true } : {}),
    });
  }
  return { language, tables };
}

/** Actual progress only where the phases table has a progress column, or the column is already there. */
function wanted(spec: StatusColumnSpec, mapped: MappedTable, result: EngineResult): boolean {
  if (spec.key !== "actualProgress" || mapped.statusColumns.has("actualProgress")) return true;
  return result.mapping.phases?.columns.has("progress") ?? false;
}

function planColumn(
  spec: StatusColumnSpec,
  mapped: MappedTable,
  rows: readonly (RowResult | null)[],
  words: Words
): ColumnPlan {
  const { table } = mapped;
  const header = spec.headers[words.language];
  const existingIndex = mapped.statusColumns.get(spec.key) ?? null;
  const numberFormat =
    spec.kind === "percent" ? PERCENT_FORMAT : spec.kind === "number" ? NUMBER_FORMAT : null;
  const rowCount = table.rows.length;
  const writeRows = new Uint32Array(rowCount);
  const writeValues: PlanValue[] = [];
  const formatRows = new Uint32Array(rowCount);
  let formats = 0;
  for (let rowIndex = 0; rowIndex < rowCount; rowIndex++) {
    const row = rows[rowIndex];
    const value = row === null ? null : statusValue(mapped.kind, row, spec.key, words);
    if (existingIndex === null) {
      if (value !== null) {
        writeRows[writeValues.length] = rowIndex;
        writeValues.push(value);
      }
      if (numberFormat !== null) formatRows[formats++] = rowIndex;
      continue;
    }
    if (!sameValue(table.rows[rowIndex][existingIndex] ?? null, value)) {
      writeRows[writeValues.length] = rowIndex;
      writeValues.push(value);
    }
    const format = table.numberFormats?.[rowIndex]?.[existingIndex];
    if (numberFormat !== null && format !== undefined && !formatSatisfies(spec.kind, format))
      formatRows[formats++] = rowIndex;
  }
  const rename =
    existingIndex !== null &&
    table.headers[existingIndex] !== header &&
    normalizeHeader(table.headers[existingIndex]) !== normalizeHeader(header);
  return {
    key: spec.key,
    kind: spec.kind,
    header,
    existingIndex,
    rename,
    numberFormat,
    // Copies of the used length, so the plan keeps no spare room.
    writeRows: writeRows.slice(0, writeValues.length),
    writeValues,
    formatRows: formatRows.slice(0, formats),
  };
}

/** Each data row's result by its index; blank rows (and rows of no result) get null: their status cells are cleared. */
function resultsByIndex(kind: TableKind, result: EngineResult): (RowResult | null)[] {
  const byIndex: (RowResult | null)[] = new Array<RowResult | null>(
    result.mapping[kind]!.table.rows.length
  ).fill(null);
  for (const row of result[kind] as readonly RowResult[]) byIndex[row.index] = row;
  return byIndex;
}

function statusValue(
  kind: TableKind,
  row: RowResult,
  key: StatusColumnKey,
  words: Words
): PlanValue {
  if (key === "check") return words.check[row.check];
  if (key === "messages") {
    const linked = kind === "objectives" ? linkedText(row as ObjectiveRow, words) : "";
    return messagesText(row, words, linked);
  }
  if (kind === "phases") {
    const phase = row as PhaseRow;
    return key === "expectedProgress" ? phase.expectedProgress : words.status[phase.status];
  }
  const { figures } = row as ObjectiveRow;
  switch (key) {
    case "weightTotal":
      return figures.weightTotal;
    case "expectedProgress":
      return figures.expectedProgress;
    case "actualProgress":
      return figures.actualProgress;
    default:
      return figures.status === null ? null : words.status[figures.status];
  }
}

function linkedText(row: ObjectiveRow, words: Words): string {
  const { phases, indicators } = row.linkedProblems;
  if (phases.errors + phases.warnings + indicators.errors + indicators.warnings === 0) return "";
  return words.messages.linkedProblems(row.linkedProblems.phases, row.linkedProblems.indicators);
}

/** The row's own messages, then (for an objective) what its phases and indicators hold. */
function messagesText(row: RowResult, words: Words, linked: string): PlanValue {
  if (row.findings.length === 0 && linked === "") return null;
  const parts = row.findings.map(words.messages.finding);
  if (linked !== "") parts.push(linked);
  if (parts.length === 0) return null;
  const text = parts.join(" | ");
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}

function sameValue(existing: CellValue, desired: PlanValue): boolean {
  if (desired === null) return isBlank(existing);
  if (typeof desired === "number") {
    return (
      typeof existing === "number" &&
      Math.abs(existing - desired) <= 1e-9 * Math.max(1, Math.abs(desired))
    );
  }
  return existing === desired;
}

/** A user's own choice of percent or number format (0,00% say) is kept. */
function formatSatisfies(kind: StatusColumnKind, format: string): boolean {
  if (kind === "percent") return isPercentFormat(format);
  return (
    !isGeneralFormat(format) &&
    !isTextFormat(format) &&
    !isPercentFormat(format) &&
    !isDateFormat(format)
  );
}
