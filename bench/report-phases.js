"use strict";
/**
 * Runs `objective-check report DIR`'s own pieces, compiled and in plain Node, in its
 * own process, timing each: reading and checking the workbooks (the steps `validate`
 * takes), building the round's rows from each result (the model), then writing the
 * summary workbook and the dashboard. Prints the figures as JSON.
 */
const { readdirSync } = require("node:fs");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { XLSX_STEPS } = require("../dist/cli/validate-file");
const { addFile } = require("../dist/cli/report-command");
const { RoundReport } = require("../dist/report/report-model");
const { summaryWorkbook } = require("../dist/report/summary-workbook");
const { TableWorkbook } = require("../dist/adapters/xlsx/table-workbook");
const { dashboardHtml } = require("../dist/report/dashboard");
const { dayFromIso } = require("../dist/engine/days");
const { peakMemoryMb } = require("./peak-memory");

const [dir, outDir] = process.argv.slice(2);
const times = { readCheck: 0, model: 0, summary: 0, dashboard: 0 };
const peaks = {};
const timed =
  (step) =>
  (...args) => {
    const start = performance.now();
    const result = step(...args);
    times.readCheck += performance.now() - start;
    return result;
  };
const steps = { ...XLSX_STEPS, read: timed(XLSX_STEPS.read), check: timed(XLSX_STEPS.check) };
const asOf = dayFromIso("2024-06-30");
const options = {
  command: "report",
  paths: [dir],
  json: false,
  asOf,
  planYear: null,
  lang: "it",
  writeTo: null,
  out: join(outDir, "riepilogo.xlsx"),
  html: null,
  debug: false,
  showAccepted: false,
};
const round = new RoundReport("it", asOf);
const files = readdirSync(dir).sort();
const start = performance.now();
for (const name of files) addFile(round, join(dir, name), options, asOf, steps);
round.finish();
// addFile's time less the engine's steps is the model (and reading the file's bytes from disk).
times.model = performance.now() - start - times.readCheck;
peaks.files = peakMemoryMb();
async function main() {
  let at = performance.now();
  const book = new TableWorkbook("Objective Check");
  summaryWorkbook(round, (file) => file, book);
  book.finish();
  times.summary = performance.now() - at;
  peaks.summary = peakMemoryMb();
  at = performance.now();
  await dashboardHtml(round);
  times.dashboard = performance.now() - at;
  process.stdout.write(JSON.stringify({ times, peaks, files: files.length }));
}
void main();
