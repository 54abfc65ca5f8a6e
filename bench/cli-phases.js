"use strict";
/**
 * Runs the command line's own code for one file (validateFile, as `objective-check
 * validate FILE --write-to DIR` does), compiled and in plain Node, in its own process:
 * its peak memory is the CLI's alone, as a user's machine would see it. Each step is
 * timed through the steps validateFile takes.
 *
 * Peak memory is the resident set's high-water mark as the kernel counts it
 * (peak-memory.js: what V8 has not given back yet and memory outside its heap,
 * zlib's buffers, decoded part texts included).
 */
const { performance } = require("node:perf_hooks");
const { validateFile, XLSX_STEPS } = require("../dist/cli/validate-file");
const { dayFromIso } = require("../dist/engine/days");
const { peakMemoryMb } = require("./peak-memory");

const [input, outDir] = process.argv.slice(2);
const peakMb = peakMemoryMb;
const startMb = peakMb();
const times = { read: 0, check: 0, write: 0 };
const peaks = { read: 0, check: 0, write: 0 };
const timed =
  (name, step) =>
  (...args) => {
    const start = performance.now();
    const result = step(...args);
    times[name] += performance.now() - start;
    peaks[name] = peakMb();
    return result;
  };
const steps = {
  read: timed("read", XLSX_STEPS.read),
  check: timed("check", XLSX_STEPS.check),
  write: timed("write", XLSX_STEPS.write),
};
const asOf = dayFromIso("2024-06-30");
const options = {
  paths: [input],
  json: false,
  asOf,
  planYear: null,
  lang: "it",
  writeTo: outDir,
  debug: false,
};
const outcome = validateFile(input, options, asOf, new Set(), steps);
if (outcome.report.error !== null) throw new Error(outcome.report.error);
process.stdout.write(
  JSON.stringify({
    readMs: times.read,
    checkMs: times.check,
    writeMs: times.write,
    peakMb: peakMb(),
    startMb,
    readPeakMb: peaks.read,
    checkPeakMb: peaks.check,
    findings: outcome.report.findings.length,
  })
);
