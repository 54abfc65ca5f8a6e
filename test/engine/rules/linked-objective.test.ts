import { cleanWorkbook, date } from "../../support/snapshot-builder";
import { findings, rules } from "../../support/engine";

describe("phase and indicator objective codes", () => {
  it("phase.objective.missing fires on a blank code; an Excel error is named", () => {
    const snapshot = cleanWorkbook({
      phases: [
        ["2018_AA01", "Fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
        [null, "Orfana", 0, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
        [{ error: "#REF!" }, "Errore", 0, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
      ],
    });
    const found = findings(snapshot).filter((f) => f.rule === "phase.objective.missing");
    expect(found.map((f) => [f.cell, f.details.problem?.type])).toEqual([
      ["A3", undefined],
      ["A4", "excel-error"],
    ]);
  });

  it("phase.objective.unknown fires on a code not in the objectives table", () => {
    const snapshot = cleanWorkbook({
      phases: [
        ["2018_AA01", "Fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
        ["2018_AA02", "Altra", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
      ],
    });
    const found = findings(snapshot).filter((f) => f.rule === "phase.objective.unknown");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      cell: "A3",
      objective: "2018_AA02",
      column: "Codice obiettivo",
    });
  });

  it("indicator.objective.missing and .unknown fire as for phases; a known code does not", () => {
    const snapshot = cleanWorkbook({
      indicators: [
        ["2018_AA01", "Buono", null, "1"],
        ["  ", "Senza codice", null, "1"],
        ["2017_XX01", "Sconosciuto", null, "1"],
      ],
    });
    expect(rules(snapshot)).toEqual(["indicator.objective.missing", "indicator.objective.unknown"]);
  });
});
