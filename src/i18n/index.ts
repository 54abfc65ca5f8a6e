import { sheetCellReference } from "../engine/cell-address";
import { makesUncheckable, type Finding } from "../engine/findings";
import type { MessagesIn } from "../engine/plan/plan-writes";
import type { Language } from "../engine/snapshot";
import type { Catalogue } from "./catalogue";
import { en } from "./en";
import { it } from "./it";

export type { Catalogue } from "./catalogue";

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { it, en };

export function catalogue(language: Language): Catalogue {
  return CATALOGUES[language];
}

export function renderMessage(finding: Finding, language: Language): string {
  return CATALOGUES[language].rules[finding.rule](
    finding.details,
    finding.objective,
    finding.table
  );
}

/** The Messages column's sentences in a status language, for the engine's write plan. */
export const messageTexts: MessagesIn = (language) => ({
  finding: (finding) => renderMessage(finding, language),
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
