import { cleanWorkbook, date, PHASE_HEADERS } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { day, run } from "../../support/engine";

const phaseAt = (
  asOf: string,
  progress: BuilderCell | undefined = undefined,
  start = "2018-03-01",
  end = "2018-06-30"
) => {
  const headers = progress === undefined ? PHASE_HEADERS : [...PHASE_HEADERS, "Avanzamento"];
  const row: BuilderCell[] = [
    "2018_AA01",
    "Fase",
    100,
    date(start),
    date(end),
    "ROSSI",
    progress ?? null,
  ];
  const result = run(
    cleanWorkbook({ phaseHeaders: headers, phases: [row.slice(0, headers.length)] }),
    day(asOf)
  );
  return [result.phases[0].status, result.phases[0].expectedProgress];
};

describe("phase status and expected progress", () => {
  it("without progress: not started before the start, in progress up to the end day, then past due", () => {
    expect(phaseAt("2018-02-28")).toEqual(["not-started", 0]);
    expect(phaseAt("2018-03-01")).toEqual(["in-progress", 0]);
    expect(phaseAt("2018-06-30")).toEqual(["in-progress", 1]);
    expect(phaseAt("2018-07-01")).toEqual(["past-due", 1]);
  });

  it("expected progress grows in days between start and end", () => {
    expect(phaseAt("2018-03-11", undefined, "2018-03-01", "2018-03-21")).toEqual([
      "in-progress",
      0.5,
    ]);
  });

  it("a one-day phase is fully expected on its day", () => {
    expect(phaseAt("2018-03-01", undefined, "2018-03-01", "2018-03-01")).toEqual([
      "in-progress",
      1,
    ]);
  });

  it("with progress: completed at 100, late below the expected share, else in progress", () => {
    expect(phaseAt("2018-07-15", 100)).toEqual(["completed", 1]);
    expect(phaseAt("2018-02-01", 10)).toEqual(["not-started", 0]);
    expect(phaseAt("2018-03-11", "5", "2018-03-01", "2018-03-21")).toEqual(["late", 0.5]);
    expect(phaseAt("2018-03-11", "50", "2018-03-01", "2018-03-21")).toEqual(["in-progress", 0.5]);
    expect(phaseAt("2018-07-15", 90)).toEqual(["late", 1]);
  });

  it("missing, invalid or reversed dates give missing dates and no expected progress", () => {
    expect(phaseAt("2018-03-11", undefined, "2018-04-01", "2018-03-01")).toEqual([
      "missing-dates",
      null,
    ]);
  });
});
