import type { Finding } from "../findings";
import type { WorkbookLinks } from "../links";
import type { WorkbookMapping } from "../map/map-workbook";
import type { ParsedWorkbook } from "../parse/records";
import { TABLE_KINDS } from "../snapshot";
import { checkIndicatorFields } from "./indicator-fields";
import { checkLinkedObjectives } from "./linked-objective";
import { checkObjectiveFields } from "./objective-fields";
import { checkObjectiveLinks } from "./objective-links";
import { checkPhaseDates } from "./phase-dates";
import { checkPhaseFields } from "./phase-fields";
import { checkPhaseProgress } from "./phase-progress";
import { checkPhaseWeights } from "./phase-weight";
import type { RuleContext } from "./rule-context";
import { checkTables } from "./tables";
import { FindingSink } from "./finding-sink";

const RULE_GROUPS: readonly ((context: RuleContext) => void)[] = [
  checkTables,
  checkObjectiveFields,
  checkObjectiveLinks,
  checkLinkedObjectives,
  checkPhaseFields,
  checkPhaseWeights,
  checkPhaseDates,
  checkPhaseProgress,
  checkIndicatorFields,
];

/** Every rule of domain.md §4; findings come out by table, then row (workbook- and table-level first). */
export function checkWorkbook(
  mapping: WorkbookMapping,
  parsed: ParsedWorkbook,
  links: WorkbookLinks
): Finding[] {
  const sink = new FindingSink();
  const context: RuleContext = { mapping, parsed, links, sink };
  for (const group of RULE_GROUPS) group(context);
  const kindOrder = (f: Finding) => TABLE_KINDS.indexOf(f.tableKind);
  return sink.findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        kindOrder(a.finding) - kindOrder(b.finding) ||
        (a.finding.rowIndex ?? -1) - (b.finding.rowIndex ?? -1) ||
        a.order - b.order
    )
    .map(({ finding }) => finding);
}
