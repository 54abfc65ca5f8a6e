#!/usr/bin/env node
/**
 * `npm run test:tz`: the engine, adapter and command-line suites again in two
 * time zones far from UTC (dates are calendar days: no time zone may move them).
 * A Node script rather than `TZ=… jest`, which is POSIX shell syntax that
 * cmd.exe on Windows does not run; Node reads TZ there too (nodejs/node#38642).
 */
"use strict";
const { spawnSync } = require("child_process");

const jest = require.resolve("jest/bin/jest");
for (const zone of ["America/Los_Angeles", "Asia/Tokyo"]) {
  const run = spawnSync(
    process.execPath,
    [jest, "--silent", "test/engine", "test/adapters", "test/cli"],
    {
      stdio: "inherit",
      env: { ...process.env, TZ: zone },
    }
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
