import type { CheckAndPlan, CheckedWorkbook } from "../../engine/check-and-plan";

/**
 * Runs the engine in the engine-worker.js bundle (engine.worker.ts); the pane's main thread only
 * waits. One worker, requests answered in order by id.
 */
export function engineInWorker(workerUrl: string): CheckAndPlan {
  const worker = new Worker(workerUrl);
  const pending = new Map<
    number,
    { resolve: (checked: CheckedWorkbook) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  worker.onmessage = (
    event: MessageEvent<{ id: number; checked?: CheckedWorkbook; error?: string }>
  ) => {
    const request = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (event.data.checked) request?.resolve(event.data.checked);
    else request?.reject(new Error(event.data.error ?? "engine worker failed"));
  };
  return (snapshot, overrides, today) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, snapshot, overrides, today });
    });
}
