import { columnIndex, columnLetters } from "./cell-address";

/** A rectangular range like `A1:H3`, zero-based columns and worksheet rows. */
export interface RangeRef {
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly lastColumn: number;
  readonly lastRow: number;
}

export function parseRangeRef(ref: string): RangeRef | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!match) return null;
  const first = columnIndex(match[1]);
  const last = columnIndex(match[3] ?? match[1]);
  if (first === null || last === null) return null;
  return {
    firstColumn: first,
    firstRow: Number(match[2]),
    lastColumn: last,
    lastRow: Number(match[4] ?? match[2]),
  };
}

export function formatRangeRef(range: RangeRef): string {
  const start = `${columnLetters(range.firstColumn)}${range.firstRow}`;
  const end = `${columnLetters(range.lastColumn)}${range.lastRow}`;
  return start === end ? start : `${start}:${end}`;
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return (
    a.firstColumn <= b.lastColumn &&
    b.firstColumn <= a.lastColumn &&
    a.firstRow <= b.lastRow &&
    b.firstRow <= a.lastRow
  );
}
