/**
 * The reasons the .xlsx adapter reports as codes, which the catalogues turn
 * into sentences. They live here, not in the adapter, so that i18n imports no
 * adapter: the adapter imports its codes from i18n.
 */

/** Why a file cannot be read at all. */
export type ReadFailure =
  | "legacy-xls"
  | "encrypted"
  | "not-zip"
  | "not-workbook"
  | "corrupt"
  | "no-tables"
  | "multi-disk"
  | "too-many-parts"
  | "part-too-large"
  | "too-large"
  | "over-compressed"
  | "bad-character"
  | "dtd"
  | "table-too-large"
  | "sheet-too-large"
  | "table-columns";

/** Why a table's status columns could not be written. */
export type SkipReason = "occupied" | "overlaps-table" | "merged-cells" | "sheet-full";
