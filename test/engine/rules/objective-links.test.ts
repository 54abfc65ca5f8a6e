import { cleanWorkbook, date } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings, rules } from "../../support/engine";

const phase = (code: string, weight: BuilderCell) => [
  code,
  "Fase",
  weight,
  date("2018-01-10"),
  date("2018-05-31"),
  "ROSSI",
];

describe("objective links", () => {
  it("objective.phases.none fires at the code cell of an objective without phases", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        ["2018_AA02", "Due", null],
      ],
      indicators: [
        ["2018_AA01", "I", null, "1"],
        ["2018_AA02", "I", null, "1"],
      ],
    });
    const found = findings(snapshot).filter((f) => f.rule === "objective.phases.none");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: "A3", objective: "2018_AA02" });
  });

  it("objective.phases.none: a phase whose code differs only in case and spaces counts", () => {
    const snapshot = cleanWorkbook({ phases: [phase(" 2018_aa01", 100)] });
    expect(rules(snapshot)).toEqual([]);
  });

  it("objective.indicators.none is a warning, and one indicator is enough", () => {
    expect(
      findings(cleanWorkbook({ indicators: [["2018_ZZ99", "I", null, "1"]] })).map((f) => [
        f.rule,
        f.severity,
      ])
    ).toEqual([
      ["objective.indicators.none", "warning"],
      ["indicator.objective.unknown", "error"],
    ]);
  });

  it("objective.weight.sum fires when the weights add up to other than 100, at the objective row", () => {
    const found = findings(
      cleanWorkbook({ phases: [phase("2018_AA01", 60), phase("2018_AA01", 30)] })
    );
    expect(found.map((f) => f.rule)).toEqual(["objective.weight.sum"]);
    expect(found[0]).toMatchObject({ row: 2, column: null, cell: "A2", details: { total: 90 } });
  });

  it("objective.weight.sum allows ± 0,01", () => {
    expect(
      rules(cleanWorkbook({ phases: [phase("2018_AA01", 66.67), phase("2018_AA01", 33.34)] }))
    ).toEqual([]);
    expect(
      rules(cleanWorkbook({ phases: [phase("2018_AA01", 66.67), phase("2018_AA01", 33.35)] }))
    ).toEqual(["objective.weight.sum"]);
  });

  it("objective.weight.sum adds only usable weights; the bad ones are reported on their own", () => {
    const found = findings(
      cleanWorkbook({ phases: [phase("2018_AA01", 100), phase("2018_AA01", "abc")] })
    );
    expect(found.map((f) => f.rule)).toEqual(["phase.weight.invalid"]);
    const blank = findings(
      cleanWorkbook({ phases: [phase("2018_AA01", 70), phase("2018_AA01", null)] })
    );
    expect(blank.map((f) => f.rule)).toEqual(["objective.weight.sum", "phase.weight.missing"]);
  });

  it("duplicate rows own no phases: their phases and indicators go to the first row", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        ["2018_AA01", "Bis", null],
      ],
    });
    expect(rules(snapshot)).toEqual(["objective.code.duplicate"]);
  });

  it("with no phases table, phases are not counted", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables.splice(1, 1);
    expect(rules(snapshot)).toEqual(["table.missing"]);
  });
});
