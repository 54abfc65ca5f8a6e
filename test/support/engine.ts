import { dayFromIso, type Day } from "../../src/engine/days";
import { runEngine } from "../../src/engine";
import type { EngineResult } from "../../src/engine/result";
import type { Finding } from "../../src/engine/findings";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";

export function day(iso: string): Day {
  const value = dayFromIso(iso);
  if (value === null) throw new Error(`bad test date ${iso}`);
  return value;
}

export const SEED_AS_OF = day("2018-06-30");

export function run(
  snapshot: WorkbookSnapshot,
  asOf: Day = SEED_AS_OF,
  planYear?: number
): EngineResult {
  return runEngine(snapshot, { asOf, planYear }, asOf);
}

export function findings(snapshot: WorkbookSnapshot, asOf?: Day): Finding[] {
  return [...run(snapshot, asOf).findings];
}

export function rules(snapshot: WorkbookSnapshot, asOf?: Day): string[] {
  return findings(snapshot, asOf).map((f) => f.rule);
}
