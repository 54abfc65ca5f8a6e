import type { CheckAndPlan, CheckedWorkbook, StreamedCheck } from "../../engine/check-and-plan";
import { measureSince } from "../../engine/timing";
import {
  withoutRows,
  type ChangedCell,
  type CheckRequest,
  type WorkerRequest,
} from "./worker-protocol";

/**
 * The engine worker failed: its script did not load or threw (`error`), or its
 * answer could not be read (`messageerror`). The pending check ends with a
 * message instead of waiting forever for an answer that will never come.
 */
export class EngineWorkerError extends Error {
  constructor(readonly reason: "error" | "messageerror") {
    super(`engine worker ${reason}`);
    this.name = "EngineWorkerError";
  }
}

/** What the worker measured of one check: reading the message, the engine's run, and parsing streamed rows. */
export interface WorkerTimings {
  readonly receiveMs: number;
  readonly engineMs: number;
  readonly rowsMs?: number;
}

interface Pending {
  /** When the request was posted (performance.now()). */
  readonly sent: number;
  resolve: (checked: CheckedWorkbook) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the engine in the engine-worker bundle (engine.worker.ts); the pane's main thread only
 * waits. One worker, started at once, requests answered by id. A worker that failed is dropped
 * with every pending request, and the next check starts a new one: a worker that failed to load
 * never answers. `stream()` hands the rows over block by block while Excel is read, each while
 * the next block's round trip is under way, so the check's own message carries no rows and the
 * worker has parsed them when the read ends.
 */
export function engineInWorker(workerUrl: string): CheckAndPlan {
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let next = 0;
  const fail = (reason: EngineWorkerError["reason"]) => {
    worker?.terminate();
    worker = null;
    for (const request of pending.values()) request.reject(new EngineWorkerError(reason));
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(workerUrl);
    started.onmessage = (
      event: MessageEvent<{
        id: number;
        checked?: CheckedWorkbook;
        error?: string;
        timings?: WorkerTimings;
      }>
    ) => {
      const arrived = performance.now();
      // Reading data the first time deserialises it: the answer's side of the transfer.
      const { id, checked, error, timings } = event.data;
      measureSince("worker-answer-read", arrived);
      const request = pending.get(id);
      pending.delete(id);
      if (request && timings) {
        measureSince("worker-receive", request.sent, timings.receiveMs);
        measureSince("engine", request.sent, timings.engineMs);
        measureSince("worker-rows", request.sent, timings.rowsMs ?? 0);
        measureSince("worker", request.sent);
      }
      if (checked) request?.resolve(checked);
      else request?.reject(new Error(error ?? "engine worker failed"));
    };
    started.onerror = (event) => {
      // Handled here: the error is told to the user, not left to the console as uncaught.
      event.preventDefault();
      fail("error");
    };
    started.onmessageerror = () => fail("messageerror");
    return started;
  };
  // Started at once, so the worker's script loads while the user reads the pane.
  worker = start();
  const post = (request: CheckRequest): Promise<CheckedWorkbook> =>
    new Promise((resolve, reject) => {
      const id = next++;
      const sent = performance.now();
      pending.set(id, { sent, resolve, reject });
      worker ??= start();
      // One string rather than the snapshot's million small arrays: a structured clone copies and
      // rebuilds each of them (about 1.3 s for 100,000 phases in Chromium, measured by the pane
      // bench), where JSON.stringify here and JSON.parse in the worker cost a fraction of that.
      // The snapshot is plain JSON data (strings, numbers, booleans, null).
      const message: WorkerRequest = { id, request: JSON.stringify(request) };
      worker.postMessage(message);
      measureSince("worker-post", sent);
    });
  let nextStream = 0;
  const stream = (): StreamedCheck => {
    const id = nextStream++;
    const started = performance.now();
    worker ??= start();
    const receiver = worker;
    const cells: ChangedCell[] = [];
    let postMs = 0;
    let messages = 0;
    return {
      rows: (table, values, formats) => {
        const before = performance.now();
        const message: WorkerRequest = {
          stream: id,
          table,
          rows: JSON.stringify([values, formats]),
        };
        receiver.postMessage(message);
        messages++;
        postMs += performance.now() - before;
      },
      cell: (table, row, column, value, format) => cells.push([table, row, column, value, format]),
      check: (snapshot, overrides, today) => {
        measureSince("worker-stream", started, postMs);
        // The worker holding the rows failed meanwhile: the new one gets the whole snapshot.
        if (worker !== receiver) return post({ snapshot, overrides, today });
        return post({
          snapshot: withoutRows(snapshot),
          overrides,
          today,
          stream: id,
          messages,
          cells,
        });
      },
    };
  };
  return Object.assign(
    (
      snapshot: CheckRequest["snapshot"],
      overrides: CheckRequest["overrides"],
      today: CheckRequest["today"]
    ) => post({ snapshot, overrides, today }),
    { stream }
  );
}

/**
 * The worker's file name, content-hashed by the build (so a cached old worker never
 * meets a new pane), from the `engine-worker` meta tag webpack writes into the page.
 */
export function engineWorkerUrl(document: Document): string {
  const file = document
    .querySelector<HTMLMetaElement>('meta[name="engine-worker"]')
    ?.getAttribute("content");
  if (!file) throw new Error("the page names no engine worker (meta engine-worker)");
  return new URL(file, document.baseURI).href;
}
