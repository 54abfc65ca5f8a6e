import { dayFromSerial, dayFromYmd, type Day } from "../days";
import { isCellError, type CellValue, type DateSystem } from "../snapshot";
import { isDateFormat, isPercentFormat } from "./number-formats";

/**
 * The outcome of reading one cell strictly (domain.md §3): blank, a value, or
 * invalid with the reason, so that the message can say exactly what to fix.
 */
export type Parsed<T> =
  | { readonly kind: "blank" }
  | { readonly kind: "ok"; readonly value: T }
  | { readonly kind: "invalid"; readonly problem: Problem };

export type Problem =
  | { readonly type: "excel-error"; readonly error: string }
  | { readonly type: "ambiguous-decimal"; readonly text: string; readonly suggestion: string }
  | { readonly type: "not-a-number"; readonly text: string }
  | { readonly type: "out-of-range"; readonly value: number }
  | { readonly type: "not-a-date"; readonly text: string }
  | { readonly type: "impossible-date"; readonly text: string }
  | { readonly type: "number-not-formatted-as-date"; readonly value: number };

const BLANK = { kind: "blank" } as const;

/**
 * Parsed values are immutable, so the common ones are shared: whole points
 * 0–100 and calendar days. A plan of 100,000 phases then allocates a few
 * thousand of these, not half a million.
 */
const POINTS = Array.from({ length: 101 }, (_, value) => ({ kind: "ok", value }) as const);
const DAYS = new Map<Day, { readonly kind: "ok"; readonly value: Day }>();
const MAX_SHARED_DAYS = 20_000;

function okPoints(value: number): Parsed<number> {
  return Number.isInteger(value) && value >= 0 && value <= 100
    ? POINTS[value]
    : { kind: "ok", value };
}

function okDay(value: Day): Parsed<Day> {
  let parsed = DAYS.get(value);
  if (parsed === undefined) {
    parsed = { kind: "ok", value };
    if (DAYS.size < MAX_SHARED_DAYS) DAYS.set(value, parsed);
  }
  return parsed;
}

// \s covers the non-breaking space (U+00A0) and the other Unicode spaces.
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Text fields (codes, titles, descriptions): blank or an Excel error count as missing. */
export function parseText(value: CellValue): Parsed<string> {
  if (value === null || isBlank(value)) return BLANK;
  if (isCellError(value))
    return { kind: "invalid", problem: { type: "excel-error", error: value.error } };
  return { kind: "ok", value: typeof value === "string" ? value.trim() : displayText(value) };
}

/** How a non-text value reads in a message, without guessing a locale. */
export function displayText(value: CellValue): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

const ITALIAN_NUMBER = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const DOT_DECIMAL = /^([+-]?)(\d+)\.(\d+)$/;

/**
 * Percentage points (0–100) as weights and progress are written: a number, or
 * text with a decimal comma, thousands dots in groups of three and an optional
 * `%`. A numeric cell formatted as a percentage holds a fraction (0,7 shown as
 * 70%) and reads as 70. Text like `70.00` is ambiguous and invalid.
 */
export function parsePoints(value: CellValue, format: string | null): Parsed<number> {
  if (value === null || isBlank(value)) return BLANK;
  if (isCellError(value))
    return { kind: "invalid", problem: { type: "excel-error", error: value.error } };
  if (typeof value === "number") {
    return okPoints(format !== null && isPercentFormat(format) ? roundPoints(value * 100) : value);
  }
  if (typeof value === "boolean")
    return { kind: "invalid", problem: { type: "not-a-number", text: displayText(value) } };
  const text = value.trim();
  const body = text.endsWith("%") ? text.slice(0, -1).trimEnd() : text;
  const italian = ITALIAN_NUMBER.exec(body);
  if (italian) {
    const [, sign, whole, fraction] = italian;
    return okPoints(Number(`${sign}${whole.replace(/\./g, "")}.${fraction ?? "0"}`));
  }
  const dotted = DOT_DECIMAL.exec(body);
  if (dotted) {
    const [, sign, whole, fraction] = dotted;
    const suggestion = `${sign}${whole},${fraction}${body === text ? "" : "%"}`;
    return { kind: "invalid", problem: { type: "ambiguous-decimal", text, suggestion } };
  }
  return { kind: "invalid", problem: { type: "not-a-number", text } };
}

/** Percent-format fractions like 0.7 × 100 come out as 70.00000000000001; keep what the user sees. */
function roundPoints(points: number): number {
  return Math.round(points * 1e9) / 1e9;
}

const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** True when text has one of the accepted date shapes, with a four-digit year. */
export function looksLikeDate(text: string): boolean {
  const trimmed = text.trim();
  return DMY.test(trimmed) || YMD.test(trimmed);
}

/**
 * A calendar day: an Excel serial number formatted as a date (or of unknown
 * format), or text `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`,
 * `yyyy-mm-dd`. Impossible dates are invalid, never rolled over.
 */
export function parseDate(
  value: CellValue,
  format: string | null,
  dateSystem: DateSystem
): Parsed<Day> {
  if (value === null || isBlank(value)) return BLANK;
  if (isCellError(value))
    return { kind: "invalid", problem: { type: "excel-error", error: value.error } };
  if (typeof value === "number") {
    // A plain number (General, 0.00…) is what the user sees: a number, not a date. Guessing would hide the mistake.
    if (format !== null && !isDateFormat(format)) {
      return { kind: "invalid", problem: { type: "number-not-formatted-as-date", value } };
    }
    const day = dayFromSerial(value, dateSystem);
    return day === null
      ? { kind: "invalid", problem: { type: "impossible-date", text: String(value) } }
      : okDay(day);
  }
  if (typeof value === "boolean")
    return { kind: "invalid", problem: { type: "not-a-date", text: displayText(value) } };
  return parseDateText(value.trim());
}

export function parseDateText(text: string): Parsed<Day> {
  const dmy = DMY.exec(text);
  const ymd = dmy ? null : YMD.exec(text);
  if (!dmy && !ymd) return { kind: "invalid", problem: { type: "not-a-date", text } };
  const day = dmy
    ? dayFromYmd(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]))
    : dayFromYmd(Number(ymd![1]), Number(ymd![2]), Number(ymd![3]));
  return day === null
    ? { kind: "invalid", problem: { type: "impossible-date", text } }
    : okDay(day);
}
