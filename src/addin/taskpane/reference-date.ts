import { dayFromYmd, isoFromDay } from "../../engine/days";

/** Why typed text is not a reference date: it is not dd/mm/yyyy, no such day exists, or the year is cut short. */
export type DateTextProblem = "empty" | "format" | "impossible" | "year";

/** Reads dd/mm/yyyy (also with `.` or `-`) as an ISO date, or says what is wrong with it. */
export function parseReferenceDate(text: string): { iso: string } | { problem: DateTextProblem } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "empty" };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/.exec(trimmed);
  if (!match) return { problem: "format" };
  const [, d, m, y] = match;
  // `0002` or `24` is a year typed short, not the year 2 or 24: Excel's dates start in 1900.
  if (y.length !== 4 || Number(y) < 1900) return { problem: "year" };
  const day = dayFromYmd(Number(y), Number(m), Number(d));
  return day === null ? { problem: "impossible" } : { iso: isoFromDay(day) };
}
