import * as z from "zod/mini";
import { usableAcceptances } from "./accepted-warnings";

/**
 * What a host (Office.js or an .xlsx file) hands the engine: the workbook's
 * tables with raw cell values, as plain JSON. Dates arrive as Excel serial
 * numbers with their number formats, exactly as Office.js returns them.
 */
export const cellErrorSchema = z.object({ error: z.string() });
export const cellValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  cellErrorSchema,
]);

export const tableKindSchema = z.enum(["objectives", "phases", "indicators"]);
export const languageSchema = z.enum(["it", "en"]);

export const tableSnapshotSchema = z.object({
  name: z.string(),
  sheet: z.string(),
  /** Worksheet row (1-based) of the header; data starts on the next row. */
  headerRow: z.int().check(z.nonnegative()),
  /** Column index (0 = A) of the table's first column. */
  firstColumn: z.int().check(z.nonnegative()),
  headers: z.array(z.string()),
  /** Data rows only: no header row, no totals row. */
  rows: z.array(z.array(cellValueSchema)),
  /** Number format of every cell of `rows`, or null when the host cannot tell. */
  numberFormats: z.nullable(z.array(z.array(z.string()))),
  hasTotalsRow: z.boolean(),
  /**
   * False for an Excel table whose header row is turned off (Table Design > Header Row):
   * `headers` are then its column names, and no status column can be added under a header.
   */
  showHeaders: z.optional(z.boolean()),
  /**
   * True for a plain range (domain.md §2): cells under a header row, not an
   * Excel table. Only engine/map makes these, from `sheets`; hosts never do.
   */
  plain: z.optional(z.boolean()),
});

/**
 * A sheet's cells from A1 down its used range, for engine/map to find plain
 * ranges in. Hosts report sheets only when one of the three tables is not
 * among the Excel tables (see `needsPlainRanges`).
 */
export const sheetSnapshotSchema = z.object({
  name: z.string(),
  /** Row 1 first, column A first; rows may be shorter than the widest one. */
  rows: z.array(z.array(cellValueSchema)),
  /** Number format of every cell of `rows`, or null when the host cannot tell. */
  numberFormats: z.nullable(z.array(z.array(z.string()))),
});

export const tableMappingSchema = z.object({
  table: z.string(),
  /** Field key (see map/fields.ts) → header as written in the workbook. */
  columns: z.optional(z.record(z.string(), z.string())),
});

/** Settings stored in the workbook so that every co-author computes and writes the same values. */
export const workbookSettingsSchema = z.object({
  mapping: z.optional(
    z.object({
      objectives: z.optional(tableMappingSchema),
      phases: z.optional(tableMappingSchema),
      indicators: z.optional(tableMappingSchema),
    })
  ),
  asOf: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  planYear: z.optional(z.int().check(z.gte(1900), z.lte(9999))),
  statusLanguage: z.optional(languageSchema),
  /** Warnings the planning office accepted (domain.md §4); bad entries are dropped one by one, never the whole settings. */
  acceptedWarnings: z.optional(z.pipe(z.unknown(), z.transform(usableAcceptances))),
});

export const workbookSnapshotSchema = z.object({
  dateSystem: z.union([z.literal(1900), z.literal(1904)]),
  tables: z.array(tableSnapshotSchema),
  /** Sheets holding no Excel table, where a plain range may stand in for a missing table. */
  sheets: z.optional(z.array(sheetSnapshotSchema)),
  settings: workbookSettingsSchema,
});

export type CellError = z.infer<typeof cellErrorSchema>;
export type CellValue = z.infer<typeof cellValueSchema>;
export type TableKind = z.infer<typeof tableKindSchema>;
export type Language = z.infer<typeof languageSchema>;
export type TableSnapshot = z.infer<typeof tableSnapshotSchema>;
export type SheetSnapshot = z.infer<typeof sheetSnapshotSchema>;
export type TableMapping = z.infer<typeof tableMappingSchema>;
export type WorkbookSettings = z.infer<typeof workbookSettingsSchema>;
export type WorkbookSnapshot = z.infer<typeof workbookSnapshotSchema>;
export type DateSystem = WorkbookSnapshot["dateSystem"];

export const TABLE_KINDS: readonly TableKind[] = ["objectives", "phases", "indicators"];

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null;
}
