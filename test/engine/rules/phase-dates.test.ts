import { cleanWorkbook, date, formatted } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings, run } from "../../support/engine";
import { isoFromDay } from "../../../src/engine/days";
import { suggestedFix } from "../../../src/engine/suggested-fix";
import { catalogue, renderMessage } from "../../../src/i18n";

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

describe("a missing end's suggestion is never before the phase's start", () => {
  const missingEnd = (start: BuilderCell, target: string, code = "2024_AB01") => {
    const found = findings(
      cleanWorkbook({
        objectives: [[code, "Titolo", null]],
        phases: [[code, "Collaudo", 100, start, null, "ROSSI"]],
        indicators: [[code, "Collaudo entro", "RISULTATO", target]],
      })
    ).find((f) => f.rule === "phase.end.missing")!;
    if (found.rule !== "phase.end.missing") throw new Error("no phase.end.missing");
    return found;
  };

  it("an indicator's date before the start gives way to 31/12 of the plan year (issue 9's case)", () => {
    const missing = missingEnd(date("2024-10-12"), "17/02/2024");
    expect(isoFromDay(missing.details.suggestion!)).toBe("2024-12-31");
    expect(missing.details).toMatchObject({ planYear: 2024, phase: "Collaudo" });
    expect(isoFromDay((missing.details as { earlierTarget: number }).earlierTarget)).toBe(
      "2024-02-17"
    );
    expect(renderMessage(missing, "it")).toBe(
      "Data di fine prevista mancante: inserisci la data (gg/mm/aaaa); suggerita 31/12/2024, la fine dell'anno del piano (la scadenza dell'indicatore, 17/02/2024, è prima dell'inizio previsto)."
    );
    const fix = suggestedFix(missing, 1900)!;
    expect(fix.display).toBe("31/12/2024");
    expect(catalogue("it").addin.fixWillChange(fix)).toBe(
      "Fasi!E2 (fase «Collaudo», inizio 12/10/2024) riceverà 31/12/2024, la fine dell'anno del piano 2024 (la scadenza dell'indicatore, 17/02/2024, è prima dell'inizio previsto)."
    );
  });

  it("an indicator's date on the start day is still suggested, with its source for the dialog", () => {
    const missing = missingEnd(date("2024-02-17"), "17/02/2024");
    expect(isoFromDay(missing.details.suggestion!)).toBe("2024-02-17");
    const fix = suggestedFix(missing, 1900)!;
    expect(fix.source).toEqual({ kind: "indicator", indicator: "Collaudo entro" });
    expect(catalogue("en").addin.fixWillChange(fix)).toBe(
      'Fasi!E2 (phase "Collaudo", start 17/02/2024) will get 17/02/2024, the date of the indicator "Collaudo entro".'
    );
  });

  it("a start after the plan year's end suggests nothing and says the start needs checking", () => {
    const missing = missingEnd(date("2025-03-01"), "17/02/2024");
    expect(missing.details.suggestion).toBeUndefined();
    expect(missing.details).toMatchObject({ planYear: 2024 });
    expect(suggestedFix(missing, 1900)).toBeNull();
    expect(renderMessage(missing, "it")).toBe(
      "Data di fine prevista mancante: inserisci la data (gg/mm/aaaa); nessuna data suggerita: l'inizio previsto 01/03/2025 viene dopo la scadenza dell'indicatore (17/02/2024) e la fine dell'anno del piano 2024, controlla prima la data di inizio."
    );
    expect(renderMessage(missing, "en")).toContain(
      "no date suggested: the planned start 01/03/2025 is after the indicator's deadline (17/02/2024) and the end of the plan year 2024, so check the start date first"
    );
  });

  it("without a usable start the old suggestion stands", () => {
    const missing = missingEnd(null, "17/02/2024");
    expect(isoFromDay(missing.details.suggestion!)).toBe("2024-02-17");
    expect(suggestedFix(missing, 1900)).toMatchObject({ start: null, phase: "Collaudo" });
  });
});
