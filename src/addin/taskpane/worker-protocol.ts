import { checkAndPlanHere, withoutCells } from "../../engine/check-and-plan";
import type { Day } from "../../engine/days";
import { messageTexts } from "../../i18n";
import type { RunOverrides } from "../../engine/settings";
import type { CellValue, WorkbookSnapshot } from "../../engine/snapshot";

/** A message from the pane to the engine worker. */
export type WorkerRequest =
  /** Rows of a streamed check for table `table`: the JSON of [values, formats]. */
  | { readonly stream: number; readonly table: number; readonly rows: string }
  /** A check: the JSON of a CheckRequest. */
  | { readonly id: number; readonly request: string };

/** A cell changed after its rows were sent: table, row, column, value, format. */
export type ChangedCell = readonly [number, number, number, CellValue, string];

export interface CheckRequest {
  readonly snapshot: WorkbookSnapshot;
  readonly overrides: RunOverrides;
  readonly today: Day;
  /** Set when the tables' rows came before, in rows messages of this stream: `snapshot` carries none. */
  readonly stream?: number;
  /** How many rows messages the stream sent (none for a workbook without tables). */
  readonly messages?: number;
  readonly cells?: readonly ChangedCell[];
}

/**
 * The worker's side of a streamed check: collects the rows as they arrive
 * (parsed while the pane waits on Excel) and puts them back into the
 * snapshot the check names. One stream at a time: rows of a newer stream
 * drop those of an older one (a read that was started again).
 */
export class StreamedRows {
  private stream = -1;
  private received = 0;
  private tables: { values: CellValue[][]; formats: string[][] }[] = [];
  /** ms spent parsing rows since the last check: the worker's share of the transfer, off the pane's path. */
  parseMs = 0;

  add(stream: number, table: number, json: string): void {
    const started = performance.now();
    if (stream !== this.stream) {
      this.stream = stream;
      this.received = 0;
      this.tables = [];
    }
    this.received++;
    const [values, formats] = JSON.parse(json) as [CellValue[][], string[][]];
    const target = (this.tables[table] ??= { values: [], formats: [] });
    for (const row of values) target.values.push(row);
    for (const row of formats) target.formats.push(row);
    this.parseMs += performance.now() - started;
  }

  /** The snapshot `request` is about: its own, or its tables with the stream's rows and changed cells. */
  snapshot(request: CheckRequest): WorkbookSnapshot {
    if (request.stream === undefined) return request.snapshot;
    const received = request.stream === this.stream ? this.received : 0;
    if (received !== (request.messages ?? 0))
      throw new Error(`the rows of stream ${request.stream} did not reach the engine worker`);
    if (request.stream !== this.stream) this.tables = [];
    const tables = request.snapshot.tables.map((table, i) => ({
      ...table,
      rows: this.tables[i]?.values ?? [],
      numberFormats: this.tables[i]?.formats ?? [],
    }));
    for (const [table, row, column, value, format] of request.cells ?? []) {
      tables[table].rows[row][column] = value;
      tables[table].numberFormats[row][column] = format;
    }
    this.stream = -1;
    this.received = 0;
    this.tables = [];
    return { ...request.snapshot, tables };
  }
}

/** The snapshot without its tables' rows, for a check whose rows were streamed. */
export function withoutRows(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    tables: snapshot.tables.map((table) => ({ ...table, rows: [], numberFormats: [] })),
  };
}

/**
 * The engine worker's message handler (engine.worker.ts installs it): rows
 * of a streamed check are kept; a check is answered through `post` with the
 * result without the tables' cells, or with the error's message.
 */
export function engineWorkerHandler(
  post: (message: unknown) => void
): (data: WorkerRequest) => void {
  const checkAndPlan = checkAndPlanHere(messageTexts);
  const streamed = new StreamedRows();
  return (data) => {
    // The message's data is deserialised when first read; timed apart from the engine's run.
    const received = performance.now();
    if ("rows" in data) {
      streamed.add(data.stream, data.table, data.rows);
      return;
    }
    const { id, request } = data;
    const fail = (error: unknown) =>
      post({ id, error: error instanceof Error ? error.message : String(error) });
    let check: CheckRequest;
    try {
      const parsed = JSON.parse(request) as CheckRequest;
      check = { ...parsed, snapshot: streamed.snapshot(parsed) };
    } catch (error) {
      fail(error);
      return;
    }
    const rowsMs = streamed.parseMs;
    streamed.parseMs = 0;
    const started = performance.now();
    void checkAndPlan(check.snapshot, check.overrides, check.today).then(
      (checked) =>
        post({
          id,
          checked: withoutCells(checked),
          timings: {
            receiveMs: started - received,
            engineMs: performance.now() - started,
            rowsMs,
          },
        }),
      fail
    );
  };
}
