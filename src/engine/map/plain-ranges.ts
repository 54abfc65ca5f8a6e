import { sheetCellReference } from "../cell-address";
import { isBlank } from "../parse/cells";
import { formatRangeRef, parseRangeRef } from "../range-ref";
import type { CellValue, SheetSnapshot, TableSnapshot } from "../snapshot";

/** domain.md §2: a plain range's header row is looked for within a sheet's first 20 rows. */
export const PLAIN_HEADER_ROWS = 20;

/** The sheet and header row a stored mapping names (`Fasi!A3`, `'Piano 2018'!A3:F9`), or null. */
export function plainRangeTarget(name: string): { sheet: string; headerRow: number } | null {
  const bang = name.lastIndexOf("!");
  if (bang <= 0) return null;
  const ref = parseRangeRef(name.slice(bang + 1));
  if (ref === null) return null;
  let sheet = name.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, headerRow: ref.firstRow };
}

/** The header row's cells as text: a number or date heading is still a heading. */
export function headerTexts(row: readonly CellValue[]): string[] {
  return row.map((value) =>
    value === null || typeof value === "object" ? "" : String(value).trim()
  );
}

/**
 * The plain range under `headerRow` of `sheet`: across from the first to the
 * last non-blank header, down to the first row blank across those columns
 * (or the end of the sheet). Null when the header row is blank.
 */
export function plainRangeAt(sheet: SheetSnapshot, headerRow: number): TableSnapshot | null {
  const headerCells = headerTexts(sheet.rows[headerRow - 1] ?? []);
  const firstColumn = headerCells.findIndex((text) => text !== "");
  if (firstColumn < 0) return null;
  let lastColumn = headerCells.length - 1;
  while (headerCells[lastColumn] === "") lastColumn--;
  const width = lastColumn - firstColumn + 1;
  const rows: CellValue[][] = [];
  const formats: string[][] | null = sheet.numberFormats === null ? null : [];
  for (let r = headerRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const row = Array.from({ length: width }, (_, i) => cells[firstColumn + i] ?? null);
    if (row.every(isBlank)) break;
    rows.push(row);
    const rowFormats = sheet.numberFormats?.[r] ?? [];
    formats?.push(
      Array.from({ length: width }, (_, i) => rowFormats[firstColumn + i] ?? "General")
    );
  }
  const ref = {
    firstColumn,
    lastColumn,
    firstRow: headerRow,
    lastRow: headerRow + rows.length,
  };
  return {
    name: sheetCellReference(sheet.name, formatRangeRef(ref)),
    sheet: sheet.name,
    headerRow,
    firstColumn,
    headers: headerCells.slice(firstColumn, lastColumn + 1),
    rows,
    numberFormats: formats,
    hasTotalsRow: false,
    plain: true,
  };
}

/**
 * The first plain range, sheet by sheet, whose header row (within the first
 * 20 rows, and not one already claimed) `fits`.
 */
export function findPlainRange(
  sheets: readonly SheetSnapshot[],
  claimed: ReadonlySet<string>,
  fits: (headers: readonly string[]) => boolean
): TableSnapshot | null {
  for (const sheet of sheets) {
    const last = Math.min(PLAIN_HEADER_ROWS, sheet.rows.length);
    for (let headerRow = 1; headerRow <= last; headerRow++) {
      if (claimed.has(plainRangeKey(sheet.name, headerRow))) continue;
      if (!fits(headerTexts(sheet.rows[headerRow - 1]))) continue;
      return plainRangeAt(sheet, headerRow);
    }
  }
  return null;
}

/** One header row stands in for one table only. */
export function plainRangeKey(sheet: string, headerRow: number): string {
  return `${sheet.toLowerCase()}\n${headerRow}`;
}
