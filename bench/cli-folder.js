"use strict";
/**
 * Runs the compiled command line, in plain Node and its own process, so that
 * its peak memory is the run's alone: `objective-check validate DIR`
 * (optionally `--json`) or `objective-check report DIR --out …`, its output counted and dropped as a pipe to a reader
 * that keeps up would, timing the whole run.
 */
const { Writable } = require("node:stream");
const { performance } = require("node:perf_hooks");
const { run } = require("../dist/cli/main");
const { peakMemoryMb } = require("./peak-memory");

class Sink extends Writable {
  constructor() {
    super();
    this.bytes = 0;
    this.isTTY = false;
  }
  _write(chunk, _, done) {
    this.bytes += chunk.length;
    done();
  }
}

const [command, dir, ...flags] = process.argv.slice(2);
const stdout = new Sink();
const stderr = new Sink();
const io = { stdout, stderr, env: {}, now: new Date(2024, 5, 30) };
const start = performance.now();
void run([command, dir, "--as-of", "2024-06-30", ...flags], io).then((code) => {
  const ms = performance.now() - start;
  const peakMb = peakMemoryMb();
  process.stdout.write(JSON.stringify({ ms, peakMb, code, outputMb: stdout.bytes / 1_048_576 }));
});
