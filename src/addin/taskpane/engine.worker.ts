import { engineWorkerHandler, type WorkerRequest } from "./worker-protocol";

/** The engine in a Web Worker, so that the task pane stays responsive while a large plan is checked. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: unknown): void;
};

const handle = engineWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
