/**
 * User Timing measures at the seams of a check (read, check, write, the engine
 * worker), so that a benchmark or the browser's performance panel can tell
 * where a check's time went. Pure TypeScript, so that every layer may record. Each name keeps only its latest measure: a pane open all day, or a
 * test suite, does not pile entries up (Node warns past 150).
 */
interface UserTiming {
  now(): number;
  measure(name: string, options: { start: number; end?: number; duration?: number }): unknown;
  clearMeasures(name?: string): void;
}

const timing = (globalThis as { performance?: UserTiming }).performance;

export const MEASURE_PREFIX = "objective-check:";

/** Records `objective-check:<name>` from `start` (a performance.now() time) to now, or for `duration` ms. */
export function measureSince(name: string, start: number, duration?: number): void {
  if (timing?.measure === undefined) return;
  const full = MEASURE_PREFIX + name;
  timing.clearMeasures(full);
  timing.measure(full, duration === undefined ? { start, end: timing.now() } : { start, duration });
}

export function now(): number {
  return timing?.now() ?? Date.now();
}

/** Runs `work` and measures it as `objective-check:<name>`, whether it succeeds or fails. */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = now();
  try {
    return await work();
  } finally {
    measureSince(name, start);
  }
}
