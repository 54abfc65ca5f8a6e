import fc from "fast-check";
import { columnIndex, columnLetters } from "../../src/engine/cell-address";
import { planWrites, runEngine } from "../../src/engine";
import { messageTexts, renderMessage } from "../../src/i18n";
import { applyPlanToSnapshot } from "../support/apply-plan";
import { workbookSnapshot } from "../support/arbitraries";
import { day } from "../support/engine";

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
