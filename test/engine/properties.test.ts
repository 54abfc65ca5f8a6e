import fc from "fast-check";
import { columnIndex, columnLetters } from "../../src/engine/cell-address";
import { planWrites, runEngine } from "../../src/engine";
import { messageTexts, renderMessage } from "../../src/i18n";
import { applyPlanToSnapshot } from "../support/apply-plan";
import { workbookSnapshot } from "../support/arbitraries";
import { day } from "../support/engine";
import { cleanWorkbook, date } from "../support/snapshot-builder";
import { isoFromDay } from "../../src/engine/days";

const asOf = fc.integer({ min: day("2017-01-01"), max: day("2020-12-31") });

describe("engine properties", () => {
  it("never throws, whatever the cells hold, and every message renders in both languages", () => {
    fc.assert(
      fc.property(workbookSnapshot, asOf, (snapshot, when) => {
        const result = runEngine(snapshot, { asOf: when }, when);
        planWrites(result, messageTexts);
        for (const finding of result.findings) {
          for (const lang of ["it", "en"] as const) {
            const message = renderMessage(finding, lang);
            expect(message.length).toBeGreaterThan(10);
            expect(message).not.toMatch(/undefined|NaN|\[object/);
          }
        }
      }),
      { numRuns: 300 }
    );
  });

  it("points every row finding at a real row and cell of its table", () => {
    fc.assert(
      fc.property(workbookSnapshot, asOf, (snapshot, when) => {
        for (const finding of runEngine(snapshot, { asOf: when }, when).findings) {
          if (finding.table === null) continue;
          const table = snapshot.tables.find((t) => t.name === finding.table)!;
          expect(table).toBeDefined();
          if (finding.rowIndex === null) {
            expect([finding.row, finding.cell]).toEqual([
              table.headerRow,
              `${columnLetters(table.firstColumn)}${table.headerRow}`,
            ]);
            continue;
          }
          expect(finding.rowIndex).toBeGreaterThanOrEqual(0);
          expect(finding.rowIndex).toBeLessThan(table.rows.length);
          expect(finding.row).toBe(table.headerRow + 1 + finding.rowIndex!);
          const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(finding.cell!)!;
          expect(Number(row)).toBe(finding.row);
          const col = columnIndex(letters)! - table.firstColumn;
          expect(col).toBeGreaterThanOrEqual(0);
          expect(col).toBeLessThan(table.headers.length);
          if (finding.column !== null) expect(table.headers[col]).toBe(finding.column);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("gives an empty plan the second time", () => {
    fc.assert(
      fc.property(workbookSnapshot, asOf, (snapshot, when) => {
        applyPlanToSnapshot(
          snapshot,
          planWrites(runEngine(snapshot, { asOf: when }, when), messageTexts)
        );
        expect(planWrites(runEngine(snapshot, { asOf: when }, when), messageTexts).tables).toEqual(
          []
        );
      }),
      { numRuns: 300 }
    );
  });
});

describe("a missing end's suggestion", () => {
  const iso = (d: number) => isoFromDay(d);
  const someDay = fc.integer({ min: day("2016-01-01"), max: day("2021-12-31") });

  it("is never before the phase's start; without one, the details say why", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2016, max: 2021 }),
        fc.option(someDay, { nil: null }),
        fc.array(someDay, { maxLength: 3 }),
        (year, start, targets) => {
          const code = `${year}_AA01`;
          const snapshot = cleanWorkbook({
            objectives: [[code, "Titolo", null]],
            phases: [[code, "Fase", 100, start === null ? null : date(iso(start)), null, "R"]],
            indicators: targets.map((t, i) => [code, `I${i}`, "RISULTATO", date(iso(t))]),
          });
          const missing = runEngine(snapshot, {}, day("2018-06-30")).findings.find(
            (f) => f.rule === "phase.end.missing"
          );
          if (missing?.rule !== "phase.end.missing") throw new Error("no phase.end.missing");
          const { suggestion } = missing.details;
          if (suggestion !== undefined && start !== null)
            expect(suggestion).toBeGreaterThanOrEqual(start);
          if (suggestion === undefined && start !== null) {
            expect(missing.details).toMatchObject({ start });
            expect(renderMessage(missing, "it")).toContain("controlla prima la data di inizio");
          }
          // Withheld only when the start is after both the latest target and 31/12 of the plan year.
          const latest = Math.max(-Infinity, ...targets);
          expect(suggestion === undefined).toBe(
            start !== null && iso(start) > `${year}-12-31` && latest < start
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});
