import { objectiveTimeline, objectiveTimelines, timelineChoices } from "../../src/engine/timeline";
import { day, run, SEED_AS_OF } from "../support/engine";
import {
  date,
  OBJECTIVE_HEADERS,
  PHASE_HEADERS,
  seedWorkbook,
  table,
  workbook,
} from "../support/snapshot-builder";

/** Two objectives of two Direzioni; the phases table starts at C4 of sheet «Piano». */
function twoObjectives() {
  return workbook([
    table("Obiettivi", OBJECTIVE_HEADERS, [
      ["2018_AA01", "Primo obiettivo", "AFFARI GENERALI"],
      ["2018_BB02", "Secondo obiettivo", "LAVORI PUBBLICI"],
      ["2018_CC03", "Senza fasi", "LAVORI PUBBLICI"],
    ]),
    table(
      "Fasi",
      PHASE_HEADERS,
      [
        ["2018_AA01", "Unica fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
        [" 2018_bb02", "Progetto", 40, date("2018-02-01"), date("2018-03-31"), "VERDI"],
        ["2018_BB02", "Lavori", 60, date("2018-04-01"), date("2019-01-31"), "VERDI"],
      ],
      { sheet: "Piano", headerRow: 4, firstColumn: 2 }
    ),
  ]);
}

describe("timelines", () => {
  it("draw each objective's phases over its plan year, the missing end date as an open bar", () => {
    const [timeline, ...others] = objectiveTimelines(run(seedWorkbook(), SEED_AS_OF));
    expect(others).toEqual([]);
    expect(timeline).toMatchObject({
      code: "2018_ZN12",
      title: "Avvio e realizzazione dei servizi per l'inclusione sociale",
      department: "SERVIZI SOCIALI",
      from: day("2018-01-01"),
      to: day("2018-12-31"),
      asOf: SEED_AS_OF,
    });
    expect(timeline.bars.map((b) => [b.row, b.weight, b.status, b.open, b.end])).toEqual([
      [2, 70, "missing-dates", true, null],
      [3, 30, "in-progress", false, day("2018-06-30")],
    ]);
  });

  it("point each bar at its phase's description cell, wherever the table sits", () => {
    const timeline = objectiveTimeline(run(twoObjectives()), "2018_BB02");
    // Header on row 4 from column C: the description (2nd column) is D, data from row 5.
    expect(timeline?.bars.map((b) => [b.sheet, b.cell, b.label])).toEqual([
      ["Piano", "D6", "Progetto"],
      ["Piano", "D7", "Lavori"],
    ]);
  });

  it("find one objective by its code as codes are compared, widened to dates past the plan year", () => {
    const result = run(twoObjectives());
    const timeline = objectiveTimeline(result, " 2018_bb02 ");
    expect(timeline).toMatchObject({
      code: "2018_BB02",
      department: "LAVORI PUBBLICI",
      from: day("2018-01-01"),
      to: day("2019-01-31"),
    });
    expect(objectiveTimeline(result, "2018_CC03")).toBeNull();
    expect(objectiveTimeline(result, "2099_XX99")).toBeNull();
  });

  it("offer every objective with phases as a choice, with its title and Direzione", () => {
    expect(timelineChoices(run(twoObjectives()))).toEqual([
      { code: "2018_AA01", title: "Primo obiettivo", department: "AFFARI GENERALI" },
      { code: "2018_BB02", title: "Secondo obiettivo", department: "LAVORI PUBBLICI" },
    ]);
  });
});
