import { needsPlainRanges } from "../../engine/map/map-workbook";
import { cellAddress } from "../../engine/cell-address";
import type { TablePlan } from "../../engine/plan/write-plan";
import {
  formatRangeRef,
  parseRangeRef,
  rangesOverlap,
  type RangeRef,
} from "../../engine/range-ref";
import type { CellValue, SheetSnapshot } from "../../engine/snapshot";
import {
  MAX_NEW_COLUMNS,
  SYNC_BUDGET_BYTES,
  type OfficeTable,
  type OfficeWorkbook,
} from "./read-workbook";

/** Assumed size of one cell's value, type and format in a response. */
const BYTES_PER_CELL = 96;

/** A sheet read for plain ranges: what the writer must know besides its cells. */
export interface PlainSheet {
  readonly name: string;
  readonly protected: boolean;
  /** Merged areas of its used range: status columns never go into one. */
  readonly merges: readonly RangeRef[];
}

export interface PlainRangesWorkbook extends OfficeWorkbook {
  readonly plainSheets: readonly PlainSheet[];
}

/**
 * When one of the three tables is not an Excel table, adds the cells of every
 * sheet holding no table (A1 to the end of its used range) to the snapshot,
 * for engine/map to find plain ranges in: one sync for the sheets, one for
 * their used ranges, one for their merged areas, then row blocks of at most
 * 4 MB each.
 */
export async function readPlainSheets(
  context: Excel.RequestContext,
  workbook: OfficeWorkbook
): Promise<PlainRangesWorkbook> {
  if (!needsPlainRanges(workbook.snapshot)) return { ...workbook, plainSheets: [] };
  const withTables = new Set(workbook.tables.map((t) => t.sheet.toLowerCase()));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  await context.sync();
  const candidates = worksheets.items
    .filter((sheet) => !withTables.has(sheet.name.toLowerCase()))
    .map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet, used };
    });
  await context.sync();
  // Asked only of sheets that have a used range: a method of a null object fails the whole request.
  const mergedAreas = candidates.map(({ used }) => {
    if (used.isNullObject) return null;
    // Range.getMergedAreasOrNullObject: ExcelApi 1.13, within the manifest's 1.14
    // (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
    // Widened as far as status columns may go: a merged area there is in their way, empty or not.
    const merged = used.getResizedRange(0, MAX_NEW_COLUMNS).getMergedAreasOrNullObject();
    merged.load("address");
    return merged;
  });
  if (mergedAreas.some((merged) => merged !== null)) await context.sync();

  const sheets: SheetSnapshot[] = [];
  const plainSheets: PlainSheet[] = [];
  for (const [i, { sheet, used }] of candidates.entries()) {
    const merged = mergedAreas[i];
    const merges =
      merged === null || merged.isNullObject
        ? []
        : merged.address
            .split(",")
            .map((part) => parseRangeRef(part.replace(/^.*!/, "")))
            .filter((ref): ref is RangeRef => ref !== null);
    plainSheets.push({ name: sheet.name, protected: sheet.protection.protected, merges });
    if (used.isNullObject) {
      sheets.push({ name: sheet.name, rows: [], numberFormats: [] });
      continue;
    }
    const lastRow = used.rowIndex + used.rowCount;
    const width = used.columnIndex + used.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(SYNC_BUDGET_BYTES / BYTES_PER_CELL / width));
    const rows: CellValue[][] = [];
    const formats: string[][] = [];
    for (let first = 1; first <= lastRow; first += rowsPerBlock) {
      const last = Math.min(lastRow, first + rowsPerBlock - 1);
      const block = sheet.getRange(
        formatRangeRef({ firstColumn: 0, firstRow: first, lastColumn: width - 1, lastRow: last })
      );
      block.load("values,valueTypes,numberFormat");
      // One block per request: each response stays under Excel on the web's 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const types = block.valueTypes;
      block.values.forEach((row, r) =>
        rows.push(
          row.map((value, c): CellValue => {
            if (types[r][c] === "Error") return { error: String(value) };
            return value === "" ? null : (value as CellValue);
          })
        )
      );
      formats.push(...(block.numberFormat as string[][]));
    }
    sheets.push({ name: sheet.name, rows, numberFormats: formats });
  }
  return {
    ...workbook,
    snapshot: { ...workbook.snapshot, sheets },
    plainSheets,
  };
}

/**
 * A plain range's plan as the writer's table: its data rows, and the used or
 * merged cells in the columns right of it that status columns would need.
 */
export function plainTarget(workbook: OfficeWorkbook, plan: TablePlan): OfficeTable {
  const plainSheets = (workbook as Partial<PlainRangesWorkbook>).plainSheets ?? [];
  const sheet = plainSheets.find((s) => s.name === plan.sheet);
  const cells = workbook.snapshot.sheets?.find((s) => s.name === plan.sheet)?.rows ?? [];
  const right: RangeRef = {
    firstColumn: plan.firstColumn + plan.columnCount,
    lastColumn: plan.firstColumn + plan.columnCount + MAX_NEW_COLUMNS - 1,
    firstRow: plan.headerRow,
    lastRow: plan.headerRow + plan.rowCount,
  };
  let occupied: RangeRef | null = null;
  const take = (ref: RangeRef) => {
    occupied =
      occupied === null
        ? ref
        : {
            firstColumn: Math.min(occupied.firstColumn, ref.firstColumn),
            lastColumn: Math.max(occupied.lastColumn, ref.lastColumn),
            firstRow: Math.min(occupied.firstRow, ref.firstRow),
            lastRow: Math.max(occupied.lastRow, ref.lastRow),
          };
  };
  for (let row = right.firstRow; row <= right.lastRow; row++) {
    const values = cells[row - 1] ?? [];
    for (let col = right.firstColumn; col <= right.lastColumn; col++) {
      const value = values[col];
      if (value !== null && value !== undefined && value !== "")
        take({ firstColumn: col, lastColumn: col, firstRow: row, lastRow: row });
    }
  }
  for (const merge of sheet?.merges ?? []) {
    if (rangesOverlap(merge, right)) take(merge);
  }
  return {
    id: "",
    name: plan.table,
    sheet: plan.sheet,
    sheetProtected: sheet?.protected ?? false,
    firstDataRow: plan.headerRow + 1,
    firstColumn: plan.firstColumn,
    columnCount: plan.columnCount,
    rowCount: plan.rowCount,
    occupiedToTheRight: occupied === null ? null : formatRangeRef(occupied),
    filters: [],
    plain: { headerRow: plan.headerRow },
  };
}

/** The cell address of a plain range's header for column `index`. */
export function plainHeaderCell(table: OfficeTable, index: number): string {
  return cellAddress(table.firstColumn + index, table.plain!.headerRow);
}
