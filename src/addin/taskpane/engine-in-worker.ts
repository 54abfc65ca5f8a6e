import type { CheckAndPlan, CheckedWorkbook } from "../../engine/check-and-plan";

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

interface Pending {
  resolve: (checked: CheckedWorkbook) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the engine in the engine-worker bundle (engine.worker.ts); the pane's main thread only
 * waits. One worker, started at once, requests answered by id. A worker that failed is dropped
 * with every pending request, and the next check starts a new one: a worker that failed to load
 * never answers.
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
      event: MessageEvent<{ id: number; checked?: CheckedWorkbook; error?: string }>
    ) => {
      const request = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.checked) request?.resolve(event.data.checked);
      else request?.reject(new Error(event.data.error ?? "engine worker failed"));
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
  return (snapshot, overrides, today) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker ??= start();
      worker.postMessage({ id, snapshot, overrides, today });
    });
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
