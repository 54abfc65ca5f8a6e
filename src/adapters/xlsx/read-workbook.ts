import type {
  CellValue,
  DateSystem,
  TableSnapshot,
  WorkbookSettings,
  WorkbookSnapshot,
} from "../../engine/snapshot";
import { parseRangeRef, type RangeRef } from "../../engine/range-ref";
import { locateSheetData, readCellValue, scanCells, scanRows } from "./sheet-xml";
import { readDocumentSettings } from "./document-settings";
import { readStyles, type Styles } from "./styles";
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
  readonly dateSystem: DateSystem;
  readonly stylesPath: string | null;
  readonly styles: Styles;
  readonly tables: readonly XlsxTable[];
}

export interface ReadResult {
  readonly workbook: XlsxWorkbook;
  readonly snapshot: WorkbookSnapshot;
}

/**
 * Reads an .xlsx into the engine's snapshot: every table's headers, values and
 * number formats, and the settings the add-in stored in the workbook.
 */
export function readXlsx(bytes: Uint8Array, fileName: string): ReadResult {
  const pkg = XlsxPackage.open(bytes, fileName);
  try {
    return readPackage(pkg, readDocumentSettings(pkg));
  } catch (error) {
    if (error instanceof XmlError) throw new WorkbookReadError("corrupt", error.message);
    throw error;
  }
}

function readPackage(pkg: XlsxPackage, settings: WorkbookSettings): ReadResult {
  const workbookPath = pkg.relationships("").find((r) => isRel(r.type, "officeDocument"))?.target;
  const workbookXml = workbookPath === undefined ? null : pkg.text(workbookPath);
  if (workbookPath === undefined || workbookXml === null)
    throw new WorkbookReadError("not-workbook");

  const workbookRels = pkg.relationships(workbookPath);
  const workbookPr = findElement(workbookXml, "workbookPr");
  const date1904 = workbookPr?.attrs.date1904;
  const dateSystem: DateSystem = date1904 === "1" || date1904 === "true" ? 1904 : 1900;
  const stylesPath = workbookRels.find((r) => isRel(r.type, "styles"))?.target ?? null;
  const styles = readStyles(stylesPath === null ? null : pkg.text(stylesPath));
  const sstPath = workbookRels.find((r) => isRel(r.type, "sharedStrings"))?.target;
  const sharedStrings = readSharedStrings(sstPath === undefined ? null : pkg.text(sstPath));

  const tables: XlsxTable[] = [];
  const snapshots: TableSnapshot[] = [];
  for (const sheet of findElements(workbookXml, "sheet")) {
    const relId = attrByLocalName(sheet.attrs, "id");
    const sheetPath = workbookRels.find((r) => r.id === relId)?.target;
    const sheetXml = sheetPath === undefined ? null : pkg.text(sheetPath);
    if (sheetPath === undefined || sheetXml === null) continue; // chart sheets and dialog sheets have no tables
    const sheetName = sheet.attrs.name ?? "";
    const sheetTables = pkg
      .relationships(sheetPath)
      .filter((r) => isRel(r.type, "table"))
      .map((r) => readTable(pkg, r.target, sheetName, sheetPath));
    if (sheetTables.length === 0) continue;
    tables.push(...sheetTables);
    snapshots.push(...readSheetTables(sheetXml, sheetTables, sharedStrings, styles, dateSystem));
  }
  if (tables.length === 0) throw new WorkbookReadError("no-tables");
  return {
    workbook: { pkg, dateSystem, stylesPath, styles, tables },
    snapshot: { dateSystem, tables: snapshots, settings },
  };
}

function isRel(type: string, name: string): boolean {
  return type === `${REL}/${name}` || type === `${STRICT_REL}/${name}`;
}

function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  return findElements(xml, "si").map((si) => stringItemText(xml, si.openEnd, si.innerEnd));
}

function readTable(
  pkg: XlsxPackage,
  tablePath: string,
  sheet: string,
  sheetPath: string
): XlsxTable {
  const xml = pkg.text(tablePath);
  const table = xml === null ? null : findElement(xml, "table");
  const ref = table === null ? null : parseRangeRef(table.attrs.ref ?? "");
  if (xml === null || table === null || ref === null)
    throw new WorkbookReadError("corrupt", `table part ${tablePath}`);
  const columns = findElements(xml, "tableColumn").map((c) =>
    decodeOoxmlEscapes(c.attrs.name ?? "")
  );
  return {
    name: table.attrs.displayName ?? table.attrs.name ?? "",
    sheet,
    sheetPath,
    tablePath,
    ref,
    headerRowCount: Number(table.attrs.headerRowCount ?? 1),
    totalsRowCount: Number(table.attrs.totalsRowCount ?? 0),
    columns,
  };
}

/** One pass over the sheet's rows collects the cells of all its tables. */
function readSheetTables(
  xml: string,
  tables: readonly XlsxTable[],
  sharedStrings: readonly string[],
  styles: Styles,
  dateSystem: DateSystem
): TableSnapshot[] {
  const grids = tables.map((table) => {
    const firstData = table.ref.firstRow + table.headerRowCount;
    const lastData = table.ref.lastRow - table.totalsRowCount;
    const rowCount = Math.max(0, lastData - firstData + 1);
    const width = table.ref.lastColumn - table.ref.firstColumn + 1;
    return {
      table,
      firstData,
      lastData,
      rows: Array.from({ length: rowCount }, () => new Array<CellValue>(width).fill(null)),
      formats: Array.from({ length: rowCount }, () =>
        new Array<string>(width).fill(styles.formats[0] ?? "General")
      ),
    };
  });
  const data = locateSheetData(xml);
  scanRows(xml, data, (row) => {
    const hits = grids.filter((g) => row.row >= g.firstData && row.row <= g.lastData);
    if (hits.length === 0) return;
    const rowStyle = row.attrs.customFormat === "1" ? Number(row.attrs.s ?? 0) : null;
    for (const grid of hits) {
      const formats = grid.formats[row.row - grid.firstData];
      if (rowStyle !== null) formats.fill(styles.formats[rowStyle] ?? "General");
    }
    for (const cell of scanCells(xml, row, data.prefix)) {
      for (const grid of hits) {
        const col = cell.col - grid.table.ref.firstColumn;
        if (col < 0 || col >= grid.rows[0].length) continue;
        const index = row.row - grid.firstData;
        grid.rows[index][col] = readCellValue(xml, cell, data.prefix, sharedStrings, dateSystem);
        grid.formats[index][col] = styles.formats[Number(cell.attrs.s ?? 0)] ?? "General";
      }
    }
  });
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
