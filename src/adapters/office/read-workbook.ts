import type { RowsSink } from "../../engine/check-and-plan";
import { isGeneralFormat, isTextFormat } from "../../engine/parse/number-formats";
import type {
  CellValue,
  DateSystem,
  TableSnapshot,
  WorkbookSettings,
  WorkbookSnapshot,
} from "../../engine/snapshot";

/** Excel on the web rejects requests and responses over 5 MB; each sync stays under this. */
export const SYNC_BUDGET_BYTES = 4 * 1024 * 1024;
/** Assumed size of one cell's value and format in a response, until the first block says better. */
const FIRST_GUESS_BYTES_PER_CELL = 96;
const SAFETY = 1.25;
/** Column counts arrive with the second sync, so its first block assumes a wide table (a card has about 12 columns). */
const WIDEST_EXPECTED_TABLE = 64;

/** What the writer needs to know about each table besides its snapshot. */
export interface OfficeTable {
  /** Excel's id for the table, as change events name it. */
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly sheetProtected: boolean;
  /** Worksheet row of the first data row (1-based). */
  readonly firstDataRow: number;
  readonly firstColumn: number;
  readonly columnCount: number;
  readonly rowCount: number;
  /** Used cells in the six columns right of the table, e.g. `I3`, or null when they are free. */
  readonly occupiedToTheRight: string | null;
  /**
   * Filters the user has on, by column index, to put back after writing;
   * criteria null for a filter Excel could not load (office-js #3030), which
   * can only be cleared.
   */
  readonly filters: readonly {
    readonly column: number;
    readonly header: string;
    readonly criteria: Excel.FilterCriteria | null;
  }[];
  /** Set for a plain range (domain.md §2): no Excel table, its cells under this header row. */
  readonly plain?: { readonly headerRow: number };
}

export interface OfficeWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly tables: readonly OfficeTable[];
}

/** Status columns the writer may append at most (the objectives table has six). */
export const MAX_NEW_COLUMNS = 6;

interface TableRequest {
  table: Excel.Table;
  body: Excel.Range;
  /** Null for a table whose header row is turned off: it has no header range to ask for. */
  header: Excel.Range | null;
  columns: Excel.TableColumnCollection;
  right: Excel.Range;
  firstBlock: Excel.Range;
}

/**
 * Reads every table into a WorkbookSnapshot: one sync for the list of tables,
 * one for their shape, headers, filters and first rows. Tables too large for
 * one 4 MB response are read in further row blocks, one sync each. Values, and
 * number formats only where they matter (formatColumnsOf); valueTypes would add
 * a third of the bytes (and of the syncs) to tell error values from text, which
 * only text starting with `#` needs; those few cells get their types in one
 * more sync (see typeCells).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  settings: WorkbookSettings | PromiseLike<WorkbookSettings>,
  sink?: RowsSink
): Promise<OfficeWorkbook> {
  const tables = context.workbook.tables;
  tables.load(
    "items/id,items/name,items/showHeaders,items/showTotals,items/worksheet/name,items/worksheet/protection/protected"
  );
  // DATE(1904;1;1) is serial 1462 in the 1900 date system and 0 in the 1904 one.
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  await context.sync();

  const dateSystem: DateSystem = probe.value === 0 ? 1904 : 1900;
  const cellBudget = Math.floor(
    SYNC_BUDGET_BYTES / FIRST_GUESS_BYTES_PER_CELL / Math.max(1, tables.items.length)
  );
  const queueShape = (withFilters: boolean, firstBlockRows: number): TableRequest[] =>
    tables.items.map((table) => {
      const columns = table.columns;
      columns.load(withFilters ? "items/name,items/filter/criteria" : "items/name");
      const body = table.getDataBodyRange();
      body.load("rowCount,columnCount,rowIndex,columnIndex");
      // Asking a table without its header row for that row fails the whole request; such a
      // table is still read (its columns keep their names) and the engine reports it.
      const header = table.showHeaders ? table.getHeaderRowRange() : null;
      header?.load("rowIndex");
      const right = table
        .getRange()
        .getLastColumn()
        .getOffsetRange(0, 1)
        .getResizedRange(0, MAX_NEW_COLUMNS - 1)
        .getUsedRangeOrNullObject(true);
      right.load("address");
      const firstBlock = blockOf(body, 0, firstBlockRows);
      firstBlock.load("values,numberFormat");
      return { table, body, header, columns, right, firstBlock };
    });
  // The first rows come with the shape, so a table that fits is read in these two syncs.
  const shape = async (
    withFilters: boolean,
    firstBlockRows: number
  ): Promise<{ requests: TableRequest[]; withFilters: boolean }> => {
    const requests = queueShape(withFilters, firstBlockRows);
    try {
      await context.sync();
      return { requests, withFilters };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // A table wider than assumed (over 64 columns, or long text) makes this response pass
      // Excel on the web's 5 MB: once more with one row per table, which sizes the next blocks.
      if (code === "ResponsePayloadSizeLimitExceeded" && firstBlockRows > 1)
        return shape(withFilters, 1);
      // office-js #3030: a filter put back after table.clearFilters() (as earlier versions of this
      // add-in did) fails to load with an internal error, and with it the whole request.
      if (code === "GeneralException" && withFilters) return shape(false, firstBlockRows);
      throw error;
    }
  };
  const { requests, withFilters } = await shape(
    true,
    Math.max(1, Math.floor(cellBudget / WIDEST_EXPECTED_TABLE))
  );
  const filters: (readonly ColumnFilter[])[] = withFilters
    ? requests.map((r) => r.columns.items.map((column) => column.filter.criteria))
    : await loadFiltersOneByOne(context, requests);

  const grids = requests.map((request): Grid => {
    if (request.firstBlock.isNullObject)
      return {
        values: [],
        formats: [],
        formatColumns: [],
        bytesPerRow: FIRST_GUESS_BYTES_PER_CELL,
      };
    const values = toCells(request.firstBlock);
    const formats = request.firstBlock.numberFormat as string[][];
    const formatColumns = formatColumnsOf(values, formats);
    return {
      values,
      formats,
      formatColumns,
      // What a row of the next blocks weighs in a response (values, and formats where they matter).
      bytesPerRow:
        JSON.stringify([
          request.firstBlock.values,
          formatColumns.map((column) => formats.map((row) => [row[column]])),
        ]).length / Math.max(1, values.length),
    };
  });
  // Each block goes to the sink while the next block's round trip is under way (see handOver).
  const handOver = (blocks: readonly { table: number; from: number }[]) => () => {
    for (const { table, from } of blocks)
      sink?.rows(table, grids[table].values.slice(from), grids[table].formats.slice(from));
  };
  const sent = await readRemainingBlocks(
    context,
    requests,
    grids,
    handOver(grids.map((_, table) => ({ table, from: 0 }))),
    handOver
  );
  sent();
  await typeCells(context, requests, grids, sink);

  const officeTables: OfficeTable[] = requests.map((request, i) => ({
    id: request.table.id,
    name: request.table.name,
    sheet: request.table.worksheet.name,
    sheetProtected: request.table.worksheet.protection.protected,
    firstDataRow: request.body.rowIndex + 1,
    firstColumn: request.body.columnIndex,
    columnCount: request.body.columnCount,
    rowCount: grids[i].values.length,
    occupiedToTheRight: request.right.isNullObject
      ? null
      : request.right.address.replace(/^.*!/, ""),
    filters: request.columns.items.flatMap((column, index): OfficeTable["filters"][number][] => {
      const criteria = filters[i][index];
      if (criteria === UNREADABLE) return [{ column: index, header: column.name, criteria: null }];
      return criteria?.filterOn ? [{ column: index, header: column.name, criteria }] : [];
    }),
  }));
  const snapshots: TableSnapshot[] = requests.map((request, i) => ({
    name: request.table.name,
    sheet: request.table.worksheet.name,
    // Without a header row: the row just above the data, where turning it on puts it back.
    headerRow: request.header === null ? request.body.rowIndex : request.header.rowIndex + 1,
    firstColumn: request.body.columnIndex,
    headers: request.columns.items.map((column) => column.name),
    rows: grids[i].values,
    numberFormats: grids[i].formats,
    hasTotalsRow: request.table.showTotals,
    ...(request.header === null ? { showHeaders: false } : {}),
  }));
  // Settings still being refreshed when the read began (validateWorkbook) are waited for last.
  return {
    snapshot: { dateSystem, tables: snapshots, settings: await settings },
    tables: officeTables,
  };
}

const UNREADABLE = "unreadable";
/** A column's filter criteria as loaded (null or empty when it has none), or UNREADABLE. */
type ColumnFilter = Excel.FilterCriteria | null | typeof UNREADABLE;

/** Each table's filters in a request of their own, and each column's where the table's fails. */
async function loadFiltersOneByOne(
  context: Excel.RequestContext,
  requests: readonly TableRequest[]
): Promise<ColumnFilter[][]> {
  const load = async (columns: readonly Excel.TableColumn[]) => {
    for (const column of columns) column.filter.load("criteria");
    return context.sync().then(
      () => columns.map((column) => column.filter.criteria),
      () => null
    );
  };
  const result: ColumnFilter[][] = [];
  for (const request of requests) {
    const columns = request.columns.items;
    const all = await load(columns);
    if (all !== null) {
      result.push(all);
      continue;
    }
    const each: ColumnFilter[] = [];
    for (const column of columns) {
      const one = await load([column]);
      each.push(one === null ? UNREADABLE : one[0]);
    }
    result.push(each);
  }
  return result;
}

function blockOf(body: Excel.Range, startRow: number, rows: number): Excel.Range {
  return body
    .getRow(startRow)
    .getResizedRange(rows - 1, 0)
    .getIntersectionOrNullObject(body);
}

/** A table's cells as read so far. */
interface Grid {
  values: CellValue[][];
  formats: string[][];
  /** Columns whose formats every block loads, ascending (see formatColumnsOf). */
  formatColumns: readonly number[];
  bytesPerRow: number;
}

/**
 * The columns whose number formats the next blocks load: those where the
 * first block holds a number or a format other than General and Text. The
 * engine reads a format only to tell what a number means (a date, a
 * percentage), and the plan only to keep a status column's own format; text
 * columns' "General" would weigh a third of each response. A number found
 * later in another column gets its format in typeCells.
 */
function formatColumnsOf(values: CellValue[][], formats: string[][]): number[] {
  const columns: number[] = [];
  for (let column = 0; column < (values[0]?.length ?? 0); column++) {
    const matters = values.some(
      (row, r) =>
        typeof row[column] === "number" ||
        (!isGeneralFormat(formats[r][column]) && !isTextFormat(formats[r][column]))
    );
    if (matters) columns.push(column);
  }
  return columns;
}

/** Consecutive columns as [first, last] pairs, so that each pair is one range to load. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const column of columns) {
    const last = result[result.length - 1];
    if (last && last[1] === column - 1) last[1] = column;
    else result.push([column, column]);
  }
  return result;
}

/** Stands for a format not loaded: the cell holds no number (typeCells loads those that do). */
const UNREAD_FORMAT = "General";

/**
 * The rest of each table, in row blocks sized from what the first block
 * weighed, one sync per block set of at most 4 MB: the values of every
 * column and the formats of the columns where they matter.
 */
async function readRemainingBlocks(
  context: Excel.RequestContext,
  requests: readonly TableRequest[],
  grids: Grid[],
  firstBlocks: () => void,
  handOver: (blocks: readonly { table: number; from: number }[]) => () => void
): Promise<() => void> {
  // Handing rows over (a JSON string posted to the engine worker) waits for the next sync to be
  // sent, so that it fills the round trip's wait instead of adding to it.
  let unsent = firstBlocks;
  const pending = requests.map((request, i) => ({
    request,
    grid: grids[i],
    runs: columnRuns(grids[i].formatColumns),
    next: grids[i].values.length,
    total: request.body.rowCount,
    bytesPerRow: Math.max(1, grids[i].bytesPerRow) * SAFETY,
  }));
  const round = async (): Promise<void> => {
    let budget = SYNC_BUDGET_BYTES;
    const blocks: {
      entry: (typeof pending)[number];
      range: Excel.Range;
      formats: { first: number; range: Excel.Range }[];
    }[] = [];
    for (const entry of pending) {
      if (entry.next >= entry.total || budget < entry.bytesPerRow) continue;
      const rows = Math.max(
        1,
        Math.min(entry.total - entry.next, Math.floor(budget / entry.bytesPerRow))
      );
      const { body } = entry.request;
      const range = blockOf(body, entry.next, rows);
      range.load("values");
      const formats = entry.runs.map(([first, last]) => {
        const part = body
          .getCell(entry.next, first)
          .getResizedRange(rows - 1, last - first)
          .getIntersectionOrNullObject(body);
        part.load("numberFormat");
        return { first, range: part };
      });
      blocks.push({ entry, range, formats });
      budget -= rows * entry.bytesPerRow;
      entry.next += rows;
    }
    if (blocks.length === 0) return;
    const synced = context.sync();
    unsent();
    await synced;
    unsent = handOver(
      blocks.map(({ entry }) => ({
        table: pending.indexOf(entry),
        from: entry.grid.values.length,
      }))
    );
    for (const { entry, range, formats } of blocks) {
      const values = toCells(range);
      const width = values[0]?.length ?? 0;
      values.forEach((row, r) => {
        const rowFormats = new Array<string>(width).fill(UNREAD_FORMAT);
        for (const { first, range: part } of formats) {
          const loaded = part.isNullObject ? [] : (part.numberFormat[r] as string[]);
          loaded.forEach((format, k) => (rowFormats[first + k] = format));
        }
        entry.grid.values.push(row);
        entry.grid.formats.push(rowFormats);
      });
    }
    return round();
  };
  await round();
  return unsent;
}

/** Office.js gives "" for empty cells, and error values as their text (`#N/A`): typeCells tells them from text. */
function toCells(range: Excel.Range): CellValue[][] {
  if (range.isNullObject) return [];
  return range.values.map((row) =>
    row.map((value) => (value === "" ? null : (value as CellValue)))
  );
}

/** Every error value's text starts with `#` (#N/A, #VALUE!, #SPILL!, #GETTING_DATA…). */
const mayBeError = (value: CellValue): value is string =>
  typeof value === "string" && value.startsWith("#");

/** Request bytes of one load besides its cells (the range's path), and response bytes per cell. */
const CELL_LOAD_REQUEST_BYTES = 512;
const TYPE_BYTES_PER_CELL = 16;
/** A number format has at most 255 characters, quoted in the response. */
const FORMAT_BYTES_PER_CELL = 264;

/** A run of rows in one column whose valueTypes or numberFormat typeCells loads. */
interface CellRun {
  readonly table: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
  readonly property: "valueTypes" | "numberFormat";
}

/** Runs of rows in each column where `suspect` holds, none longer than one response can carry. */
function suspectRuns(
  grids: readonly Grid[],
  property: CellRun["property"],
  suspect: (grid: Grid, row: number, column: number) => boolean
): CellRun[] {
  const perCell = property === "valueTypes" ? TYPE_BYTES_PER_CELL : FORMAT_BYTES_PER_CELL;
  const maxCells = Math.floor((SYNC_BUDGET_BYTES - CELL_LOAD_REQUEST_BYTES) / perCell);
  const runs: CellRun[] = [];
  grids.forEach((grid, table) => {
    const columns = grid.values[0]?.length ?? 0;
    for (let column = 0; column < columns; column++) {
      let from = -1;
      for (let row = 0; row <= grid.values.length; row++) {
        const is = row < grid.values.length && suspect(grid, row, column);
        if (is && from < 0) from = row;
        // A run ends where the suspects do, or where its cells would fill a response.
        if (from >= 0 && (!is || row - from === maxCells)) {
          runs.push({ table, column, from, to: row, property });
          from = is ? row : -1;
        }
      }
    }
  });
  return runs;
}

/**
 * Two kinds of cells need one more look, loaded by runs of rows in a column,
 * in as few syncs as 4 MB allow, and none when there are no such cells:
 * text starting with `#`, which becomes `{ error }` when Excel says its
 * valueType is Error; and a number in a column whose formats the blocks did
 * not load (formatColumnsOf), which gets its format.
 */
async function typeCells(
  context: Excel.RequestContext,
  requests: readonly TableRequest[],
  grids: readonly Grid[],
  sink?: RowsSink
): Promise<void> {
  const runs = [
    ...suspectRuns(grids, "valueTypes", (grid, row, column) =>
      mayBeError(grid.values[row][column])
    ),
    ...suspectRuns(
      grids,
      "numberFormat",
      (grid, row, column) =>
        typeof grid.values[row][column] === "number" && !grid.formatColumns.includes(column)
    ),
  ];
  const round = async (next: number): Promise<void> => {
    if (next >= runs.length) return;
    let budget = SYNC_BUDGET_BYTES;
    const loads: { run: CellRun; range: Excel.Range }[] = [];
    for (; next < runs.length; next++) {
      const run = runs[next];
      const perCell = run.property === "valueTypes" ? TYPE_BYTES_PER_CELL : FORMAT_BYTES_PER_CELL;
      const bytes = CELL_LOAD_REQUEST_BYTES + (run.to - run.from) * perCell;
      if (loads.length > 0 && bytes > budget) break;
      const range = requests[run.table].body
        .getCell(run.from, run.column)
        .getResizedRange(run.to - run.from - 1, 0);
      if (run.property === "valueTypes") range.load("valueTypes");
      else range.load("numberFormat");
      loads.push({ run, range });
      budget -= bytes;
    }
    await context.sync();
    for (const { run, range } of loads) {
      const grid = grids[run.table];
      const changed = (r: number) =>
        sink?.cell(
          run.table,
          run.from + r,
          run.column,
          grid.values[run.from + r][run.column],
          grid.formats[run.from + r][run.column]
        );
      if (run.property === "numberFormat") {
        range.numberFormat.forEach(([format], r) => {
          grid.formats[run.from + r][run.column] = String(format);
          changed(r);
        });
        continue;
      }
      range.valueTypes.forEach(([type], r) => {
        const row = grid.values[run.from + r];
        if (type !== "Error") return;
        row[run.column] = { error: String(row[run.column]) };
        changed(r);
      });
    }
    return round(next);
  };
  await round(0);
}
