"use strict";
const { readFileSync } = require("node:fs");

/**
 * This process's peak resident memory in MB. On Linux it is /proc's VmHWM:
 * getrusage's ru_maxrss survives exec, so a child started by a larger process
 * reports its parent's size as its own peak (getrusage(2)). Elsewhere
 * (Windows, macOS) process.resourceUsage().maxRSS, which is the process's own.
 */
function peakMemoryMb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // No /proc: not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}

module.exports = { peakMemoryMb };
