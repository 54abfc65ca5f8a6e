import { catalogue, renderMessage, type Catalogue } from "../../i18n";
import type { MappedTable } from "../map/map-workbook";
import { normalizeHeader } from "../map/normalize";
import { isBlank } from "../parse/cells";
import { isDateFormat, isGeneralFormat, isPercentFormat, isTextFormat } from "../parse/number-formats";
import type { EngineResult, IndicatorRow, ObjectiveRow, PhaseRow, RowResult } from "../result";
import { TABLE_KINDS, type CellValue, type TableKind } from "../snapshot";
import { STATUS_COLUMNS, type StatusColumnKey, type StatusColumnKind, type StatusColumnSpec } from "../status-columns";
import {
  MAX_CELL_TEXT,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  type CellWrite,
  type ColumnPlan,
  type PlanValue,
  type TablePlan,
  type WritePlan,
} from "./write-plan";

type RowValues = (key: StatusColumnKey) => PlanValue;

/**
 * The status columns of domain.md §5 for every checkable table, as a plan of
 * changes against what the tables hold now.
 */
export function planWrites(result: EngineResult): WritePlan {
  const language = result.settings.statusLanguage;
  const words = catalogue(language);
  const tables: TablePlan[] = [];
  for (const kind of TABLE_KINDS) {
    const mapped = result.mapping[kind];
    if (mapped === null || mapped.missingFields.length > 0) continue;
    const rows = rowValuesByIndex(kind, result, words);
    const specs = STATUS_COLUMNS[kind].filter((spec) => wanted(spec, mapped, result));
    const columns = specs
      .map((spec) => planColumn(spec, mapped, rows, words))
      .filter((column) => column.existingIndex === null || column.rename || column.writes.length > 0 || column.formatRows.length > 0);
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
    });
  }
  return { language, tables };
}

/** Actual progress only where the phases table has a progress column, or the column is already there. */
function wanted(spec: StatusColumnSpec, mapped: MappedTable, result: EngineResult): boolean {
  if (spec.key !== "actualProgress" || mapped.statusColumns.has("actualProgress")) return true;
  return result.mapping.phases?.columns.has("progress") ?? false;
}

function planColumn(spec: StatusColumnSpec, mapped: MappedTable, rows: (RowValues | null)[], words: Catalogue): ColumnPlan {
  const { table } = mapped;
  const header = spec.headers[words.language];
  const existingIndex = mapped.statusColumns.get(spec.key) ?? null;
  const numberFormat = spec.kind === "percent" ? PERCENT_FORMAT : spec.kind === "number" ? NUMBER_FORMAT : null;
  const writes: CellWrite[] = [];
  const formatRows: number[] = [];
  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    const value = rows[rowIndex]?.(spec.key) ?? null;
    if (existingIndex === null) {
      if (value !== null) writes.push({ rowIndex, value });
      if (numberFormat !== null) formatRows.push(rowIndex);
      continue;
    }
    if (!sameValue(table.rows[rowIndex][existingIndex] ?? null, value)) writes.push({ rowIndex, value });
    const format = table.numberFormats?.[rowIndex]?.[existingIndex];
    if (numberFormat !== null && format !== undefined && !formatSatisfies(spec.kind, format)) formatRows.push(rowIndex);
  }
  const rename = existingIndex !== null && table.headers[existingIndex] !== header &&
    normalizeHeader(table.headers[existingIndex]) !== normalizeHeader(header);
  return { key: spec.key, kind: spec.kind, header, existingIndex, rename, numberFormat, writes, formatRows };
}

function rowValuesByIndex(kind: TableKind, result: EngineResult, words: Catalogue): (RowValues | null)[] {
  const byIndex: (RowValues | null)[] = [];
  const rows: readonly RowResult[] = result[kind];
  for (const row of rows) {
    byIndex[row.index] =
      kind === "objectives"
        ? objectiveValues(row as ObjectiveRow, words)
        : kind === "phases"
          ? phaseValues(row as PhaseRow, words)
          : indicatorValues(row as IndicatorRow, words);
  }
  for (const index of result.blankRows[kind]) byIndex[index] = null;
  return byIndex;
}

function objectiveValues(row: ObjectiveRow, words: Catalogue): RowValues {
  const { figures } = row;
  const linked = words.linkedProblems(row.linkedProblems.phases, row.linkedProblems.indicators);
  return (key) => {
    switch (key) {
      case "weightTotal":
        return figures.weightTotal;
      case "expectedProgress":
        return figures.expectedProgress;
      case "actualProgress":
        return figures.actualProgress;
      case "objectiveStatus":
        return figures.status === null ? null : words.status[figures.status];
      case "check":
        return words.check[row.check];
      default:
        return messagesText(row, words, linked);
    }
  };
}

function phaseValues(row: PhaseRow, words: Catalogue): RowValues {
  return (key) => {
    switch (key) {
      case "expectedProgress":
        return row.expectedProgress;
      case "phaseStatus":
        return words.status[row.status];
      case "check":
        return words.check[row.check];
      default:
        return messagesText(row, words, "");
    }
  };
}

function indicatorValues(row: IndicatorRow, words: Catalogue): RowValues {
  return (key) => (key === "check" ? words.check[row.check] : messagesText(row, words, ""));
}

/** The row's own messages, then (for an objective) what its phases and indicators hold. */
function messagesText(row: RowResult, words: Catalogue, linked: string): PlanValue {
  const parts = row.findings.map((finding) => renderMessage(finding, words.language));
  if (linked !== "") parts.push(linked);
  if (parts.length === 0) return null;
  const text = parts.join(" | ");
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}

function sameValue(existing: CellValue, desired: PlanValue): boolean {
  if (desired === null) return isBlank(existing);
  if (typeof desired === "number") {
    return typeof existing === "number" && Math.abs(existing - desired) <= 1e-9 * Math.max(1, Math.abs(desired));
  }
  return existing === desired;
}

/** A user's own choice of percent or number format (0,00% say) is kept. */
function formatSatisfies(kind: StatusColumnKind, format: string): boolean {
  if (kind === "percent") return isPercentFormat(format);
  return !isGeneralFormat(format) && !isTextFormat(format) && !isPercentFormat(format) && !isDateFormat(format);
}
