import type { Finding } from "../engine/findings";
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
