import { planWrites } from "../../src/engine";
import { messageTexts, renderMessage } from "../../src/i18n";
import { run, SEED_AS_OF } from "../support/engine";
import { writesOf } from "../support/apply-plan";
import { seedWorkbook } from "../support/snapshot-builder";

describe("the seed card 2018_ZN12 at 30/06/2018 (domain.md §6)", () => {
  const result = run(seedWorkbook(), SEED_AS_OF);

  it("has exactly one error: the first phase's missing end date, with the indicator's deadline suggested", () => {
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      rule: "phase.end.missing",
      severity: "error",
      sheet: "Fasi",
      row: 2,
      cell: "E2",
      column: "Fine prevista",
      objective: "2018_ZN12",
    });
    expect(renderMessage(finding, "it")).toContain("30/09/2018");
    expect(renderMessage(finding, "it")).toContain("Redazione dell'accordo nei tempi");
    expect(renderMessage(finding, "en")).toContain("suggested 30/09/2018");
  });

  it("computes the phases: 1 missing dates, 2 in progress at 100% expected", () => {
    expect(result.phases.map((p) => [p.status, p.expectedProgress, p.check])).toEqual([
      ["missing-dates", null, "error"],
      ["in-progress", 1, "ok"],
    ]);
  });

  it("computes the objective: weight total 100, missing dates, expected progress blank, check error", () => {
    expect(result.objectives).toHaveLength(1);
    expect(result.objectives[0].figures).toEqual({
      weightTotal: 100,
      expectedProgress: null,
      actualProgress: null,
      status: "missing-dates",
    });
    expect(result.objectives[0].check).toBe("error");
  });

  it("finds both indicators OK", () => {
    expect(result.indicators.map((i) => i.check)).toEqual(["ok", "ok"]);
  });

  it("writes the status columns in Italian", () => {
    const plan = planWrites(result, messageTexts);
    const phases = plan.tables.find((t) => t.kind === "phases")!;
    const column = (header: string) => phases.columns.find((c) => c.header === header)!;
    expect(writesOf(column("Stato fase"))).toEqual([
      { rowIndex: 0, value: "DATE MANCANTI" },
      { rowIndex: 1, value: "IN CORSO" },
    ]);
    expect(writesOf(column("Avanzamento atteso"))).toEqual([{ rowIndex: 1, value: 1 }]);
    expect(column("Esito").writeValues).toEqual(["ERRORE", "OK"]);
    const objectives = plan.tables.find((t) => t.kind === "objectives")!;
    expect(objectives.columns.map((c) => [c.header, c.writeValues])).toEqual([
      ["Somma pesi", [100]],
      ["Avanzamento atteso", []],
      ["Stato obiettivo", ["DATE MANCANTI"]],
      ["Esito", ["ERRORE"]],
      ["Segnalazioni", ["Fasi: 1 errore"]],
    ]);
  });
});
