import { cleanWorkbook, date, formatted } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings } from "../../support/engine";

const phases = (weight: BuilderCell) => [
  ["2018_AA01", "Prima", weight, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
  ["2018_AA01", "Seconda", 50, date("2018-06-01"), date("2018-12-15"), "BIANCHI"],
];
const weightFindings = (weight: BuilderCell) =>
  findings(cleanWorkbook({ phases: phases(weight) }))
    .filter((f) => f.rule.startsWith("phase.weight"))
    .map((f) => [
      f.rule,
      f.severity,
      f.cell,
      "problem" in f.details ? f.details.problem?.type : undefined,
    ]);

describe("phase weights", () => {
  it("phase.weight.missing fires on a blank weight", () => {
    expect(weightFindings(" ")).toEqual([["phase.weight.missing", "error", "C2", undefined]]);
  });

  it.each([
    ["abc", "not-a-number"],
    ["50.00", "ambiguous-decimal"],
    [100.5, "out-of-range"],
    [-0.01, "out-of-range"],
    [true, "not-a-number"],
    [{ error: "#DIV/0!" }, "excel-error"],
  ])("phase.weight.invalid fires on %j (%s)", (weight, problem) => {
    expect(weightFindings(weight)).toEqual([["phase.weight.invalid", "error", "C2", problem]]);
  });

  it.each([50, "50,00", "50%", formatted(0.5, "0%"), "100", 100])(
    "%j is a valid weight",
    (weight) => {
      expect(weightFindings(weight)).toEqual([]);
    }
  );

  it("phase.weight.zero warns on 0, and 0,01 does not", () => {
    expect(weightFindings(0)).toEqual([["phase.weight.zero", "warning", "C2", undefined]]);
    expect(weightFindings("0,01")).toEqual([]);
  });
});
