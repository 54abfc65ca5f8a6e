import { planWrites, runEngine } from "../../../src/engine";
import type { WritePlan } from "../../../src/engine/plan/write-plan";
import type { WorkbookSnapshot } from "../../../src/engine/snapshot";
import {
  cleanWorkbook,
  date,
  PHASE_HEADERS,
  seedWorkbook,
  PHASE_HEADERS_WITHOUT_END,
} from "../../support/snapshot-builder";
import { day, SEED_AS_OF } from "../../support/engine";
import { applyPlanToSnapshot, writesOf } from "../../support/apply-plan";
import { messageTexts } from "../../../src/i18n";

const plan = (snapshot: WorkbookSnapshot, asOf = SEED_AS_OF, lang?: "en") =>
  planWrites(runEngine(snapshot, { asOf, defaultStatusLanguage: lang }, asOf), messageTexts);

describe("planning the writes", () => {
  it("appends the status columns of each table in the domain's order, with number formats", () => {
    const tables = plan(seedWorkbook()).tables;
    expect(
      tables.map((t) => [
        t.table,
        t.columns.map((c) => [c.header, c.existingIndex, c.numberFormat]),
      ])
    ).toEqual([
      [
        "Obiettivi",
        [
          ["Somma pesi", null, "0.00"],
          ["Avanzamento atteso", null, "0%"],
          ["Stato obiettivo", null, null],
          ["Esito", null, null],
          ["Segnalazioni", null, null],
        ],
      ],
      [
        "Fasi",
        [
          ["Avanzamento atteso", null, "0%"],
          ["Stato fase", null, null],
          ["Esito", null, null],
          ["Segnalazioni", null, null],
        ],
      ],
      [
        "Indicatori",
        [
          ["Esito", null, null],
          ["Segnalazioni", null, null],
        ],
      ],
    ]);
  });

  it("adds actual progress to the objectives where the phases table has a progress column", () => {
    const snapshot = cleanWorkbook({
      phaseHeaders: [...PHASE_HEADERS, "Avanzamento"],
      phases: [["2018_AA01", "Fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI", 50]],
    });
    const objectives = plan(snapshot).tables.find((t) => t.kind === "objectives")!;
    expect(objectives.columns.map((c) => c.header)).toContain("Avanzamento effettivo");
  });

  it("writes headers and values in the workbook's status language, which wins over the run's default", () => {
    const english = plan(seedWorkbook(), SEED_AS_OF, "en");
    expect(english.tables[1].columns.map((c) => c.header)).toEqual([
      "Expected progress",
      "Phase status",
      "Check",
      "Messages",
    ]);
    const stored = seedWorkbook();
    stored.settings = { statusLanguage: "it" };
    expect(plan(stored, SEED_AS_OF, "en").tables[1].columns[1].header).toBe("Stato fase");
  });

  it("gives an empty plan once applied: a second run writes nothing", () => {
    const snapshot = seedWorkbook();
    applyPlanToSnapshot(snapshot, plan(snapshot));
    expect(plan(snapshot).tables).toEqual([]);
  });

  it("changes only the cells whose value changes when the reference date moves", () => {
    const snapshot = seedWorkbook();
    applyPlanToSnapshot(snapshot, plan(snapshot));
    const later = plan(snapshot, day("2018-07-01"));
    expect(
      later.tables.map((t) => [t.table, t.columns.map((c) => [c.header, writesOf(c)])])
    ).toEqual([
      ["Obiettivi", [["Stato obiettivo", [{ rowIndex: 0, value: "SCADUTA" }]]]],
      ["Fasi", [["Stato fase", [{ rowIndex: 1, value: "SCADUTA" }]]]],
    ]);
  });

  it("renames status columns written in the other language and rewrites their values", () => {
    const snapshot = seedWorkbook();
    applyPlanToSnapshot(snapshot, plan(snapshot, SEED_AS_OF, "en"));
    const italian: WritePlan = plan(snapshot);
    const phases = italian.tables.find((t) => t.kind === "phases")!;
    expect(phases.columns.map((c) => [c.header, c.rename, c.existingIndex])).toEqual([
      ["Avanzamento atteso", true, 6],
      ["Stato fase", true, 7],
      ["Esito", true, 8],
      ["Segnalazioni", true, 9],
    ]);
  });

  it("keeps a user's own percent format and fixes a General one", () => {
    const snapshot = seedWorkbook();
    applyPlanToSnapshot(snapshot, plan(snapshot));
    const phases = snapshot.tables[1];
    phases.numberFormats![0][6] = "0.00%";
    phases.numberFormats![1][6] = "General";
    const again = plan(snapshot).tables.find((t) => t.kind === "phases")!;
    expect(again.columns.map((c) => [c.header, Array.from(c.formatRows)])).toEqual([
      ["Avanzamento atteso", [1]],
    ]);
  });

  it("clears stale status cells of rows that became blank", () => {
    const snapshot = seedWorkbook();
    applyPlanToSnapshot(snapshot, plan(snapshot));
    const indicators = snapshot.tables[2];
    indicators.rows[1] = indicators.rows[1].map((value, i) => (i < 4 ? null : value));
    const again = plan(snapshot).tables.find((t) => t.kind === "indicators")!;
    expect(again.columns.map((c) => [c.header, writesOf(c)])).toEqual([
      ["Esito", [{ rowIndex: 1, value: null }]],
    ]);
  });

  it("writes nothing to a table that cannot be checked", () => {
    const snapshot = cleanWorkbook({
      phaseHeaders: PHASE_HEADERS_WITHOUT_END,
    });
    expect(plan(snapshot).tables.map((t) => t.kind)).toEqual(["objectives", "indicators"]);
  });
});
