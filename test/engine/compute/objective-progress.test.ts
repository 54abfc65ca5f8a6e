import { cleanWorkbook, date, PHASE_HEADERS } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { day, run } from "../../support/engine";

const HEADERS = [...PHASE_HEADERS, "Avanzamento"];
const phase = (
  weight: BuilderCell,
  start: string | null,
  end: string | null,
  progress: BuilderCell = null
) => [
  "2018_AA01",
  "Fase",
  weight,
  start === null ? null : date(start),
  end === null ? null : date(end),
  "ROSSI",
  progress,
];
const objectiveAt = (asOf: string, phases: BuilderCell[][], headers = HEADERS) =>
  run(
    cleanWorkbook({ phaseHeaders: headers, phases: phases.map((p) => p.slice(0, headers.length)) }),
    day(asOf)
  ).objectives[0];

describe("objective figures", () => {
  it("weights expected and actual progress by phase weight", () => {
    const objective = objectiveAt("2018-03-11", [
      phase(60, "2018-03-01", "2018-03-21", 50),
      phase(40, "2018-04-01", "2018-04-30", 0),
    ]);
    expect(objective.figures).toEqual({
      weightTotal: 100,
      expectedProgress: 0.3,
      actualProgress: 0.3,
      status: "in-progress",
    });
  });

  it("leaves expected progress blank when a phase lacks a usable weight or dates", () => {
    expect(
      objectiveAt("2018-03-11", [
        phase(100, "2018-03-01", null),
        phase(0, "2018-03-01", "2018-03-21"),
      ]).figures.expectedProgress
    ).toBeNull();
    expect(
      objectiveAt("2018-03-11", [
        phase(100, "2018-03-01", "2018-03-21"),
        phase("x", "2018-03-01", "2018-03-21"),
      ]).figures.expectedProgress
    ).toBeNull();
  });

  it("leaves progress blank when the weights add up to 0", () => {
    expect(
      objectiveAt("2018-03-11", [phase(0, "2018-03-01", "2018-03-21", 10)]).figures
    ).toMatchObject({
      weightTotal: 0,
      expectedProgress: null,
      actualProgress: null,
    });
  });

  it("gives actual progress only where the progress column exists, blank when a phase has none", () => {
    expect(
      objectiveAt("2018-03-11", [phase(100, "2018-03-01", "2018-03-21")], PHASE_HEADERS).figures
        .actualProgress
    ).toBeNull();
    expect(
      objectiveAt("2018-03-11", [
        phase(50, "2018-03-01", "2018-03-21", 10),
        phase(50, "2018-03-01", "2018-03-21", null),
      ]).figures.actualProgress
    ).toBeNull();
  });

  it.each([
    [
      "late wins over everything",
      [phase(50, "2018-03-01", "2018-03-21", 1), phase(50, "2018-01-01", "2018-01-31", null)],
      "late",
    ],
    [
      "past due wins over missing dates",
      [phase(50, "2018-01-01", "2018-01-31", null), phase(50, "2018-01-01", null)],
      "past-due",
    ],
    [
      "missing dates wins over the rest",
      [phase(50, "2018-03-01", "2018-03-21", 100), phase(50, "2018-01-01", null)],
      "missing-dates",
    ],
    [
      "completed when all are",
      [phase(50, "2018-03-01", "2018-03-21", 100), phase(50, "2018-04-01", "2018-04-21", 100)],
      "completed",
    ],
    [
      "not started when none has",
      [phase(50, "2018-04-01", "2018-04-21"), phase(50, "2018-05-01", "2018-05-21")],
      "not-started",
    ],
    [
      "else in progress",
      [phase(50, "2018-03-01", "2018-03-21", 100), phase(50, "2018-05-01", "2018-05-21")],
      "in-progress",
    ],
  ])("objective status: %s", (_, phases, status) => {
    expect(objectiveAt("2018-03-11", phases).figures.status).toBe(status);
  });

  it("an objective's check is the worst of its row, its phases and its indicators", () => {
    const warning = run(
      cleanWorkbook({
        phases: [["2018_AA01", "Fase", 100, date("2018-01-10"), date("2018-05-31"), null]],
      })
    );
    expect(warning.objectives[0].check).toBe("warning");
    expect(warning.objectives[0].linkedProblems).toEqual({
      phases: { errors: 0, warnings: 1 },
      indicators: { errors: 0, warnings: 0 },
    });
  });
});
