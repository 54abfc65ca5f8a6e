import { EngineWorkerError, engineInWorker } from "../../src/addin/taskpane/engine-in-worker";
import { describeFailure } from "../../src/addin/validation-message";
import { catalogue } from "../../src/i18n";
import { seedWorkbook } from "../support/snapshot-builder";
import { SEED_AS_OF } from "../support/engine";

/** A Worker as the browser's: messages out, and `error` / `messageerror` raised on the worker. */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  onmessageerror: ((event: unknown) => void) | null = null;
  readonly posted: { id: number }[] = [];
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.started.push(this);
  }
  postMessage(message: { id: number }): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("the engine in a worker", () => {
  const original = (globalThis as { Worker?: unknown }).Worker;
  beforeEach(() => {
    FakeWorker.started = [];
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = original;
  });

  it("hands the worker the snapshot as one JSON string, not a structured clone of its arrays", async () => {
    const check = engineInWorker("engine-worker.0123abcd.js");
    const pending = check(seedWorkbook(), { asOf: SEED_AS_OF }, SEED_AS_OF);
    const [worker] = FakeWorker.started;
    const [message] = worker.posted as unknown as { id: number; request: unknown }[];
    expect(typeof message.request).toBe("string");
    expect(JSON.parse(message.request as string)).toEqual({
      snapshot: seedWorkbook(),
      overrides: { asOf: SEED_AS_OF },
      today: SEED_AS_OF,
    });
    worker.onmessage!({ data: { id: message.id, error: "stop" } });
    await expect(pending).rejects.toThrow("stop");
  });

  it.each(["error", "messageerror"] as const)(
    "ends a pending check on %s with a message in Italian and English, then starts a new worker",
    async (reason) => {
      const check = engineInWorker("engine-worker.0123abcd.js");
      const pending = check(seedWorkbook(), {}, SEED_AS_OF);
      const [worker] = FakeWorker.started;
      if (reason === "error") worker.onerror!({ preventDefault: () => undefined });
      else worker.onmessageerror!({});
      const error = await pending.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineWorkerError);
      expect(worker.terminated).toBe(true);
      expect(describeFailure(error, catalogue("it")).text).toMatch(
        /^Il controllo si è interrotto: il motore .* Chiudi e riapri il riquadro/
      );
      expect(describeFailure(error, catalogue("en")).text).toMatch(
        /^The check stopped: .* Close and reopen the pane/
      );
      // The next check does not wait on the worker that failed.
      const again = check(seedWorkbook(), {}, SEED_AS_OF);
      expect(FakeWorker.started).toHaveLength(2);
      const fresh = FakeWorker.started[1];
      fresh.onmessage!({ data: { id: fresh.posted[0].id, error: "boom" } });
      await expect(again).rejects.toThrow("boom");
    }
  );
});
