import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportSchema, type Report } from "../../src/cli/report-schema";
import { cleanWorkbook, PHASE_HEADERS_WITHOUT_END } from "../support/snapshot-builder";
import { runCli } from "../support/run-cli";
import { buildXlsx } from "../support/xlsx-builder";

const FIXTURES = join(__dirname, "../fixtures");
const SEED = join(FIXTURES, "openpyxl/seed-2018_ZN12.xlsx");

function cli(args: string[], tty = false): { code: number; out: string; err: string } {
  return runCli(args, { tty });
}

function json(args: string[]): { code: number; report: Report } {
  const { code, out } = cli([...args, "--json"]);
  return { code, report: reportSchema.parse(JSON.parse(out)) };
}

const tmp = () => mkdtempSync(join(tmpdir(), "objective-check-"));

describe("objective-check validate", () => {
  it("gives the §6 result on the seed card, in the documented JSON shape", () => {
    const { code, report } = json(["validate", SEED, "--as-of", "2018-06-30"]);
    expect(code).toBe(1);
    const [file] = report.files;
    expect(file).toMatchObject({
      file: SEED,
      asOf: "2018-06-30",
      error: null,
      summary: { objectives: 1, phases: 2, indicators: 2, errors: 1, warnings: 0 },
    });
    expect(file.findings).toEqual([
      expect.objectContaining({
        rule: "phase.end.missing",
        severity: "error",
        table: "Fasi",
        sheet: "Fasi",
        row: 2,
        column: "Fine Prevista",
        cell: "E2",
        objective: "2018_ZN12",
      }),
    ]);
    expect(file.findings[0].message).toContain("30/09/2018");
    expect(file.objectives).toEqual([
      {
        code: "2018_ZN12",
        sheet: "Obiettivi",
        row: 2,
        weightTotal: 100,
        expectedProgress: null,
        actualProgress: null,
        status: "DATE MANCANTI",
        check: "ERRORE",
      },
    ]);
    expect(file.phases.map((p) => [p.row, p.expectedProgress, p.status, p.check])).toEqual([
      [2, null, "DATE MANCANTI", "ERRORE"],
      [3, 1, "IN CORSO", "OK"],
    ]);
    expect(file.indicators.map((i) => i.check)).toEqual(["OK", "OK"]);
  });

  it("speaks English with --lang en, statuses included", () => {
    const { report } = json(["validate", SEED, "--as-of", "2018-06-30", "--lang", "en"]);
    expect(report.files[0].objectives[0]).toMatchObject({
      status: "MISSING DATES",
      check: "ERROR",
    });
    expect(report.files[0].findings[0].message).toMatch(/^Planned end date missing/);
  });

  it("prints a summary and the findings grouped by objective with Sheet!Cell, plain when piped", () => {
    const { code, out } = cli(["validate", SEED, "--as-of", "2018-06-30"]);
    expect(code).toBe(1);
    expect(out).toContain("1 obiettivo, 2 fasi, 2 indicatori: 1 errore, 0 avvisi");
    expect(out).toContain("Obiettivo 2018_ZN12");
    expect(out).toMatch(/ERRORE Fasi!E2 phase\.end\.missing Data di fine prevista mancante/);
    expect(out).not.toContain("\u001b[");
    expect(cli(["validate", SEED, "--as-of", "2018-06-30"], true).out).toContain("\u001b[31m");
  });

  it("uses today's date when no reference date is given", () => {
    expect(json(["validate", SEED]).report.files[0].asOf).toBe("2018-06-30");
  });

  it("exits 0 when there are warnings only", () => {
    const dir = tmp();
    const first = join(dir, "a.xlsx");
    copyFileSync(join(FIXTURES, "exceljs/edge-cases-1904.xlsx"), first);
    const { code, report } = json(["validate", first, "--as-of", "2019-03-31"]);
    expect(report.files[0].summary.errors).toBe(0);
    expect(code).toBe(0);
  });

  it("checks every .xlsx of a folder, and says which file could not be read, with exit code 2", () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, "a-seed.xlsx"));
    writeFileSync(join(dir, "b-broken.xlsx"), "Codice;Titolo\n");
    writeFileSync(join(dir, "c-old.xls"), "ignored: not .xlsx");
    writeFileSync(join(dir, "~$a-seed.xlsx"), "Excel lock file");
    const { code, report } = json(["validate", dir, "--as-of", "2018-06-30"]);
    expect(code).toBe(2);
    expect(report.files.map((f) => [f.file.slice(dir.length + 1), f.error === null])).toEqual([
      ["a-seed.xlsx", true],
      ["b-broken.xlsx", false],
    ]);
    expect(report.files[1].error).toBe(
      "non è una cartella di lavoro .xlsx: salvala da Excel come .xlsx"
    );
  });

  it.each([
    [["validate"], "indica almeno un file .xlsx o una cartella"],
    [["--json"], "manca il comando"],
    [["check", "x.xlsx"], "comando «check» sconosciuto: usa validate"],
    [["validate", "x.xlsx", "--as-of", "30/06/2018"], "--as-of 30/06/2018 non è una data vera"],
    [["validate", "x.xlsx", "--as-of", "2018-02-30"], "--as-of 2018-02-30 non è una data vera"],
    [["validate", "x.xlsx", "--as-of", "--json"], "--as-of vuole un valore"],
    [
      ["validate", "x.xlsx", "--as-of=2018-06-30", "--as-of", "2018-09-30"],
      "--as-of è data due volte",
    ],
    [["validate", "x.xlsx", "--plan-year", "18"], "--plan-year 18 non è un anno di quattro cifre"],
    [["validate", "x.xlsx", "--lang", "fr"], "--lang fr non è una lingua disponibile: usa it o en"],
    [["validate", "x.xlsx", "--colour"], "opzione --colour sconosciuta"],
    [["validate", "x.xlsx", "-x"], "opzione -x sconosciuta"],
    [["validate", "x.xlsx", "--json=yes"], "--json non vuole un valore"],
    [["validate", "x.xlsx", "--write-to"], "--write-to vuole un valore"],
    [["validate", "x.xlsx", "--write-to="], "--write-to vuole una cartella"],
    [["validate", "x.xlsx", "--lang=en", "--colour"], "unknown option --colour"],
  ])("rejects %j with exit code 2, a reason and the usage", (args, reason) => {
    const { code, out, err } = cli(args);
    expect(code).toBe(2);
    expect(out).toBe("");
    const [first, blank, usage] = err.split("\n");
    expect(first).toBe(`objective-check: ${first.slice("objective-check: ".length)}`);
    expect(first).toContain(reason);
    expect(blank).toBe("");
    expect(usage).toMatch(/^(Uso|Usage): objective-check validate/);
  });

  it("reads --flag=value and takes what follows -- as files", () => {
    const dir = tmp();
    const dashed = join(dir, "-seed.xlsx");
    copyFileSync(SEED, dashed);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const args = ["validate", "--json", "--as-of=2018-06-30", "--lang=en", "--", "-seed.xlsx"];
      const { code, out } = cli(args);
      const report = reportSchema.parse(JSON.parse(out));
      expect(code).toBe(1);
      expect(report.files[0]).toMatchObject({ file: "-seed.xlsx", asOf: "2018-06-30" });
      expect(report.files[0].findings[0].message).toContain("Planned end date missing");
    } finally {
      process.chdir(cwd);
    }
  });

  it("reports a missing file and a structural problem as a one-line reason with exit code 2", () => {
    const missing = json(["validate", "/nonexistent/plan.xlsx"]);
    expect(missing.code).toBe(2);
    expect(missing.report.files[0].error).toBe(
      "file o cartella non trovato: controlla il percorso"
    );
    const dir = tmp();
    const path = join(dir, "no-end-column.xlsx");
    writeFileSync(
      path,
      buildXlsx(
        cleanWorkbook({
          phaseHeaders: PHASE_HEADERS_WITHOUT_END,
        })
      )
    );
    const structural = json(["validate", path, "--lang", "en"]);
    expect(structural.code).toBe(2);
    expect(structural.report.files[0].error).toBe(
      'cannot be fully checked: Table "Fasi" has no "Planned end" column, which is required: add a column with that header. (Fasi!A1)'
    );
    expect(structural.report.files[0].summary.objectives).toBe(1);
  });

  it("writes a copy with the status columns, and refuses to overwrite the original", () => {
    const dir = tmp();
    const out = join(dir, "out");
    const written = cli(["validate", SEED, "--as-of", "2018-06-30", "--write-to", out]);
    expect(written.out).toContain(`scritto ${join(out, "seed-2018_ZN12.xlsx")}`);
    const again = cli([
      "validate",
      join(out, "seed-2018_ZN12.xlsx"),
      "--as-of",
      "2018-06-30",
      "--write-to",
      join(dir, "again"),
    ]);
    expect(again.out).toContain("già aggiornato");
    expect(readFileSync(join(dir, "again", "seed-2018_ZN12.xlsx"))).toEqual(
      readFileSync(join(out, "seed-2018_ZN12.xlsx"))
    );
    mkdirSync(join(dir, "same"));
    copyFileSync(SEED, join(dir, "same", "seed.xlsx"));
    const refused = cli([
      "validate",
      join(dir, "same", "seed.xlsx"),
      "--write-to",
      join(dir, "same"),
    ]);
    expect(refused.out).toContain("l'originale non va sovrascritto");
    expect(readFileSync(join(dir, "same", "seed.xlsx"))).toEqual(readFileSync(SEED));
  });

  it("makes a copy that cannot be written the file's error, keeping its findings", () => {
    const dir = tmp();
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "a file where the copies' folder should be");
    const { code, report } = json([
      "validate",
      SEED,
      "--as-of",
      "2018-06-30",
      "--write-to",
      blocker,
    ]);
    expect(code).toBe(2);
    expect(report.files[0].error).toMatch(
      /^copia non scritta: la copia non si può scrivere \((EEXIST|ENOTDIR)\)$/
    );
    expect(report.files[0].summary.errors).toBe(1);
  });

  it("runs as the package's bin, as `npx objective-check` does", () => {
    const bin = join(__dirname, "../../bin/objective-check.js");
    const result = spawnSync(
      process.execPath,
      [bin, "validate", SEED, "--as-of", "2018-06-30", "--json"],
      { encoding: "utf8" }
    );
    expect(result.status).toBe(1);
    expect(reportSchema.parse(JSON.parse(result.stdout)).files[0].findings[0].rule).toBe(
      "phase.end.missing"
    );
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain(
      "objective-check validate"
    );
  });
});
