import {
  acceptanceFor,
  MAX_ACCEPTED_WARNINGS,
  usableAcceptances,
} from "../../src/engine/accepted-warnings";
import { planWrites, runEngine } from "../../src/engine";
import { workbookSettingsSchema, type WorkbookSnapshot } from "../../src/engine/snapshot";
import { messageTexts } from "../../src/i18n";
import { cleanWorkbook, date } from "../support/snapshot-builder";
import { SEED_AS_OF } from "../support/engine";
import { writesOf } from "../support/apply-plan";

/** One objective whose second phase is weighted 0 (a warning) and owned by nobody (another). */
function withWarnings(acceptedWarnings?: unknown): WorkbookSnapshot {
  const snapshot = cleanWorkbook({
    phases: [
      ["2018_AA01", "Prima fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
      ["2018_AA01", "  Seconda   FASE ", 0, date("2018-06-01"), date("2018-12-15"), null],
    ],
  });
  // As an adapter hands the stored settings over: through their schema.
  return {
    ...snapshot,
    settings: workbookSettingsSchema.parse(
      acceptedWarnings === undefined ? {} : { acceptedWarnings }
    ),
  };
}

const check = (snapshot: WorkbookSnapshot) => runEngine(snapshot, {}, SEED_AS_OF);

describe("accepted warnings", () => {
  it("a warning's acceptance is its rule and the row's key: objective code and description, normalised", () => {
    const zero = check(withWarnings()).findings.find((f) => f.rule === "phase.weight.zero")!;
    expect(acceptanceFor(zero)).toEqual({
      rule: "phase.weight.zero",
      key: "2018_AA01\tSECONDA FASE",
    });
  });

  it("an accepted warning is listed, marked, but sets no Check and is not counted", () => {
    const before = check(withWarnings());
    expect(before.summary).toMatchObject({ errors: 0, warnings: 2, accepted: 0 });
    const result = check(
      withWarnings([{ rule: "phase.weight.zero", key: "2018_AA01\tSECONDA FASE" }])
    );
    const zero = result.findings.find((f) => f.rule === "phase.weight.zero")!;
    expect(zero.accepted).toBe(true);
    expect(result.findings.find((f) => f.rule === "phase.owner.missing")!.accepted).toBe(false);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 1, accepted: 1 });
    // The owner warning still holds the row and its objective at warning.
    expect(result.phases[1].check).toBe("warning");
    expect(result.objectives[0].linkedProblems.phases).toEqual({ errors: 0, warnings: 1 });

    const both = check(
      withWarnings([
        { rule: "phase.weight.zero", key: "2018_AA01\tSECONDA FASE" },
        { rule: "phase.owner.missing", key: "2018_AA01\tSECONDA FASE" },
      ])
    );
    expect(both.summary).toMatchObject({ warnings: 0, accepted: 2 });
    expect(both.phases[1].check).toBe("ok");
    expect(both.objectives[0].check).toBe("ok");
    expect(both.phases[1].findings.map((f) => f.rule)).toEqual([
      "phase.owner.missing",
      "phase.weight.zero",
    ]);
    const phases = planWrites(both, messageTexts).tables.find((t) => t.kind === "phases")!;
    const messages = phases.columns.find((c) => c.header === "Segnalazioni")!;
    expect(writesOf(messages)).toEqual([
      {
        rowIndex: 1,
        value: expect.stringMatching(/^\(accettato\) Responsabile.*\| \(accettato\) Peso 0/),
      },
    ]);
    expect(writesOf(phases.columns.find((c) => c.header === "Esito")!)).toEqual([
      { rowIndex: 0, value: "OK" },
      { rowIndex: 1, value: "OK" },
    ]);
  });

  it("errors cannot be accepted, and an acceptance whose row changed key is simply unused", () => {
    const snapshot = withWarnings([
      { rule: "phase.weight.zero", key: "2018_AA01\tTERZA FASE" },
      { rule: "objective.weight.sum", key: "2018_AA01" },
    ]);
    expect(snapshot.settings.acceptedWarnings).toEqual([
      { rule: "phase.weight.zero", key: "2018_AA01\tTERZA FASE" },
    ]);
    const result = check(snapshot);
    expect(result.findings.every((f) => !f.accepted)).toBe(true);
    expect(result.summary.accepted).toBe(0);
    const error = result.findings.find((f) => f.severity === "error");
    if (error) expect(acceptanceFor(error)).toBeNull();
  });

  it("an error stored as accepted by hand is still an error", () => {
    const snapshot = cleanWorkbook({
      phases: [["2018_AA01", "Unica", 90, date("2018-01-10"), date("2018-05-31"), "ROSSI"]],
    });
    const forced = {
      ...snapshot,
      // Bypassing the schema, as a test of the engine's own guard.
      settings: { acceptedWarnings: [{ rule: "objective.weight.sum" as const, key: "2018_AA01" }] },
    };
    const result = check(forced);
    expect(result.findings.find((f) => f.rule === "objective.weight.sum")!.accepted).toBe(false);
    expect(result.summary.errors).toBe(1);
  });

  it("table-level warnings have no row key and cannot be accepted", () => {
    const empty = check(cleanWorkbook({ indicators: [] })).findings.find(
      (f) => f.rule === "table.empty"
    )!;
    expect(empty.rowKey).toBeNull();
    expect(acceptanceFor(empty)).toBeNull();
  });

  it("reading the stored list drops bad entries one by one and keeps it bounded", () => {
    expect(
      usableAcceptances([
        { rule: "phase.weight.zero", key: "A\tB" },
        "phase.weight.zero",
        null,
        { rule: "no.such.rule", key: "A" },
        { rule: "phase.weight.zero", key: "" },
        { rule: "phase.weight.zero", key: 12 },
        { rule: "phase.weight.zero", key: "x".repeat(501) },
        { rule: "phase.weight.zero", key: "A\tB" },
        { rule: "toString", key: "A" },
        { rule: "phase.owner.missing", key: "A\tB" },
      ])
    ).toEqual([
      { rule: "phase.weight.zero", key: "A\tB" },
      { rule: "phase.owner.missing", key: "A\tB" },
    ]);
    expect(usableAcceptances("not a list")).toEqual([]);
    const many = Array.from({ length: MAX_ACCEPTED_WARNINGS + 5 }, (_, i) => ({
      rule: "phase.weight.zero",
      key: `K${i}`,
    }));
    expect(usableAcceptances(many)).toHaveLength(MAX_ACCEPTED_WARNINGS);
    // One bad entry costs nothing else in the settings.
    expect(workbookSettingsSchema.parse({ asOf: "2018-06-30", acceptedWarnings: [42] })).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [],
    });
  });
});
