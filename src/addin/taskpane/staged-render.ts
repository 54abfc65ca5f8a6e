import { useEffect, useState } from "react";
import type { ValidationOutcome } from "../../adapters/office/validate-workbook";
import type { Language } from "../../engine/snapshot";
import { findingsIndexer, type FindingsIndex } from "./findings-view";

/**
 * How long one slice of work may hold the main thread: well under the 50 ms
 * that makes a long task, leaving room for React's render of the slice's result.
 */
export const SLICE_MS = 8;

/** Runs `work` in a task of its own, after whatever the browser has queued (input, paint). */
export function nextTask(work: () => void): () => void {
  // A MessageChannel rather than setTimeout(0), which browsers clamp to 4 ms once nested.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    work();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * The findings index of the latest outcome, built a slice at a time in tasks
 * of their own; until it is ready, the previous outcome's index (or null).
 */
export function useFindingsIndex(
  outcome: ValidationOutcome | null,
  language: Language
): FindingsIndex | null {
  const [index, setIndex] = useState<FindingsIndex | null>(null);
  useEffect(() => {
    if (outcome === null) return;
    const indexer = findingsIndexer(outcome.result, language);
    let cancel = () => undefined as void;
    const slice = () => {
      const deadline = performance.now() + SLICE_MS;
      const done = indexer.advance(() => performance.now() >= deadline);
      if (done) setIndex(done);
      else cancel = nextTask(slice);
    };
    cancel = nextTask(slice);
    return () => cancel();
  }, [outcome, language]);
  return outcome === null ? null : index;
}

/**
 * `value`, one task after it changed (`initial` until then on the first
 * render): what depends on it renders in a task of its own, after what comes
 * first (the findings' controls before their rows, the rows before the Cronoprogramma).
 */
export function useNextTask<T>(value: T, initial: T = value): T {
  const [later, setLater] = useState(initial);
  useEffect(() => nextTask(() => setLater(() => value)), [value]);
  return later;
}
