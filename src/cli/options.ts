import { parseArgs as parseTokens } from "node:util";
import * as z from "zod/mini";
import { dayFromIso, type Day } from "../engine/days";
import { languageSchema, type Language } from "../engine/snapshot";
import type { ArgumentProblem } from "../i18n/catalogue";

export interface CliOptions {
  readonly command: "validate" | "report";
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly asOf: Day | null;
  readonly planYear: number | null;
  readonly lang: Language;
  readonly writeTo: string | null;
  /** List the warnings the workbook accepts (marked); without it they are only counted. */
  readonly showAccepted: boolean;
  /** Show the stack of an internal error on standard error (for a bug report). */
  readonly debug: boolean;
  /** `report`: the summary workbook to write, and the dashboard if asked for. */
  readonly out: string | null;
  readonly html: string | null;
}

export type ParsedArgs =
  | { ok: true; options: CliOptions }
  | { ok: false; help: true; lang: Language }
  | { ok: false; help: false; lang: Language; problem: ArgumentProblem; detail: string };

const OPTIONS = {
  json: { type: "boolean" },
  debug: { type: "boolean" },
  "show-accepted": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  "as-of": { type: "string" },
  "plan-year": { type: "string" },
  lang: { type: "string" },
  "write-to": { type: "string" },
  out: { type: "string" },
  html: { type: "string" },
} as const;

/** Options that only one command takes. */
const ONLY_FOR: Partial<Record<OptionName, "validate" | "report">> = {
  json: "validate",
  "write-to": "validate",
  out: "report",
  html: "report",
};

type OptionName = keyof typeof OPTIONS;

const valuesSchema = z.object({
  "as-of": z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  "plan-year": z.optional(z.string().check(z.regex(/^\d{4}$/))),
  lang: z.optional(languageSchema),
  "write-to": z.optional(z.string().check(z.minLength(1))),
  out: z.optional(z.string().check(z.regex(/\.xlsx$/i))),
  html: z.optional(z.string().check(z.minLength(1))),
});

const PROBLEM_OF_VALUE: Readonly<Record<keyof z.infer<typeof valuesSchema>, ArgumentProblem>> = {
  "as-of": "bad-as-of",
  "plan-year": "bad-plan-year",
  lang: "bad-lang",
  "write-to": "empty-write-to",
  out: "bad-out",
  html: "empty-html",
};

/**
 * `report FILE_OR_DIR... --out FILE.xlsx [--html FILE.html] [--as-of …] [--plan-year …] [--lang …]`, or
 * `validate FILE_OR_DIR... [--json] [--as-of YYYY-MM-DD] [--plan-year YYYY] [--lang it|en] [--write-to DIR] [--show-accepted] [--debug]`,
 * read with `node:util`'s parser (so `--flag=value` and `--` work as everywhere in Node) in its
 * token mode: each problem gets its own sentence instead of Node's English error text.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { tokens } = parseTokens({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const langToken = tokens.find((t) => t.kind === "option" && t.name === "lang");
  const lang: Language = langToken?.kind === "option" && langToken.value === "en" ? "en" : "it";
  const fail = (problem: ArgumentProblem, detail = ""): ParsedArgs => ({
    ok: false,
    help: false,
    lang,
    problem,
    detail,
  });

  const positionals: string[] = [];
  const values: Partial<Record<OptionName, string | true>> = {};
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    if (!(token.name in OPTIONS)) return fail("unknown-option", token.rawName);
    const name = token.name as OptionName;
    if (name === "help") return { ok: false, help: true, lang };
    if (values[name] !== undefined) return fail("repeated-option", token.rawName);
    if (OPTIONS[name].type === "boolean") {
      if (token.value !== undefined) return fail("unexpected-value", token.rawName);
      values[name] = true;
      continue;
    }
    // `--as-of --json` would otherwise take "--json" as the date: a value never starts with a dash
    // unless written `--as-of=-…` on purpose.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))
      return fail("missing-value", token.rawName);
    values[name] = token.value;
  }
  if (argv.length === 0) return { ok: false, help: true, lang };
  if (positionals.length === 0) return fail("no-command");
  const [command, ...paths] = positionals;
  if (command !== "validate" && command !== "report") return fail("unknown-command", command);
  for (const name of Object.keys(values) as OptionName[]) {
    const only = ONLY_FOR[name];
    if (only !== undefined && only !== command) return fail(`only-${only}`, `--${name}`);
  }
  if (paths.length === 0) return fail("no-paths");
  if (command === "report" && values.out === undefined) return fail("missing-out");

  const checked = valuesSchema.safeParse(values);
  if (!checked.success) {
    const key = checked.error.issues[0].path[0] as keyof typeof PROBLEM_OF_VALUE;
    return fail(PROBLEM_OF_VALUE[key], String(values[key]));
  }
  const asOfText = checked.data["as-of"];
  const asOf = asOfText === undefined ? null : dayFromIso(asOfText);
  if (asOfText !== undefined && asOf === null) return fail("bad-as-of", asOfText);
  const planYear = checked.data["plan-year"];
  return {
    ok: true,
    options: {
      command,
      paths,
      json: values.json === true,
      asOf,
      planYear: planYear === undefined ? null : Number(planYear),
      lang: checked.data.lang ?? "it",
      writeTo: checked.data["write-to"] ?? null,
      debug: values.debug === true,
      out: checked.data.out ?? null,
      html: checked.data.html ?? null,
      showAccepted: values["show-accepted"] === true,
    },
  };
}
