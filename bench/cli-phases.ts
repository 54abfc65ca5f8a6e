/**
 * Runs in its own process so that its peak memory is the CLI's alone: read,
 * check and write one large .xlsx, timing each step.
 *
 * Peak memory is the resident set's high-water mark as the kernel counts it
 * (getrusage's ru_maxrss, which includes what V8 has not yet given back and
 * memory outside its heap: zlib's buffers, decoded part texts), checked
 * against samples of process.memoryUsage().rss taken after each step.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { readXlsx } from "../src/adapters/xlsx/read-workbook";
import { applyWritePlan } from "../src/adapters/xlsx/write-workbook";
import { planWrites, runEngine } from "../src/engine";
import { day } from "../test/support/engine";

const [input, output] = process.argv.slice(2);
const asOf = day("2024-06-30");
const mb = (bytes: number) => bytes / 1_048_576;
let sampledRss = process.memoryUsage().rss;
/** Peak resident memory so far in MB, from the kernel's high-water mark and the samples. */
const peak = () => {
  sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
  return Math.max(mb(sampledRss), process.resourceUsage().maxRSS / 1024);
};
const startMb = peak();
let t = performance.now();
const lap = () => {
  const now = performance.now();
  const ms = now - t;
  t = now;
  return ms;
};
const bytes = readFileSync(input);
const { workbook, snapshot } = readXlsx(bytes, input);
const readMs = lap();
const readPeakMb = peak();
const result = runEngine(snapshot, { asOf }, asOf);
const plan = planWrites(result);
const checkMs = lap();
const checkPeakMb = peak();
const outcome = applyWritePlan(workbook, plan);
writeFileSync(output, outcome.bytes!);
const writeMs = lap();
const peakMb = peak();
process.stdout.write(
  JSON.stringify({
    readMs,
    checkMs,
    writeMs,
    peakMb,
    startMb,
    readPeakMb,
    checkPeakMb,
    findings: result.findings.length,
  })
);
