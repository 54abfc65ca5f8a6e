import { objectiveTimelines } from "../../src/engine/timeline";
import { day, run, SEED_AS_OF } from "../support/engine";
import { seedWorkbook } from "../support/snapshot-builder";

describe("timelines", () => {
  it("draw each objective's phases over its plan year, the missing end date as an open bar", () => {
    const [timeline, ...others] = objectiveTimelines(run(seedWorkbook(), SEED_AS_OF));
    expect(others).toEqual([]);
    expect(timeline).toMatchObject({
      code: "2018_ZN12",
      from: day("2018-01-01"),
      to: day("2018-12-31"),
      asOf: SEED_AS_OF,
    });
    expect(timeline.bars.map((b) => [b.row, b.weight, b.status, b.open, b.end])).toEqual([
      [2, 70, "missing-dates", true, null],
      [3, 30, "in-progress", false, day("2018-06-30")],
    ]);
  });
});
