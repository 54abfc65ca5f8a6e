import { EngineWorkerError, engineInWorker } from "../../src/addin/taskpane/engine-in-worker";
import { describeFailure } from "../../src/addin/validation-message";
import { catalogue } from "../../src/i18n";
import { seedWorkbook } from "../support/snapshot-builder";
import { SEED_AS_OF, day } from "../support/engine";
import { engineWorkerHandler, type WorkerRequest } from "../../src/addin/taskpane/worker-protocol";
import { validateWorkbook } from "../../src/adapters/office/validate-workbook";
import { generatePlan } from "../../bench/generate-plan";
import { fakeHost } from "../support/fake-host";
import type { FakeExcelHost } from "../../src/fake-excel/fake-excel-host";

/**
 * The worker's own handler behind a Worker's interface: messages cloned each
 * way and delivered later, in order, as the browser does.
 */
class LoopbackWorker {
  static host: FakeExcelHost | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  /** Each message posted, with the syncs the fake Excel had begun when it was posted. */
  readonly posted: { message: WorkerRequest; syncs: number }[] = [];
  private readonly handle = engineWorkerHandler((message) =>
    setTimeout(() => this.onmessage?.({ data: structuredClone(message) }), 0)
  );
  postMessage(message: WorkerRequest): void {
    this.posted.push({ message, syncs: LoopbackWorker.host?.lastRun.syncs ?? 0 });
    const copy = structuredClone(message);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate(): void {}
}

/** 1,000 phases (more than the first rows read with the tables' shape), an error value and a number in a text column past them. */
function planWithOddCells() {
  const snapshot = generatePlan({
    objectives: 200,
    phasesPerObjective: 5,
    indicatorsPerObjective: 3,
  });
  const phases = snapshot.tables[1];
  const rows = phases.rows.map((row) => [...row]);
  const numberFormats = phases.numberFormats!.map((row) => [...row]);
  rows[900][2] = { error: "#N/A" };
  rows[950][1] = 0.5;
  numberFormats[950][1] = "0%";
  return {
    ...snapshot,
    tables: [snapshot.tables[0], { ...phases, rows, numberFormats }, snapshot.tables[2]],
  };
}

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

  it("hands the rows over while they are read, so the check's own message carries none; the outcome is the pane thread's", async () => {
    const workers: LoopbackWorker[] = [];
    (globalThis as { Worker?: unknown }).Worker = class extends LoopbackWorker {
      constructor() {
        super();
        workers.push(this);
      }
    };
    const today = day("2024-06-30");
    const host = fakeHost(planWithOddCells());
    LoopbackWorker.host = host;
    const outcome = await validateWorkbook(host, today, "it", engineInWorker("engine-worker.js"));
    const here = await validateWorkbook(fakeHost(planWithOddCells()), today, "it");
    LoopbackWorker.host = null;
    expect(outcome.result.findings).toEqual(here.result.findings);
    expect(outcome.result.summary).toEqual(here.result.summary);
    expect(outcome.write.cellsWritten).toBe(here.write.cellsWritten);
    // The error value typed after its rows were sent reached the engine.
    expect(JSON.stringify(outcome.result.findings)).toContain("#N/A");

    const [worker] = workers;
    const rows = worker.posted.filter(({ message }) => "rows" in message);
    const [check] = worker.posted.filter(({ message }) => "request" in message);
    const readSyncs = host.lastRun.syncs - outcome.write.syncs;
    // The tables' first rows left while the next block was on its way, not after the read.
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0].syncs).toBeLessThan(readSyncs);
    const request = JSON.parse((check.message as { request: string }).request) as {
      snapshot: { tables: { rows: unknown[] }[] };
      cells: unknown[];
    };
    expect(request.snapshot.tables.map((t) => t.rows.length)).toEqual([0, 0, 0]);
    // The error value and the number's format, typed after their rows had been sent.
    expect(request.cells).toEqual([
      [1, 900, 2, { error: "#N/A" }, "General"],
      [1, 950, 1, 0.5, "0%"],
    ]);
  });

  it("sends the whole snapshot when the worker holding the streamed rows failed meanwhile", async () => {
    const check = engineInWorker("engine-worker.0123abcd.js");
    const stream = check.stream!();
    const snapshot = seedWorkbook();
    stream.rows(0, snapshot.tables[0].rows, snapshot.tables[0].numberFormats!);
    const [first] = FakeWorker.started;
    first.onerror!({ preventDefault: () => undefined });
    const pending = stream.check(snapshot, {}, SEED_AS_OF);
    const fresh = FakeWorker.started[1];
    const [message] = fresh.posted as unknown as { id: number; request: string }[];
    expect(JSON.parse(message.request)).toEqual({ snapshot, overrides: {}, today: SEED_AS_OF });
    fresh.onmessage!({ data: { id: message.id, error: "stop" } });
    await expect(pending).rejects.toThrow("stop");
  });

  it("checks a workbook without tables through a stream that sent no rows", async () => {
    (globalThis as { Worker?: unknown }).Worker = LoopbackWorker;
    const host = fakeHost({ dateSystem: 1900, tables: [], settings: {} });
    const outcome = await validateWorkbook(
      host,
      SEED_AS_OF,
      "it",
      engineInWorker("engine-worker.js")
    );
    expect(outcome.result.findings.map((f) => f.rule)).toContain("table.missing");
  });
});
