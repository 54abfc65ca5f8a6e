import type { WorkbookLinks } from "../links";
import type { WorkbookMapping } from "../map/map-workbook";
import type { Parsed } from "../parse/cells";
import type { ParsedWorkbook } from "../parse/records";
import type { FindingSink } from "./finding-sink";

export interface RuleContext {
  readonly mapping: WorkbookMapping;
  readonly parsed: ParsedWorkbook;
  readonly links: WorkbookLinks;
  readonly sink: FindingSink;
}

/** The code as written (trimmed), for the finding's `objective`; null when blank or an error. */
export function codeText(code: Parsed<string>): string | null {
  return code.kind === "ok" ? code.value : null;
}
