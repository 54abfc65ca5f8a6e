/**
 * Runs in its own process so that its peak memory is the CLI's alone: read,
 * check and write one large .xlsx, timing each step.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { readXlsx } from "../src/adapters/xlsx/read-workbook";
import { applyWritePlan } from "../src/adapters/xlsx/write-workbook";
import { planWrites, runEngine } from "../src/engine";
import { day } from "../test/support/engine";
import { messageTexts } from "../src/i18n";

const [input, output] = process.argv.slice(2);
const asOf = day("2024-06-30");
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
const result = runEngine(snapshot, { asOf }, asOf);
const plan = planWrites(result, messageTexts);
const checkMs = lap();
const outcome = applyWritePlan(workbook, plan);
writeFileSync(output, outcome.bytes!);
const writeMs = lap();
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({ readMs, checkMs, writeMs, peakMb, findings: result.findings.length })
);
