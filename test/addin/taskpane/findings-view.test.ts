import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import {
  buildView,
  findingAtCell,
  findingsIndexer,
  indexFindings,
  nextSurviving,
  positionOf,
  step,
  type ViewQuery,
} from "../../../src/addin/taskpane/findings-view";
import { RULES, type RuleId } from "../../../src/engine/findings";
import { RULE_NAMES } from "../../../src/i18n/rule-names";
import { run } from "../../support/engine";
import { PLAIN_FIXTURES } from "../../support/plain-ranges";
import {
  date,
  INDICATOR_HEADERS,
  OBJECTIVE_HEADERS,
  PHASE_HEADERS,
  table,
  workbook,
} from "../../support/snapshot-builder";

/** Two objectives of two Direzioni, the second listed first in the table, plus an orphan phase. */
function plan() {
  return run(
    workbook([
      table("Obiettivi", OBJECTIVE_HEADERS, [
        ["2018_BB02", "Biblioteche aperte la sera", "CULTURA"],
        ["2018_AA01", "Attività di inclusione", "SERVIZI SOCIALI"],
      ]),
      table("Fasi", PHASE_HEADERS, [
        ["2018_AA01", "Prima", 60, date("2018-01-10"), null, "ROSSI"],
        ["2018_AA01", "Seconda", 40, date("2018-06-01"), date("2019-02-15"), null],
        ["2018_BB02", "Unica", 100, date("2018-01-10"), null, "VERDI"],
        [null, "Orfana", 10, date("2018-01-10"), date("2018-02-10"), "NERI"],
      ]),
      table("Indicatori", INDICATOR_HEADERS, [
        ["2018_AA01", "Atto", "RISULTATO", "30/11/2018"],
        ["2018_BB02", "Atto", "RISULTATO", "30/11/2018"],
      ]),
    ])
  );
}

const ALL: ViewQuery = {
  search: "",
  grouping: "objective",
  severity: "all",
  rules: new Set(),
  collapsed: new Set(),
};

describe("the findings list's view model", () => {
  const index = indexFindings(plan(), "it");

  it("groups by objective in table order, headings with code, title and Direzione, errors first", () => {
    const view = buildView(index, ALL);
    expect(view.groups.map((g) => g.heading)).toEqual([
      { kind: "no-objective" },
      {
        kind: "objective",
        code: "2018_BB02",
        title: "Biblioteche aperte la sera",
        department: "CULTURA",
      },
      {
        kind: "objective",
        code: "2018_AA01",
        title: "Attività di inclusione",
        department: "SERVIZI SOCIALI",
      },
    ]);
    const aa = view.groups[2];
    expect(aa.entries.map((e) => e.finding.rule)).toEqual([
      "phase.end.missing",
      "phase.owner.missing",
      "phase.dates.outside-year",
    ]);
    expect([aa.errors, aa.warnings]).toEqual([1, 2]);
    expect(view.order).toHaveLength(index.entries.length);
  });

  it("puts workbook-level findings under their own heading, first", () => {
    const result = run(
      workbook([table("Obiettivi", OBJECTIVE_HEADERS, [["2018_AA01", "T", "X"]])])
    );
    const view = buildView(indexFindings(result, "it"), ALL);
    expect(view.groups[0].heading).toEqual({ kind: "workbook" });
    expect(view.groups[0].entries.map((e) => e.finding.rule)).toContain("table.missing");
  });

  it("puts a table's findings (a plain range's info) under the workbook's heading, not among rows without an objective", () => {
    const file = readFileSync(join(PLAIN_FIXTURES, "seed-plain-openpyxl.xlsx"));
    const view = buildView(
      indexFindings(run(readXlsx(file, "2018_ZN12.xlsx").snapshot), "it"),
      ALL
    );
    expect(view.groups[0].heading).toEqual({ kind: "workbook" });
    expect(view.groups[0].entries.map((e) => e.finding.rule)).toEqual([
      "table.plain-range",
      "table.plain-range",
      "table.plain-range",
    ]);
    expect(view.groups.map((g) => g.heading.kind)).not.toContain("no-objective");
  });

  it("searches code, title, Direzione and message, ignoring case and accents", () => {
    const codes = (search: string) =>
      buildView(index, { ...ALL, search }).groups.map((g) =>
        g.heading.kind === "objective" ? g.heading.code : g.heading.kind
      );
    expect(codes("attivita")).toEqual(["2018_AA01"]);
    expect(codes("cultura")).toEqual(["2018_BB02"]);
    expect(codes("bb02")).toEqual(["2018_BB02"]);
    expect(codes("responsabile")).toEqual(["2018_AA01"]);
    expect(codes("fasi!e2")).toEqual(["2018_AA01"]);
    expect(codes("nessuna-parola-così")).toEqual([]);
  });

  it("groups by Direzione, rule and severity with counts", () => {
    expect(buildView(index, { ...ALL, grouping: "department" }).groups.map((g) => g.key)).toEqual([
      "no-department",
      "department:cultura",
      "department:servizi sociali",
    ]);
    const byRule = buildView(index, { ...ALL, grouping: "rule" });
    const endMissing = byRule.groups.find((g) => g.key === "rule:phase.end.missing")!;
    expect(endMissing.heading).toEqual({
      kind: "rule",
      rule: "phase.end.missing",
      name: "Fine mancante",
    });
    expect(endMissing.entries).toHaveLength(2);
    const bySeverity = buildView(index, { ...ALL, grouping: "severity" });
    expect(bySeverity.groups.map((g) => [g.key, g.entries.length])).toEqual([
      ["severity:error", 3],
      ["severity:warning", 2],
    ]);
  });

  it("filters by rule and severity, and counts each rule whatever the rule filter", () => {
    const view = buildView(index, { ...ALL, rules: new Set<RuleId>(["phase.owner.missing"]) });
    expect(view.order.map((e) => e.finding.rule)).toEqual(["phase.owner.missing"]);
    expect(view.ruleCounts.get("phase.end.missing")).toBe(2);
    expect(
      buildView(index, { ...ALL, severity: "warning" }).order.every(
        (e) => e.finding.severity === "warning"
      )
    ).toBe(true);
  });

  it("draws no rows for a folded group, but Previous/Next still walk its findings", () => {
    const view = buildView(index, { ...ALL, collapsed: new Set(["objective:2018_AA01"]) });
    expect(view.rows.filter((r) => r.kind === "finding")).toHaveLength(2);
    expect(view.rows.filter((r) => r.kind === "group")).toHaveLength(3);
    expect(view.order).toHaveLength(5);
  });

  it("steps in screen order: the first Next goes to the first, the first Previous to the last, and wraps", () => {
    const { order } = buildView(index, ALL);
    expect(step(order, null, 1)).toBe(order[0]);
    expect(step(order, null, -1)).toBe(order[order.length - 1]);
    expect(step(order, order[1].key, 1)).toBe(order[2]);
    expect(step(order, order[order.length - 1].key, 1)).toBe(order[0]);
    expect(step(order, order[0].key, -1)).toBe(order[order.length - 1]);
    expect(positionOf(order, order[2].key)).toBe(3);
    expect(positionOf(order, null)).toBeNull();
    expect(step([], null, 1)).toBeNull();
  });

  it("finds the finding on a cell selected in Excel, keeping the current one when it is there", () => {
    const { order } = buildView(index, ALL);
    const endAA = order.find(
      (e) => e.finding.objective === "2018_AA01" && e.finding.rule === "phase.end.missing"
    )!;
    expect(findingAtCell(order, null, "fasi", "$E$2")).toBe(endAA);
    expect(findingAtCell(order, null, "Fasi", "Fasi!E2:F9")).toBe(endAA);
    // Row 3's owner cell has no finding of its own on E3, but the row has two.
    expect(findingAtCell(order, null, "Fasi", "A3")!.finding.row).toBe(3);
    expect(findingAtCell(order, null, "Fasi", "A40")).toBeNull();
    const dates = order.find((e) => e.finding.rule === "phase.dates.outside-year")!;
    expect(findingAtCell(order, dates.key, "Fasi", dates.finding.cell!)).toBe(dates);
  });

  it("after a fix goes to the next finding still there", () => {
    const { order } = buildView(index, ALL);
    const remaining = order.filter((_, i) => i !== 1);
    expect(nextSurviving(order, order[1].key, remaining)).toBe(remaining[1]);
    expect(nextSurviving(order, order[order.length - 1].key, order.slice(0, -1))).toBe(order[0]);
  });

  it("names every rule in Italian and English", () => {
    for (const language of ["it", "en"] as const)
      expect(Object.keys(RULE_NAMES[language]).sort()).toEqual(Object.keys(RULES).sort());
  });
});

describe("indexing the findings a slice at a time", () => {
  it("indexes at least one finding per slice, no more than asked, and ends with what indexFindings gives", () => {
    const result = plan();
    expect(result.findings.length).toBeGreaterThan(2);
    const indexer = findingsIndexer(result, "it");
    let slices = 0;
    let index = null;
    while (index === null) {
      // Two findings per slice: the second call of shouldYield says stop.
      let calls = 0;
      index = indexer.advance(() => ++calls >= 2);
      slices++;
    }
    expect(slices).toBe(Math.ceil(result.findings.length / 2));
    expect(index).toEqual(indexFindings(result, "it"));
  });

  it("ends in one slice when never told to yield", () => {
    const result = plan();
    expect(findingsIndexer(result, "it").advance(() => false)?.entries).toHaveLength(
      result.findings.length
    );
  });
});
