/**
 * What a sheet of the round's summary holds, as plain data: one Excel table
 * from A1 with its columns' names, widths, formats and values, and words to
 * colour. The .xlsx adapter writes it (src/adapters/xlsx/table-workbook.ts):
 * the report reads no workbook and writes none.
 */

/** A link to a cell of another workbook: `target` is a relative URL with its `#Sheet!$A$1` fragment. */
export interface LinkValue {
  readonly text: string;
  readonly target: string;
}

export type TableValue = string | number | LinkValue | null;

export type NumberFormat = "0" | "0.00" | "0%" | "dd/mm/yyyy";

export interface TableColumn<Row> {
  readonly name: string;
  readonly width: number;
  readonly format?: NumberFormat;
  readonly value: (row: Row) => TableValue;
}

/** Cells of a column (0 is A) equal to a word get that word's fill (ARGB), as a conditional format. */
export interface WordColours {
  readonly column: number;
  readonly colours: readonly (readonly [word: string, colour: string])[];
}

export interface TableSheet<Row> {
  readonly sheet: string;
  readonly table: string;
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly colours?: readonly WordColours[];
  /** The tooltip of every link in the sheet. */
  readonly linkTip?: string;
}

/** Where the sheets go, in order: the .xlsx adapter's table workbook. */
export interface TableSink {
  addSheet<Row>(sheet: TableSheet<Row>): void;
}
