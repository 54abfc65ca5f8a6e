import { execFileSync } from "node:child_process";
import { join } from "node:path";
import ts from "typescript";

/**
 * The layers are held by the tools, not by discipline: each case is a tiny
 * file placed (in memory) in a folder of src, checked by the project's own
 * ESLint config or by the compiler options of that folder's tsconfig.
 */
const root = join(__dirname, "../..");

/**
 * Lints each [path, code] with the project's config and returns, per case, the
 * boundary rules that fired. ESLint loads eslint.config.mjs with a dynamic
 * import, which Jest's module sandbox refuses, so it runs in a plain Node.
 */
function boundaryErrors(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const { join } = require("node:path");
    const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(([path, code]) => eslint.lintText(code, { filePath: join(process.cwd(), path) })))
      .then((results) => process.stdout.write(JSON.stringify(results.map(([r]) => r.messages
        .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals")
        .map((m) => m.ruleId)))));`;
  const output = execFileSync(process.execPath, ["-e", script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  return JSON.parse(output) as string[][];
}

describe("import boundaries (eslint.config.mjs)", () => {
  const refused: [string, string][] = [
    ["src/engine/rules/probe.ts", 'import { it } from "../../i18n/it";\nexport const x = it;\n'],
    [
      "src/engine/probe.ts",
      'import { readXlsx } from "../adapters/xlsx/read-workbook";\nexport const x = readXlsx;\n',
    ],
    [
      "src/engine/probe.ts",
      'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    ],
    [
      "src/i18n/probe.ts",
      'import type { SkippedTable } from "../adapters/xlsx/write-workbook";\nexport type X = SkippedTable;\n',
    ],
    [
      "src/adapters/xlsx/probe.ts",
      'import { cli } from "../../cli/main";\nexport const x = cli;\n',
    ],
    [
      "src/cli/probe.ts",
      'import { paneActions } from "../adapters/office/pane-actions";\nexport const x = paneActions;\n',
    ],
    [
      "src/adapters/office/probe.ts",
      'import { FakeExcelHost } from "../../fake-excel/fake-excel-host";\nexport const x = FakeExcelHost;\n',
    ],
    [
      "src/addin/taskpane/Probe.tsx",
      'import { paneActions } from "../../adapters/office/pane-actions";\nexport const x = paneActions;\n',
    ],
    ["src/addin/taskpane/Probe.tsx", "export const x = () => Office.context.document;\n"],
  ];
  const allowed: [string, string][] = [
    [
      "src/engine/rules/probe.ts",
      'import { RULES } from "../findings";\nexport const x = RULES;\n',
    ],
    ["src/engine/probe.ts", 'import * as z from "zod/mini";\nexport const x = z;\n'],
    ["src/i18n/probe.ts", 'import { RULES } from "../engine/findings";\nexport const x = RULES;\n'],
    [
      "src/cli/probe.ts",
      'import { readXlsx } from "../adapters/xlsx/read-workbook";\nexport const x = readXlsx;\n',
    ],
    [
      "src/addin/taskpane/Probe.tsx",
      'import type { PaneActions } from "../../adapters/office/pane-actions";\nexport type X = PaneActions;\n',
    ],
    [
      "src/addin/taskpane/index.tsx",
      'import { paneActions } from "../../adapters/office/pane-actions";\nexport const x = paneActions;\n',
    ],
    [
      "test/probe.test.ts",
      'import { FakeExcelHost } from "../src/fake-excel/fake-excel-host";\nexport const x = FakeExcelHost;\n',
    ],
  ];
  let results: string[][];
  beforeAll(() => {
    results = boundaryErrors([...refused, ...allowed]);
  }, 60_000);

  it.each(refused.map((c, i) => [...c, i] as const))(
    "refuses %s importing across a layer: %j",
    (_path, _code, i) => {
      expect(results[i]).not.toEqual([]);
    }
  );

  it.each(allowed.map((c, i) => [...c, refused.length + i] as const))(
    "lets %s import within the flow: %j",
    (_path, _code, i) => {
      expect(results[i]).toEqual([]);
    }
  );
});

describe("ambient types per layer (tsconfig.*.json)", () => {
  function errorsIn(config: string, path: string, code: string): string[] {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(root, config),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      }
    );
    const file = join(root, path);
    const host = ts.createCompilerHost(parsed!.options);
    const readFile = host.readFile;
    host.readFile = (name) => (name === file ? code : readFile(name));
    host.fileExists = (name) => name === file || ts.sys.fileExists(name);
    const program = ts.createProgram([file], parsed!.options, host);
    return ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }

  it.each([
    ["document.title", "document"],
    ["process.env.HOME", "process"],
    ["Excel.run", "Excel"],
    ["Office.onReady", "Office"],
    ["describe", "describe"],
  ])("the engine cannot see %s", (expression, name) => {
    const errors = errorsIn(
      "tsconfig.engine.json",
      "src/engine/probe.ts",
      `export const x = ${expression};\n`
    );
    expect(errors.join("\n")).toContain(`Cannot find name '${name}'`);
  });

  it("i18n cannot see the DOM or Node either", () => {
    const errors = errorsIn(
      "tsconfig.i18n.json",
      "src/i18n/probe.ts",
      "export const x = [window.name, Buffer.from('')];\n"
    );
    expect(errors.join("\n")).toMatch(/Cannot find name 'window'[\s\S]*Cannot find name 'Buffer'/);
  });

  it("the Office adapter sees Office.js but no Node", () => {
    const errors = errorsIn(
      "tsconfig.office.json",
      "src/adapters/office/probe.ts",
      "export const x = Excel.run;\nexport const y = process.env;\n"
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Cannot find name 'process'");
  });

  it("each rule builds exactly its own details, and its message reads exactly those", () => {
    const rule = (body: string) =>
      errorsIn(
        "tsconfig.engine.json",
        "src/engine/rules/probe.ts",
        `import type { RuleContext } from "./rule-context";\nexport function probe({ sink, mapping }: RuleContext): void {\n  ${body}\n}\n`
      );
    expect(rule('sink.table(mapping.phases!, "objective.weight.sum", { total: 90 });')).toEqual([]);
    expect(rule('sink.table(mapping.phases!, "objective.weight.sum");').join()).toContain(
      "Expected 3 arguments"
    );
    expect(rule('sink.table(mapping.phases!, "table.empty", { field: "end" });').join()).toContain(
      "'field' does not exist"
    );
    const message = errorsIn(
      "tsconfig.i18n.json",
      "src/i18n/probe.ts",
      'import type { RuleMessages } from "./catalogue";\nexport const m: Pick<RuleMessages, "objective.weight.sum"> = {\n  "objective.weight.sum": (d) => String(d.firstRow),\n};\n'
    );
    expect(message.join()).toContain("Property 'firstRow' does not exist");
  });

  it("the engine's own code compiles with those options", () => {
    expect(
      errorsIn(
        "tsconfig.engine.json",
        "src/engine/probe.ts",
        'export { runEngine } from "./index";\n'
      )
    ).toEqual([]);
  });
});
