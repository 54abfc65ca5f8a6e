/**
 * `npm run bench`: speed and memory figures, printed, never asserted (shared
 * machines are noisy). Ratios compare two timings taken in the same run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { planWrites, runEngine } from "../src/engine";
import { workbookSnapshotSchema } from "../src/engine/snapshot";
import { day } from "../test/support/engine";
import { buildXlsx } from "../test/support/xlsx-builder";
import { BENCH_SIZE, generatePlan } from "./generate-plan";

const RUNS = 5;

function best(run: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const fmt = (ms: number) => ms.toFixed(0);
const snapshot = generatePlan(BENCH_SIZE);
const rows = snapshot.tables.reduce((sum, t) => sum + t.rows.length, 0);
const asOf = day("2024-06-30");

// CLI on the same data as an .xlsx, in a fresh process for an honest peak memory.
const dir = mkdtempSync(join(tmpdir(), "objective-check-bench-"));
const xlsx = join(dir, "plan.xlsx");
writeFileSync(xlsx, buildXlsx(snapshot, { sharedStrings: true }));
const cli = JSON.parse(
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "cli-phases.ts"), xlsx, join(dir, "out.xlsx")],
    { encoding: "utf8" }
  )
) as { readMs: number; checkMs: number; writeMs: number; peakMb: number; findings: number };
const total = cli.readMs + cli.checkMs + cli.writeMs;
console.log(
  `cli: ${(statSync(xlsx).size / 1_048_576).toFixed(1)} MB .xlsx, ${rows} rows, ${cli.findings} findings`
);
console.log(
  `cli: read ${fmt(cli.readMs)} ms, check ${fmt(cli.checkMs)} ms, write ${fmt(cli.writeMs)} ms; check is ${((cli.checkMs / total) * 100).toFixed(0)}% of the whole; peak memory ${cli.peakMb.toFixed(0)} MB`
);

// Engine on the snapshot a host hands over, against the JSON.parse every Office.js host pays anyway.
const json = JSON.stringify(snapshot);
const parseMs = best(() => JSON.parse(json));
const validateMs = best(() => workbookSnapshotSchema.parse(JSON.parse(json)));
const engineMs = best(() => planWrites(runEngine(snapshot, { asOf }, asOf)));
console.log(
  `engine: snapshot ${(json.length / 1_048_576).toFixed(1)} MB of JSON; JSON.parse ${fmt(parseMs)} ms; JSON.parse + zod validation ${fmt(validateMs)} ms`
);
console.log(`engine: ${Math.round(rows / (engineMs / 1000))} rows per second`);
console.log(
  `engine: ${rows} rows in ${fmt(engineMs)} ms; ratio to JSON.parse ${(engineMs / parseMs).toFixed(2)}`
);
