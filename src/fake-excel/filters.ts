/**
 * Table column filters as Excel keeps them, every `filterOn` kind of
 * Excel.FilterCriteria (https://learn.microsoft.com/javascript/api/excel/excel.filtercriteria):
 * what `filter.criteria` reads back, what `filter.apply` accepts, and which rows
 * each kind hides.
 */
import { dayFromSerial, isoFromDay } from "../engine/days";
import type { DateSystem } from "../engine/snapshot";
import { FakeExcelError } from "./request-context";
import { getCell, type CellState, type SheetState, type TableState } from "./workbook-state";

export type FilterOn =
  | "Values"
  | "Custom"
  | "TopItems"
  | "BottomItems"
  | "TopPercent"
  | "BottomPercent"
  | "Dynamic"
  | "CellColor"
  | "FontColor"
  | "Icon";

export interface FilterDatetime {
  date: string;
  specificity: "Year" | "Month" | "Day" | "Hour" | "Minute" | "Second";
}

export interface FilterIcon {
  set: string;
  index: number;
}

/** Excel.FilterCriteria: only the fields of its kind are set. */
export interface FakeFilterCriteria {
  filterOn: FilterOn;
  values?: (string | FilterDatetime)[];
  criterion1?: string;
  criterion2?: string;
  operator?: "And" | "Or";
  dynamicCriteria?: string;
  color?: string;
  icon?: FilterIcon;
  subField?: string;
}

export interface FilterState {
  criteria: FakeFilterCriteria;
  /**
   * office-js #3030: after `table.clearFilters()` then `filter.apply(originalCriteria)`,
   * loading that column's filter throws an internal error.
   */
  unreadable?: boolean;
}

const CRITERIA_FIELDS = [
  "color",
  "criterion1",
  "criterion2",
  "dynamicCriteria",
  "filterOn",
  "icon",
  "operator",
  "subField",
  "values",
] as const;

/**
 * What `filter.criteria` answers: every field present, `null` where the kind
 * does not use it (office-js #1226, "FilterCriteria objects with invalid null properties").
 */
export function criteriaAsRead(criteria: FakeFilterCriteria): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const field of CRITERIA_FIELDS) {
    const value = criteria[field];
    read[field] = value === undefined ? null : structuredClone(value);
  }
  return read;
}

/** Month names as Excel.DynamicFilterCriteria spells them ("Februray", sic). */
const MONTHS = [
  "January",
  "Februray",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DYNAMIC = new Set([
  "AboveAverage",
  "BelowAverage",
  "Today",
  "Yesterday",
  "Tomorrow",
  "ThisWeek",
  "LastWeek",
  "NextWeek",
  "ThisMonth",
  "LastMonth",
  "NextMonth",
  "ThisQuarter",
  "LastQuarter",
  "NextQuarter",
  "ThisYear",
  "LastYear",
  "NextYear",
  "YearToDate",
  ...["Quarter1", "Quarter2", "Quarter3", "Quarter4"].map((q) => `AllDatesInPeriod${q}`),
  ...MONTHS.map((m) => `AllDatesInPeriod${m}`),
]);

const invalid = (why: string) =>
  new FakeExcelError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format (${why}).`
  );

/**
 * `filter.apply(criteria)`: refuses any field set to `null` (office-js #1226:
 * "RichApi.Error: The argument is invalid or missing or has an incorrect
 * format"), and criteria that lack what their kind needs (the FilterCriteria
 * page says which field each kind uses). A dynamic filter Excel cannot name
 * ("Unknown") and an icon filter on no icon (set "Invalid") are values Excel
 * reads back but cannot apply: the fake refuses them (assumed, not documented).
 */
export function checkCriteria(input: unknown): FakeFilterCriteria {
  if (typeof input !== "object" || input === null) throw invalid("no criteria");
  const criteria = input as Record<string, unknown>;
  for (const [field, value] of Object.entries(criteria))
    if (value === null) throw invalid(`${field} is null`);
  const c = criteria as unknown as FakeFilterCriteria;
  switch (c.filterOn) {
    case "Values":
      if (!Array.isArray(c.values) || c.values.length === 0) throw invalid("values");
      break;
    case "Custom":
      if (typeof c.criterion1 !== "string") throw invalid("criterion1");
      if (c.criterion2 !== undefined && c.operator === undefined) throw invalid("operator");
      break;
    case "TopItems":
    case "BottomItems":
    case "TopPercent":
    case "BottomPercent": {
      const n = Number(c.criterion1);
      const max = c.filterOn.endsWith("Percent") ? 100 : 500;
      if (!Number.isInteger(n) || n < 1 || n > max) throw invalid("criterion1");
      break;
    }
    case "Dynamic":
      if (!DYNAMIC.has(String(c.dynamicCriteria))) throw invalid("dynamicCriteria");
      break;
    case "CellColor":
    case "FontColor":
      if (typeof c.color !== "string" || c.color === "") throw invalid("color");
      break;
    case "Icon":
      if (typeof c.icon !== "object" || c.icon === undefined || c.icon.set === "Invalid")
        throw invalid("icon");
      break;
    default:
      throw invalid("filterOn");
  }
  return structuredClone(c);
}

/** Rows of a table that its filters hide (1-based worksheet rows). */
export function hiddenRows(
  table: TableState,
  sheet: SheetState,
  dateSystem: DateSystem,
  today: number
): Set<number> {
  const hidden = new Set<number>();
  for (const [col, filter] of table.filters) {
    const cells: CellState[] = [];
    for (let i = 0; i < table.rowCount; i++)
      cells.push(getCell(sheet, table.headerRow + 1 + i, table.firstColumn + col));
    const shown = visible(filter.criteria, cells, dateSystem, today);
    shown.forEach((show, i) => {
      if (!show) hidden.add(table.headerRow + 1 + i);
    });
  }
  return hidden;
}

function visible(
  c: FakeFilterCriteria,
  cells: readonly CellState[],
  dateSystem: DateSystem,
  today: number
): boolean[] {
  const days = (n: number | null) => (n === null ? null : dayFromSerial(n, dateSystem));
  const numbers = cells.map((cell) => (typeof cell.value === "number" ? cell.value : null));
  switch (c.filterOn) {
    case "Values":
      return cells.map((cell) => c.values!.some((v) => valueMatches(v, cell, dateSystem)));
    case "Custom":
      return cells.map((cell) => {
        const first = customMatches(c.criterion1!, cell);
        if (c.criterion2 === undefined) return first;
        const second = customMatches(c.criterion2, cell);
        return c.operator === "Or" ? first || second : first && second;
      });
    case "TopItems":
    case "BottomItems":
    case "TopPercent":
    case "BottomPercent": {
      const present = numbers.filter((n): n is number => n !== null);
      const top = c.filterOn.startsWith("Top");
      const sorted = [...present].sort((a, b) => (top ? b - a : a - b));
      const n = Number(c.criterion1);
      const count = c.filterOn.endsWith("Percent") ? Math.ceil((present.length * n) / 100) : n;
      const limit = sorted[Math.min(count, sorted.length) - 1];
      return numbers.map(
        (v) => v !== null && limit !== undefined && (top ? v >= limit : v <= limit)
      );
    }
    case "Dynamic":
      return dynamicVisible(c.dynamicCriteria!, numbers, days, today);
    case "CellColor":
      return cells.map((cell) => sameColour(cell.fill, c.color!));
    case "FontColor":
      return cells.map((cell) => sameColour(cell.fontColor, c.color!));
    case "Icon":
      return cells.map(
        (cell) => cell.icon?.set === c.icon!.set && cell.icon.index === c.icon!.index
      );
  }
}

function display(cell: CellState): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "object") return cell.value.error;
  return String(cell.value);
}

function valueMatches(
  value: string | FilterDatetime,
  cell: CellState,
  dateSystem: DateSystem
): boolean {
  if (typeof value === "string") return display(cell).toLowerCase() === value.toLowerCase();
  if (typeof cell.value !== "number") return false;
  const day = dayFromSerial(cell.value, dateSystem);
  if (day === null) return false;
  const iso = isoFromDay(day);
  const length = value.specificity === "Year" ? 4 : value.specificity === "Month" ? 7 : 10;
  return iso.slice(0, length) === value.date.slice(0, length);
}

/** Custom criteria as Excel writes them: an operator (=, <>, >, >=, <, <=) then a value, `*` and `?` as wildcards. */
function customMatches(criterion: string, cell: CellState): boolean {
  const match = /^(<>|>=|<=|=|>|<)?(.*)$/.exec(criterion)!;
  const operator = match[1] ?? "=";
  const operand = match[2];
  const number = Number(operand);
  if (operand !== "" && !Number.isNaN(number) && operator !== "=" && operator !== "<>") {
    if (typeof cell.value !== "number") return false;
    const v = cell.value;
    return operator === ">"
      ? v > number
      : operator === ">="
        ? v >= number
        : operator === "<"
          ? v < number
          : v <= number;
  }
  const pattern = new RegExp(
    `^${operand
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i"
  );
  const equal = pattern.test(display(cell));
  return operator === "<>" ? !equal : operator === "=" ? equal : false;
}

function dynamicVisible(
  criteria: string,
  numbers: (number | null)[],
  days: (serial: number | null) => number | null,
  today: number
): boolean[] {
  if (criteria === "AboveAverage" || criteria === "BelowAverage") {
    const present = numbers.filter((n): n is number => n !== null);
    const average = present.reduce((a, b) => a + b, 0) / Math.max(1, present.length);
    return numbers.map(
      (n) => n !== null && (criteria === "AboveAverage" ? n > average : n < average)
    );
  }
  const now = new Date(today * 86_400_000);
  return numbers.map((n) => {
    const day = days(n);
    if (day === null) return false;
    const d = new Date(day * 86_400_000);
    const month = d.getUTCMonth();
    const year = d.getUTCFullYear();
    const period = /^AllDatesInPeriod(.*)$/.exec(criteria)?.[1];
    if (period?.startsWith("Quarter")) return Math.floor(month / 3) + 1 === Number(period[7]);
    if (period !== undefined) return MONTHS.indexOf(period) === month;
    const offset = criteria.startsWith("Last") ? -1 : criteria.startsWith("Next") ? 1 : 0;
    if (criteria === "Today" || criteria === "Yesterday" || criteria === "Tomorrow")
      return day === today + (criteria === "Yesterday" ? -1 : criteria === "Tomorrow" ? 1 : 0);
    if (criteria === "YearToDate") return year === now.getUTCFullYear() && day <= today;
    if (criteria.endsWith("Year")) return year === now.getUTCFullYear() + offset;
    const months = year * 12 + month - (now.getUTCFullYear() * 12 + now.getUTCMonth());
    if (criteria.endsWith("Month")) return months === offset;
    if (criteria.endsWith("Quarter")) {
      const quarter = (y: number, m: number) => y * 4 + Math.floor(m / 3);
      return quarter(year, month) - quarter(now.getUTCFullYear(), now.getUTCMonth()) === offset;
    }
    // Weeks start on Sunday, as in Excel's date filters.
    const week = (x: number) => Math.floor((x + 4) / 7);
    return week(day) - week(today) === offset;
  });
}

function sameColour(colour: string | undefined, wanted: string): boolean {
  return (colour ?? "").toUpperCase() === wanted.toUpperCase();
}
