import type {
  CellValue,
  DateSystem,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSettings,
  WorkbookSnapshot,
} from "../../engine/snapshot";
import { mapWorkbook, needsPlainRanges } from "../../engine/map/map-workbook";
import { parseRangeRef, type RangeRef } from "../../engine/range-ref";
import { cellAddress, sheetCellReference } from "../../engine/cell-address";
import {
  forEachCell,
  locateSheetData,
  MAX_COLUMN,
  readCellValue,
  scanRows,
  type CellTag,
} from "./sheet-xml";
import { readDocumentSettings } from "./document-settings";
import { readStyles, type Styles } from "./styles";
import { bulkPartXml, partXml } from "./part-xml";
import { WorkbookReadError, XlsxPackage } from "./xlsx-package";
import {
  attrByLocalName,
  decodeOoxmlEscapes,
  findElement,
  findElements,
  stringItemText,
  XmlError,
} from "./xml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export interface XlsxTable {
  readonly name: string;
  readonly sheet: string;
  readonly sheetPath: string;
  readonly tablePath: string;
  readonly ref: RangeRef;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  readonly columns: readonly string[];
}

/** What the writer needs to find its way back into the package. */
export interface XlsxWorkbook {
  readonly pkg: XlsxPackage;
  /**
   * The text of each sheet that holds a table, for the writer. Kept rather
   * than decompressed again: measured on the bench's workbook, a second
   * decompression costs the write more peak memory than the text costs the check.
   */
  readonly sheetXml: ReadonlyMap<string, string>;
  readonly dateSystem: DateSystem;
  readonly stylesPath: string | null;
  readonly styles: Styles;
  readonly tables: readonly XlsxTable[];
  /** Sheet name → sheet part, for the sheets read for plain ranges (their text is in `sheetXml`). */
  readonly plainSheets: ReadonlyMap<string, string>;
}

export interface ReadResult {
  readonly workbook: XlsxWorkbook;
  readonly snapshot: WorkbookSnapshot;
}

/** Excel's last row. */
const MAX_ROW = 1_048_576;

/**
 * The most cells the tables of one workbook may hold, header and totals rows
 * left out. A municipality's plan is a few hundred thousand rows of about ten
 * columns: this is several times that, and keeps the snapshot (a value and a
 * number format per cell) well within the command line's memory.
 */
export const MAX_TABLE_CELLS = 4_000_000;

/**
 * Reads an .xlsx into the engine's snapshot: every table's headers, values and
 * number formats, and the settings the add-in stored in the workbook. Whatever
 * the file holds, the only error thrown is a WorkbookReadError.
 */
export function readXlsx(bytes: Uint8Array, fileName: string): ReadResult {
  try {
    const pkg = XlsxPackage.open(bytes, fileName);
    return readPackage(pkg, readDocumentSettings(pkg));
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    if (error instanceof XmlError) throw new WorkbookReadError(error.fault, error.message);
    // A file this reader did not foresee (a string too long for the engine, say) is damaged to its user, never a crash.
    throw new WorkbookReadError("corrupt", error instanceof Error ? error.message : String(error));
  }
}

function readPackage(pkg: XlsxPackage, settings: WorkbookSettings): ReadResult {
  const workbookPath = pkg.relationships("").find((r) => isRel(r.type, "officeDocument"))?.target;
  const workbookXml = workbookPath === undefined ? null : partXml(pkg, workbookPath);
  if (workbookPath === undefined || workbookXml === null)
    throw new WorkbookReadError("not-workbook");

  const workbookRels = pkg.relationships(workbookPath);
  const workbookPr = findElement(workbookXml, "workbookPr");
  const date1904 = workbookPr?.attrs.date1904;
  const dateSystem: DateSystem = date1904 === "1" || date1904 === "true" ? 1904 : 1900;
  const stylesPath = workbookRels.find((r) => isRel(r.type, "styles"))?.target ?? null;
  const styles = readStyles(stylesPath === null ? null : partXml(pkg, stylesPath));
  const sstPath = workbookRels.find((r) => isRel(r.type, "sharedStrings"))?.target;
  const sharedStrings = sstPath === undefined ? [] : readSharedStrings(pkg, sstPath);

  const tables: XlsxTable[] = [];
  const snapshots: TableSnapshot[] = [];
  const budget = { cells: 0 };
  const sheetXml = new Map<string, string>();
  const tableless: { name: string; path: string }[] = [];
  for (const sheet of findElements(workbookXml, "sheet")) {
    const relId = attrByLocalName(sheet.attrs, "id");
    const sheetPath = workbookRels.find((r) => r.id === relId)?.target;
    if (sheetPath === undefined || !pkg.has(sheetPath)) continue; // chart sheets and dialog sheets have no tables
    const sheetName = sheet.attrs.name ?? "";
    const sheetTables = pkg
      .relationships(sheetPath)
      .filter((r) => isRel(r.type, "table"))
      .map((r) => readTable(pkg, r.target, sheetName, sheetPath));
    if (sheetTables.length === 0) {
      tableless.push({ name: sheetName, path: sheetPath });
      continue;
    }
    tables.push(...sheetTables);
    const xml = bulkPartXml(pkg, sheetPath)!;
    sheetXml.set(sheetPath, xml);
    snapshots.push(...readSheetTables(xml, sheetTables, sharedStrings, styles, dateSystem, budget));
  }
  const snapshot: WorkbookSnapshot = { dateSystem, tables: snapshots, settings };
  const plainSheets = new Map<string, string>();
  // Sheets are read whole only when a table is missing: engine/map then looks for plain ranges in them.
  if (needsPlainRanges(snapshot)) {
    const sheets: SheetSnapshot[] = [];
    for (const { name, path } of tableless) {
      const xml = bulkPartXml(pkg, path);
      if (xml === null) continue;
      sheets.push(readSheetGrid(xml, name, sharedStrings, styles, dateSystem, budget));
      sheetXml.set(path, xml);
      plainSheets.set(name, path);
    }
    snapshot.sheets = sheets;
  }
  const mapping = tables.length === 0 ? mapWorkbook(snapshot) : null;
  if (mapping !== null && Object.values(mapping).every((mapped) => mapped === null))
    throw new WorkbookReadError("no-tables");
  return {
    workbook: { pkg, sheetXml, dateSystem, stylesPath, styles, tables, plainSheets },
    snapshot,
  };
}

/**
 * A sheet's cells from A1 to its last cell, within the workbook's cell budget
 * (shared with the tables): a row is as long as its last cell.
 */
function readSheetGrid(
  xml: string,
  sheet: string,
  sharedStrings: readonly string[],
  styles: Styles,
  dateSystem: DateSystem,
  budget: { cells: number }
): SheetSnapshot {
  const rows: CellValue[][] = [];
  const formats: string[][] = [];
  const data = locateSheetData(xml);
  let whereRow = 0;
  let whereCol = -1;
  try {
    scanRows(xml, data, (row) => {
      whereRow = row.row;
      whereCol = -1;
      const cells: { col: number; value: CellValue; format: string }[] = [];
      const rowStyle =
        row.attrs.customFormat === "1" || row.attrs.customFormat === "true"
          ? (styles.formats[Number(row.attrs.s ?? 0)] ?? "General")
          : "General";
      forEachCell(xml, row, data.prefix, (cell) => {
        whereCol = cell.col;
        // An empty cell keeps its format: a status column's format, set on a blank cell, must be seen as set.
        const value =
          cell.openEnd === cell.end
            ? null
            : readCellValue(xml, cell, data.prefix, sharedStrings, dateSystem);
        cells.push({ col: cell.col, value, format: styles.formats[cell.style] ?? "General" });
      });
      if (cells.length === 0) return;
      const width = Math.max(...cells.map((c) => c.col)) + 1;
      const blankRows = row.row - 1 - rows.length;
      if (budget.cells + width + Math.max(blankRows, 0) > MAX_TABLE_CELLS)
        throw new WorkbookReadError(
          "sheet-too-large",
          [sheet, String(row.row), String(MAX_TABLE_CELLS)].join("\t")
        );
      budget.cells += width + Math.max(blankRows, 0);
      while (rows.length < row.row - 1) {
        rows.push([]);
        formats.push([]);
      }
      const values = new Array<CellValue>(width).fill(null);
      const rowFormats = new Array<string>(width).fill(rowStyle);
      for (const cell of cells) {
        values[cell.col] = cell.value;
        rowFormats[cell.col] = cell.format;
      }
      rows[row.row - 1] = values;
      formats[row.row - 1] = rowFormats;
    });
  } catch (error) {
    if (error instanceof XmlError)
      throw new WorkbookReadError(
        error.fault,
        `${sheetCellReference(sheet, whereCol < 0 ? `${whereRow}:${whereRow}` : cellAddress(whereCol, whereRow))}: ${error.message}`
      );
    throw error;
  }
  return { name: sheet, rows, numberFormats: formats };
}

function isRel(type: string, name: string): boolean {
  return type === `${REL}/${name}` || type === `${STRICT_REL}/${name}`;
}

function readSharedStrings(pkg: XlsxPackage, path: string): string[] {
  const xml = bulkPartXml(pkg, path);
  if (xml === null) return [];
  const strings: string[] = [];
  try {
    // One item at a time: a list of every <si> element first would be as many objects as strings.
    for (let si = findElement(xml, "si"); si !== null; si = findElement(xml, "si", si.end))
      strings.push(stringItemText(xml, si.openEnd, si.innerEnd));
  } catch (error) {
    if (error instanceof XmlError)
      throw new WorkbookReadError(
        error.fault,
        `${path} (si ${strings.length + 1}): ${error.message}`
      );
    throw error;
  }
  return strings;
}

function readTable(
  pkg: XlsxPackage,
  tablePath: string,
  sheet: string,
  sheetPath: string
): XlsxTable {
  const xml = partXml(pkg, tablePath);
  const table = xml === null ? null : findElement(xml, "table");
  const ref = table === null ? null : parseRangeRef(table.attrs.ref ?? "");
  const headerRowCount = Number(table?.attrs.headerRowCount ?? 1);
  const totalsRowCount = Number(table?.attrs.totalsRowCount ?? 0);
  if (
    xml === null ||
    table === null ||
    ref === null ||
    ref.firstRow < 1 ||
    ref.lastRow > MAX_ROW ||
    ref.firstRow > ref.lastRow ||
    ref.firstColumn > ref.lastColumn ||
    ref.lastColumn > MAX_COLUMN ||
    !(headerRowCount === 0 || headerRowCount === 1) ||
    !(totalsRowCount === 0 || totalsRowCount === 1)
  )
    throw new WorkbookReadError("corrupt", `table part ${tablePath}`);
  const columns = findElements(xml, "tableColumn").map((c) =>
    decodeOoxmlEscapes(c.attrs.name ?? "")
  );
  const name = table.attrs.displayName ?? table.attrs.name ?? "";
  const width = ref.lastColumn - ref.firstColumn + 1;
  // Excel keeps one <tableColumn> per column of the range; a table that disagrees cannot be mapped to its cells.
  if (columns.length !== width)
    throw new WorkbookReadError(
      "table-columns",
      [name, sheet, String(width), String(columns.length)].join("\t")
    );
  return {
    name,
    sheet,
    sheetPath,
    tablePath,
    ref,
    headerRowCount,
    totalsRowCount,
    columns,
  };
}

interface Grid {
  readonly table: XlsxTable;
  readonly firstData: number;
  readonly lastData: number;
  readonly width: number;
  readonly rows: CellValue[][];
  /**
   * A row's formats start as the row above's list, shared, and are copied
   * only when a cell differs (`owned` holds the lists one row has to itself):
   * most rows of a table are formatted alike, and a list per row would be
   * ~100 bytes times 180,000, all of it garbage once equal rows were merged.
   */
  readonly formats: string[][];
  readonly owned: WeakSet<string[]>;
  /** The last data row the sheet holds, once the table is past the cell limit. */
  overflowRow: number;
}

/**
 * One pass over the sheet's rows collects the cells of all its tables. A
 * table's rows stop at the last row the sheet holds: rows after it have no
 * cell, so they are blank, and blank rows are not data. Sizing from the rows
 * that exist rather than from the table's `ref` is what keeps a 9 KB part
 * saying `A1:XFD1048576` from allocating 17 billion cells.
 */
function readSheetTables(
  xml: string,
  tables: readonly XlsxTable[],
  sharedStrings: readonly string[],
  styles: Styles,
  dateSystem: DateSystem,
  budget: { cells: number }
): TableSnapshot[] {
  const general = styles.formats[0] ?? "General";
  const grids: Grid[] = tables.map((table) => ({
    table,
    firstData: table.ref.firstRow + table.headerRowCount,
    lastData: table.ref.lastRow - table.totalsRowCount,
    width: table.ref.lastColumn - table.ref.firstColumn + 1,
    rows: [],
    formats: [],
    owned: new WeakSet(),
    overflowRow: 0,
  }));
  const sheet = tables[0].sheet;
  // Where an error was met, kept as numbers: a string per cell would be a million strings.
  let whereRow = 0;
  let whereCol = -1;
  const visitCell = (cell: CellTag, hits: readonly Grid[]) => {
    let value: CellValue | undefined;
    for (const grid of hits) {
      const col = cell.col - grid.table.ref.firstColumn;
      if (col < 0 || col >= grid.width || grid.overflowRow > 0) continue;
      whereCol = cell.col;
      value ??= readCellValue(xml, cell, data.prefix, sharedStrings, dateSystem);
      const index = cell.row - grid.firstData;
      grid.rows[index][col] = value;
      setFormat(grid, index, col, styles.formats[cell.style] ?? "General");
    }
  };
  const data = locateSheetData(xml);
  try {
    scanRows(xml, data, (row) => {
      whereRow = row.row;
      whereCol = -1;
      const hits = grids.filter((g) => row.row >= g.firstData && row.row <= g.lastData);
      if (hits.length === 0) return;
      const rowStyle =
        row.attrs.customFormat === "1" || row.attrs.customFormat === "true"
          ? (styles.formats[Number(row.attrs.s ?? 0)] ?? "General")
          : null;
      for (const grid of hits) {
        const index = row.row - grid.firstData;
        if (grid.overflowRow > 0 || !materialise(grid, index, general, budget)) {
          grid.overflowRow = row.row;
          continue;
        }
        if (rowStyle !== null)
          for (let col = 0; col < grid.width; col++) setFormat(grid, index, col, rowStyle);
      }
      forEachCell(xml, row, data.prefix, (cell) => visitCell(cell, hits));
    });
  } catch (error) {
    if (error instanceof XmlError)
      throw new WorkbookReadError(
        error.fault,
        `${sheetCellReference(sheet, whereCol < 0 ? `${whereRow}:${whereRow}` : cellAddress(whereCol, whereRow))}: ${error.message}`
      );
    throw error;
  }
  const tooLarge = grids.find((g) => g.overflowRow > 0);
  if (tooLarge !== undefined) {
    const rows = tooLarge.overflowRow - tooLarge.firstData + 1;
    throw new WorkbookReadError(
      "table-too-large",
      [
        tooLarge.table.name,
        tooLarge.table.sheet,
        String(rows),
        String(tooLarge.width),
        String(MAX_TABLE_CELLS),
      ].join("\t")
    );
  }
  return grids.map(({ table, rows, formats }) => ({
    name: table.name,
    sheet: table.sheet,
    headerRow: table.headerRowCount > 0 ? table.ref.firstRow : table.ref.firstRow - 1,
    firstColumn: table.ref.firstColumn,
    headers: table.columns.slice(),
    rows,
    numberFormats: formats,
    hasTotalsRow: table.totalsRowCount > 0,
  }));
}

/** Sets one cell's format, copying the row's list first when another row shares it. */
function setFormat(grid: Grid, index: number, col: number, format: string): void {
  let formats = grid.formats[index];
  if (formats[col] === format) return;
  if (!grid.owned.has(formats)) {
    formats = formats.slice();
    grid.formats[index] = formats;
    grid.owned.add(formats);
  }
  formats[col] = format;
}

/** Blank rows up to `index` (rows the sheet skips are blank), within the workbook's cell budget; false past it. */
function materialise(grid: Grid, index: number, general: string, budget: { cells: number }) {
  const missing = index + 1 - grid.rows.length;
  if (missing <= 0) return true;
  if (budget.cells + missing * grid.width > MAX_TABLE_CELLS) return false;
  budget.cells += missing * grid.width;
  while (grid.rows.length <= index) {
    grid.rows.push(new Array<CellValue>(grid.width).fill(null));
    // Shared with the row above, which then no longer has its list to itself.
    const above =
      grid.formats[grid.formats.length - 1] ?? new Array<string>(grid.width).fill(general);
    grid.owned.delete(above);
    grid.formats.push(above);
  }
  return true;
}
