import { cleanWorkbook, date, PHASE_HEADERS } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings, rules } from "../../support/engine";

const phase = (description: BuilderCell, owner: BuilderCell) => [
  "2018_AA01",
  description,
  100,
  date("2018-01-10"),
  date("2018-05-31"),
  owner,
];

describe("phase fields", () => {
  it("phase.description.missing fires on a blank description, naming an Excel error", () => {
    expect(rules(cleanWorkbook({ phases: [phase("", "ROSSI")] }))).toEqual([
      "phase.description.missing",
    ]);
    const error = findings(cleanWorkbook({ phases: [phase({ error: "#N/A" }, "ROSSI")] }));
    expect(
      error.map((f) => [f.rule, f.cell, "problem" in f.details ? f.details.problem : undefined])
    ).toEqual([["phase.description.missing", "B2", { type: "excel-error", error: "#N/A" }]]);
  });

  it("phase.owner.missing is a warning where the owner column exists", () => {
    const found = findings(cleanWorkbook({ phases: [phase("Fase", "\u00a0")] }));
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["phase.owner.missing", "warning", "F2"],
    ]);
  });

  it("phase.owner.missing does not fire without an owner column", () => {
    const headers = PHASE_HEADERS.slice(0, 5);
    expect(
      rules(cleanWorkbook({ phaseHeaders: headers, phases: [phase("Fase", null).slice(0, 5)] }))
    ).toEqual([]);
  });
});
