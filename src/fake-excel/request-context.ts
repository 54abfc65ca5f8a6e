import { recordChanges, type WorkbookState } from "./workbook-state";

/**
 * The request pipeline of Office.js as the fake reproduces it: commands are
 * queued on proxy objects and run only at `context.sync()`; loaded values
 * become readable only after that sync; a request or a response over 5 MB is
 * rejected, as Excel on the web does.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** One queued command: what travels in the request, and what it does when the batch runs. */
export interface Command {
  readonly wire: unknown;
  /** Runs the command; a load returns what goes into the response and how to hand it to its proxy. */
  run(): void | { response: unknown; commit(): void };
}

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  /** Per sync, ms the fake spent running the batch and sizing it, on the caller's thread. */
  busyMs: number[];
  /** Per sync, ms spent waiting out the simulated round trip. */
  waitMs: number[];
}

export interface FakeContextOptions {
  /** Simulated round-trip time, for benchmarks of the pane's responsiveness. */
  readonly latencyMs?: number;
  readonly payloadLimitBytes?: number;
  /** Runs before each sync's batch: where a co-author's edits arrive (see FakeExcelHost.coauthorEdit). */
  readonly beforeSync?: () => void;
}

const encoder = new TextEncoder();

export class FakeRequestContext {
  readonly stats: SyncStats = {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    busyMs: [],
    waitMs: [],
  };
  private queue: Command[] = [];

  constructor(
    readonly state: WorkbookState,
    private readonly options: FakeContextOptions = {}
  ) {}

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  async sync(): Promise<void> {
    const started = performance.now();
    this.options.beforeSync?.();
    const commands = this.queue;
    this.queue = [];
    this.stats.syncs++;
    const limit = this.options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    const requestBytes = encoder.encode(JSON.stringify(commands.map((c) => c.wire))).length;
    this.stats.requestBytes.push(requestBytes);
    if (requestBytes > limit) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`
      );
    }
    // Commands before a failing one stay applied, as in Excel: a batch is not a transaction.
    const loads: { response: unknown; commit(): void }[] = [];
    // The add-in's own writes raise TableChanged events too, with source Local, as in Excel.
    recordChanges(this.state, "Local", () => {
      for (const command of commands) {
        const result = command.run();
        if (result) loads.push(result);
      }
    });
    const responseBytes = encoder.encode(JSON.stringify(loads.map((l) => l.response))).length;
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > limit) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`
      );
    }
    for (const load of loads) load.commit();
    const waiting = performance.now();
    this.stats.busyMs.push(waiting - started);
    if (this.options.latencyMs)
      await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    this.stats.waitMs.push(performance.now() - waiting);
  }
}
