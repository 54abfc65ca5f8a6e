import type { StatusColumnKey, StatusColumnKind } from "../status-columns";
import type { Language, TableKind } from "../snapshot";

export type PlanValue = string | number | null;

export interface ColumnPlan {
  readonly key: StatusColumnKey;
  readonly kind: StatusColumnKind;
  /** Header in the workbook's status language. */
  readonly header: string;
  /** Index among the table's columns, or null when the column is appended at the right edge. */
  readonly existingIndex: number | null;
  /** An existing column whose header is in the other language gets `header`. */
  readonly rename: boolean;
  /** For percent and number columns; text columns keep the cell's format. */
  readonly numberFormat: string | null;
  /**
   * Only the cells whose value changes (every non-blank cell of a new column):
   * data-row indexes in ascending order, and the value for each (null clears
   * the cell). Two parallel arrays, not an object per cell: a plan can hold a
   * million cells; the indexes are 4 bytes each, sized once, not grown.
   */
  readonly writeRows: Uint32Array;
  readonly writeValues: readonly PlanValue[];
  /** Data rows whose number format must be set to `numberFormat`, ascending. */
  readonly formatRows: Uint32Array;
}

export interface TablePlan {
  readonly kind: TableKind;
  readonly table: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  /** Columns the table has now, before any is appended. */
  readonly columnCount: number;
  readonly rowCount: number;
  readonly columns: readonly ColumnPlan[];
  /**
   * A plain range (domain.md §2), not an Excel table: the host writes its
   * cells only, right of `columnCount` columns from `firstColumn`, rows
   * `headerRow` to `headerRow + rowCount`.
   */
  readonly plain?: boolean;
}

/**
 * What a host must write: only status columns, only changed cells. Planning
 * again after applying it gives an empty plan.
 */
export interface WritePlan {
  readonly language: Language;
  readonly tables: readonly TablePlan[];
}

export const PERCENT_FORMAT = "0%";
export const NUMBER_FORMAT = "0.00";

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
