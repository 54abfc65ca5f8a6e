import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADDIN_ID } from "../../src/adapters/xlsx/document-settings";
import { reportSchema } from "../../src/cli/report-schema";
import { cleanWorkbook, date } from "../support/snapshot-builder";
import { runCli } from "../support/run-cli";
import { buildXlsx, webExtensionPart } from "../support/xlsx-builder";

/** A workbook whose second phase is weighted 0 and has no owner; its settings accept the weight warning. */
function workbookAccepting(acceptedWarnings: unknown): string {
  const snapshot = cleanWorkbook({
    phases: [
      ["2018_AA01", "Prima fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
      ["2018_AA01", "Seconda fase", 0, date("2018-06-01"), date("2018-12-15"), null],
    ],
  });
  const settings = JSON.stringify({ asOf: "2018-06-30", acceptedWarnings });
  const path = join(mkdtempSync(join(tmpdir(), "objective-check-")), "piano.xlsx");
  writeFileSync(
    path,
    buildXlsx(snapshot, {
      extraParts: {
        "xl/webextensions/webextension1.xml": webExtensionPart(ADDIN_ID, {
          objectiveCheck: settings,
        }),
      },
    })
  );
  return path;
}

const ACCEPT_ZERO = [{ rule: "phase.weight.zero", key: "2018_AA01\tSECONDA FASE" }];

describe("objective-check validate and the workbook's accepted warnings", () => {
  it("counts them apart and lists them only with --show-accepted, marked", () => {
    const file = workbookAccepting(ACCEPT_ZERO);
    const plain = runCli(["validate", file]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain(
      "1 obiettivo, 2 fasi, 1 indicatore: 0 errori, 1 avviso, 1 avviso accettato"
    );
    expect(plain.out).toMatch(/AVVISO Fasi!F3 phase\.owner\.missing/);
    expect(plain.out).not.toContain("phase.weight.zero");

    const shown = runCli(["validate", file, "--show-accepted", "--lang", "en"]);
    expect(shown.out).toContain("0 errors, 1 warning, 1 accepted warning");
    expect(shown.out).toMatch(/ACCEPTED WARNING Fasi!C3 phase\.weight\.zero Weight 0/);
    expect(shown.out).toMatch(/\n {4}WARNING Fasi!F3 phase\.owner\.missing/);
  });

  it("says no problems when the only warning is accepted, and the summary still counts it", () => {
    const file = workbookAccepting([
      ...ACCEPT_ZERO,
      { rule: "phase.owner.missing", key: "2018_aa01\tseconda fase".toUpperCase() },
    ]);
    const { code, out } = runCli(["validate", file]);
    expect(code).toBe(0);
    expect(out).toContain("0 errori, 0 avvisi, 2 avvisi accettati");
    expect(out).toContain("Nessun problema trovato.");
  });

  it("marks them accepted in --json; an error named in the settings is not accepted", () => {
    const file = workbookAccepting([
      ...ACCEPT_ZERO,
      { rule: "objective.weight.sum", key: "2018_AA01" },
      "not an entry",
    ]);
    const { out } = runCli(["validate", file, "--json"]);
    const [report] = reportSchema.parse(JSON.parse(out)).files;
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1, accepted: 1 });
    expect(report.findings.map((f) => [f.rule, f.accepted])).toEqual([
      ["phase.owner.missing", false],
      ["phase.weight.zero", true],
    ]);
    expect(report.phases[1].check).toBe("AVVISO");
  });
});
