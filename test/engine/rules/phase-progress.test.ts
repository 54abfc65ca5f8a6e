import { cleanWorkbook, date, formatted, PHASE_HEADERS } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings } from "../../support/engine";

const withProgress = (progress: BuilderCell) =>
  findings(
    cleanWorkbook({
      phaseHeaders: [...PHASE_HEADERS, "% realizzazione"],
      phases: [
        ["2018_AA01", "Fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI", progress],
      ],
    })
  ).map((f) => [f.rule, f.cell, "problem" in f.details ? f.details.problem?.type : undefined]);

describe("phase progress", () => {
  it.each([
    [100.5, "out-of-range"],
    [-1, "out-of-range"],
    ["molto", "not-a-number"],
    ["12.5", "ambiguous-decimal"],
    [{ error: "#N/A" }, "excel-error"],
  ])("phase.progress.invalid fires on %j", (progress, problem) => {
    expect(withProgress(progress)).toEqual([["phase.progress.invalid", "G2", problem]]);
  });

  it.each([null, 0, 100, "12,5%", formatted(1, "0%")])("%j is a valid progress", (progress) => {
    expect(withProgress(progress)).toEqual([]);
  });
});
