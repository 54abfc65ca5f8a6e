import { checkAndPlanHere, withoutCells } from "../../engine/check-and-plan";
import type { Day } from "../../engine/days";
import type { RunOverrides } from "../../engine/settings";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { messageTexts } from "../../i18n";

/** The engine in a Web Worker, so that the task pane stays responsive while a large plan is checked. */
interface Request {
  readonly id: number;
  /** The snapshot, overrides and day as one JSON string (see engine-in-worker.ts). */
  readonly request: string;
}

interface Check {
  readonly snapshot: WorkbookSnapshot;
  readonly overrides: RunOverrides;
  readonly today: Day;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

const checkAndPlan = checkAndPlanHere(messageTexts);

scope.onmessage = (event) => {
  // The message's data is deserialised when first read; timed apart from the engine's run.
  const received = performance.now();
  const { id, request } = event.data;
  const { snapshot, overrides, today } = JSON.parse(request) as Check;
  const started = performance.now();
  void checkAndPlan(snapshot, overrides, today).then(
    (checked) =>
      scope.postMessage({
        id,
        checked: withoutCells(checked),
        timings: { receiveMs: started - received, engineMs: performance.now() - started },
      }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  );
};
