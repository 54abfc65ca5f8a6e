import { cleanWorkbook, date, formatted } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings, run } from "../../support/engine";
import { isoFromDay } from "../../../src/engine/days";

const phase = (start: BuilderCell, end: BuilderCell, code = "2018_AA01") => [
  code,
  "Fase",
  100,
  start,
  end,
  "ROSSI",
];
const dateFindings = (start: BuilderCell, end: BuilderCell, code?: string) =>
  findings(
    cleanWorkbook({
      phases: [phase(start, end, code)],
      objectives: [[code ?? "2018_AA01", "Titolo", null]],
      indicators: [[code ?? "2018_AA01", "I", null, "1"]],
    })
  )
    .filter(
      (f) =>
        f.rule.startsWith("phase.start") ||
        f.rule.startsWith("phase.end") ||
        f.rule.startsWith("phase.dates")
    )
    .map((f) => [f.rule, f.severity, f.cell]);

describe("phase dates", () => {
  it("phase.start.missing and phase.end.missing fire on blank dates", () => {
    expect(dateFindings(null, date("2018-05-31"))).toEqual([
      ["phase.start.missing", "error", "D2"],
    ]);
    expect(dateFindings(date("2018-01-10"), "")).toEqual([["phase.end.missing", "error", "E2"]]);
  });

  it("phase.start.invalid and phase.end.invalid fire on what is not a date", () => {
    expect(dateFindings("31/02/2018", date("2018-05-31"))).toEqual([
      ["phase.start.invalid", "error", "D2"],
    ]);
    expect(dateFindings(date("2018-01-10"), "fine maggio")).toEqual([
      ["phase.end.invalid", "error", "E2"],
    ]);
    expect(dateFindings(date("2018-01-10"), 43251)).toEqual([["phase.end.invalid", "error", "E2"]]);
    expect(dateFindings(date("2018-01-10"), { error: "#VALUE!" })).toEqual([
      ["phase.end.invalid", "error", "E2"],
    ]);
  });

  it("phase.dates.order fires when the start is after the end, at the end cell; the same day is fine", () => {
    expect(dateFindings(date("2018-06-01"), date("2018-05-31"))).toEqual([
      ["phase.dates.order", "error", "E2"],
    ]);
    expect(dateFindings(date("2018-05-31"), date("2018-05-31"))).toEqual([]);
  });

  it("phase.dates.outside-year warns on each date outside the plan year; 1/1 and 31/12 are inside", () => {
    expect(dateFindings(date("2017-12-31"), date("2019-01-01"))).toEqual([
      ["phase.dates.outside-year", "warning", "D2"],
      ["phase.dates.outside-year", "warning", "E2"],
    ]);
    expect(dateFindings(date("2018-01-01"), date("2018-12-31"))).toEqual([]);
  });

  it("without a plan year the outside-year rule is skipped; a plan year given for the run applies", () => {
    const snapshot = cleanWorkbook({
      objectives: [["AA01", "Titolo", null]],
      phases: [phase(date("2017-12-31"), date("2018-12-31"), "AA01")],
      indicators: [["AA01", "I", null, "1"]],
    });
    expect(run(snapshot).findings).toEqual([]);
    expect(run(snapshot, undefined, 2018).findings.map((f) => f.rule)).toEqual([
      "phase.dates.outside-year",
    ]);
  });

  it("a missing end date suggests the latest date target of the objective's indicators", () => {
    const snapshot = cleanWorkbook({
      phases: [phase(date("2018-01-10"), null)],
      indicators: [
        ["2018_AA01", "Prima scadenza", null, "31/07/2018"],
        ["2018_AA01", "Ultima scadenza", null, formatted(43373, "dd/mm/yyyy")],
        ["2018_AA01", "Quantità", null, 12],
      ],
    });
    const missing = run(snapshot).findings.find((f) => f.rule === "phase.end.missing")!;
    expect(isoFromDay(missing.details.suggestion!)).toBe("2018-09-30");
    expect(missing.details).toMatchObject({ suggestionSource: "Ultima scadenza" });
  });

  it("without date targets the suggestion is 31/12 of the plan year", () => {
    const snapshot = cleanWorkbook({
      phases: [phase(date("2018-01-10"), null)],
      indicators: [["2018_AA01", "Quantità", null, "12"]],
    });
    const missing = run(snapshot).findings.find((f) => f.rule === "phase.end.missing")!;
    expect(isoFromDay(missing.details.suggestion!)).toBe("2018-12-31");
    expect(missing.details).not.toHaveProperty("suggestionSource");
  });
});
