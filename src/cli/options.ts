import * as z from "zod/mini";
import { dayFromIso, type Day } from "../engine/days";
import { languageSchema, type Language } from "../engine/snapshot";

export interface CliOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly asOf: Day | null;
  readonly planYear: number | null;
  readonly lang: Language;
  readonly writeTo: string | null;
}

const rawOptionsSchema = z.object({
  paths: z.array(z.string()).check(z.minLength(1, "give at least one .xlsx file or folder")),
  json: z.boolean(),
  asOf: z.nullable(
    z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "--as-of takes a date as YYYY-MM-DD"))
  ),
  planYear: z.nullable(z.string().check(z.regex(/^\d{4}$/, "--plan-year takes a four-digit year"))),
  lang: languageSchema,
  writeTo: z.nullable(z.string().check(z.minLength(1, "--write-to takes a folder"))),
});

export type ParsedArgs =
  { ok: true; options: CliOptions } | { ok: false; message: string; help: boolean };

const VALUE_FLAGS = new Set(["--as-of", "--plan-year", "--lang", "--write-to"]);

/** `validate FILE_OR_DIR... [--json] [--as-of YYYY-MM-DD] [--plan-year YYYY] [--lang it|en] [--write-to DIR]`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h"))
    return { ok: false, message: "", help: true };
  const [command, ...rest] = argv;
  if (command !== "validate")
    return { ok: false, message: `unknown command "${command}": use "validate"`, help: false };
  const raw = {
    paths: [] as string[],
    json: false,
    asOf: null as string | null,
    planYear: null as string | null,
    lang: "it",
    writeTo: null as string | null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--json") raw.json = true;
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? rest[++i];
      if (value === undefined) return { ok: false, message: `${flag} needs a value`, help: false };
      if (flag === "--as-of") raw.asOf = value;
      else if (flag === "--plan-year") raw.planYear = value;
      else if (flag === "--lang") raw.lang = value;
      else raw.writeTo = value;
    } else if (flag.startsWith("-"))
      return { ok: false, message: `unknown option "${flag}"`, help: false };
    else raw.paths.push(arg);
  }
  const checked = rawOptionsSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const message = issue.path[0] === "lang" ? "--lang takes it or en" : issue.message;
    return { ok: false, message, help: false };
  }
  const asOf = checked.data.asOf === null ? null : dayFromIso(checked.data.asOf);
  if (checked.data.asOf !== null && asOf === null) {
    return { ok: false, message: `--as-of ${checked.data.asOf} is not a real date`, help: false };
  }
  return {
    ok: true,
    options: {
      paths: checked.data.paths,
      json: checked.data.json,
      asOf,
      planYear: checked.data.planYear === null ? null : Number(checked.data.planYear),
      lang: checked.data.lang,
      writeTo: checked.data.writeTo,
    },
  };
}
