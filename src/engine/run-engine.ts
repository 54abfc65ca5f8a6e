import { markAccepted } from "./accepted-warnings";
import { computeWorkbook } from "./compute/compute-workbook";
import type { Day } from "./days";
import { linkWorkbook } from "./links";
import { mapWorkbook } from "./map/map-workbook";
import { parseWorkbook } from "./parse/parse-workbook";
import type { EngineResult } from "./result";
import { checkWorkbook } from "./rules/check-workbook";
import { resolveRunSettings, type RunOverrides } from "./settings";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * The one path every host shares: map → parse → check → compute. Pure: no
 * Office.js, no DOM, no file system; the host passes today's date.
 */
export function runEngine(
  snapshot: WorkbookSnapshot,
  overrides: RunOverrides,
  today: Day
): EngineResult {
  const settings = resolveRunSettings(snapshot.settings, overrides, today);
  const mapping = mapWorkbook(snapshot);
  const parsed = parseWorkbook(mapping, {
    dateSystem: snapshot.dateSystem,
    fallbackPlanYear: settings.planYear,
  });
  const links = linkWorkbook(parsed);
  // The engine, not the host, decides which warnings the workbook accepts.
  const findings = markAccepted(
    checkWorkbook(mapping, parsed, links),
    snapshot.settings.acceptedWarnings
  );
  const rows = computeWorkbook(parsed, links, findings, settings.asOf);
  const counts = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const finding of findings) {
    if (finding.accepted) counts.accepted++;
    else counts[finding.severity]++;
  }
  return {
    settings,
    mapping,
    findings,
    ...rows,
    blankRows: {
      objectives: parsed.objectives?.blankRows ?? [],
      phases: parsed.phases?.blankRows ?? [],
      indicators: parsed.indicators?.blankRows ?? [],
    },
    summary: {
      objectives: parsed.objectives?.records.length ?? 0,
      phases: parsed.phases?.records.length ?? 0,
      indicators: parsed.indicators?.records.length ?? 0,
      errors: counts.error,
      warnings: counts.warning,
      accepted: counts.accepted,
      infos: counts.info,
    },
  };
}
