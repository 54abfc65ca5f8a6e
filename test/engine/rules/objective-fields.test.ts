import { cleanWorkbook, date } from "../../support/snapshot-builder";
import { findings, rules } from "../../support/engine";

const phase = (code: string) => [
  code,
  "Fase",
  100,
  date("2018-01-10"),
  date("2018-05-31"),
  "ROSSI",
];
const indicator = (code: string) => [code, "Indicatore", "RISULTATO", "10"];

describe("objective fields", () => {
  it("objective.code.missing fires on a blank code cell", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        ["\u00a0", "Due", null],
      ],
    });
    const found = findings(snapshot).filter((f) => f.rule === "objective.code.missing");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      sheet: "Obiettivi",
      row: 3,
      column: "Codice",
      cell: "A3",
      objective: null,
    });
  });

  it("objective.code.missing names an Excel error in the code cell", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        [{ error: "#N/A" }, "Due", null],
      ],
    });
    const found = findings(snapshot).find((f) => f.rule === "objective.code.missing");
    expect(found?.details.problem).toEqual({ type: "excel-error", error: "#N/A" });
  });

  it("objective.code.duplicate fires on each later row, compared trimmed and case-insensitively", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        [" 2018_aa01 ", "Due", null],
        ["2018_AA01", "Tre", null],
      ],
    });
    const found = findings(snapshot).filter((f) => f.rule === "objective.code.duplicate");
    expect(found.map((f) => [f.row, f.details.firstRow])).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });

  it("objective.code.duplicate does not fire for codes that differ", () => {
    const snapshot = cleanWorkbook({
      objectives: [
        ["2018_AA01", "Uno", null],
        ["2018_AA011", "Due", null],
      ],
      phases: [phase("2018_AA01"), phase("2018_AA011")],
      indicators: [indicator("2018_AA01"), indicator("2018_AA011")],
    });
    expect(rules(snapshot)).toEqual([]);
  });

  it("objective.title.missing fires on a blank title, not on a one-letter one", () => {
    expect(rules(cleanWorkbook({ objectives: [["2018_AA01", " ", null]] }))).toEqual([
      "objective.title.missing",
    ]);
    expect(rules(cleanWorkbook({ objectives: [["2018_AA01", "X", null]] }))).toEqual([]);
  });
});
