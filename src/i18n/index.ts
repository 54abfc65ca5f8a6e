import { sheetCellReference } from "../engine/cell-address";
import {
  makesUncheckable,
  type Finding,
  type FindingDetails,
  type RuleId,
} from "../engine/findings";
import type { MessagesIn } from "../engine/plan/plan-writes";
import type { Language } from "../engine/snapshot";
import type { Catalogue, RuleMessages } from "./catalogue";
import { en } from "./en";
import { it } from "./it";

export type { Catalogue } from "./catalogue";

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { it, en };

export function catalogue(language: Language): Catalogue {
  return CATALOGUES[language];
}

export function renderMessage(finding: Finding, language: Language): string {
  return ruleMessage(
    CATALOGUES[language].rules,
    finding.rule,
    finding.details,
    finding.objective,
    finding.table
  );
}

/** Generic in the rule, so that TypeScript pairs each rule's message with that rule's details. */
function ruleMessage<R extends RuleId>(
  rules: RuleMessages,
  rule: R,
  details: FindingDetails<R>,
  objective: string | null,
  table: string | null
): string {
  return rules[rule](details, objective, table);
}

/** The finding's message, marked when the workbook accepts it (domain.md §4). */
export function renderListedMessage(finding: Finding, language: Language): string {
  const message = renderMessage(finding, language);
  return finding.accepted ? CATALOGUES[language].acceptedMessage(message) : message;
}

/** The Messages column's sentences in a status language, for the engine's write plan. */
export const messageTexts: MessagesIn = (language) => ({
  finding: (finding) => renderListedMessage(finding, language),
  linkedProblems: CATALOGUES[language].linkedProblems,
});

/**
 * Why the workbook cannot be fully checked (a table or a required column
 * missing), each reason with its place; null when nothing stops the check.
 */
export function uncheckableReasons(
  findings: readonly Finding[],
  language: Language
): string | null {
  const reasons = findings
    .filter(makesUncheckable)
    .map(
      (f) =>
        `${renderMessage(f, language)}${f.sheet && f.cell ? ` (${sheetCellReference(f.sheet, f.cell)})` : ""}`
    );
  return reasons.length === 0 ? null : reasons.join(" ");
}
