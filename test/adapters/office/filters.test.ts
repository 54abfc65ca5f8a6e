import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { describeOutcome } from "../../../src/addin/validation-message";
import type { FakeFilterCriteria } from "../../../src/fake-excel/filters";
import { catalogue } from "../../../src/i18n";
import { SEED_AS_OF } from "../../support/engine";
import { allCells, fakeHost, valueAt } from "../../support/fake-host";
import { cleanWorkbook, date } from "../../support/snapshot-builder";
import type { FakeExcelHost } from "../../../src/fake-excel/fake-excel-host";

const AS_OF = { asOf: "2018-06-30" };
const validate = (host: FakeExcelHost) => validateWorkbook(host, SEED_AS_OF, "it");

/** Six phases with weights, dates, owners, colours and icons for every kind of filter to bite on. */
function phases(): FakeExcelHost {
  const host = fakeHost(
    cleanWorkbook({
      phases: [
        ["2018_AA01", "Prima", 10, date("2018-01-10"), date("2018-02-28"), "ROSSI"],
        ["2018_AA01", "Seconda", 15, date("2018-03-01"), date("2018-04-30"), "BIANCHI"],
        ["2018_AA01", "Terza", 20, date("2018-05-01"), date("2018-06-15"), "ROSSI"],
        ["2018_AA01", "Quarta", 25, date("2018-06-16"), date("2018-09-30"), "VERDI"],
        ["2018_AA01", "Quinta", 15, date("2018-10-01"), date("2018-11-30"), "ROSSI"],
        ["2018_AA01", "Sesta", 15, date("2018-12-01"), date("2018-12-15"), "NERI"],
      ],
    }),
    AS_OF
  );
  host.state.today = SEED_AS_OF;
  const sheet = host.state.sheets.get("Fasi")!;
  for (const row of [3, 5]) {
    sheet.cells.get(`${row}:5`)!.fill = "#FFFF00";
    sheet.cells.get(`${row}:5`)!.fontColor = "#FF0000";
    sheet.cells.get(`${row}:2`)!.icon = { set: "ThreeArrows", index: 2 };
  }
  return host;
}

const KINDS: [string, number, FakeFilterCriteria][] = [
  ["values", 5, { filterOn: "Values", values: ["ROSSI", "NERI"] }],
  [
    "values by date",
    3,
    { filterOn: "Values", values: [{ date: "2018-03", specificity: "Month" }] },
  ],
  ["custom, one criterion", 5, { filterOn: "Custom", criterion1: "=R*" }],
  [
    "custom, two with and",
    2,
    { filterOn: "Custom", criterion1: ">=15", criterion2: "<25", operator: "And" },
  ],
  [
    "custom, two with or",
    5,
    { filterOn: "Custom", criterion1: "=VERDI", criterion2: "=NERI", operator: "Or" },
  ],
  ["top items", 2, { filterOn: "TopItems", criterion1: "2" }],
  ["bottom items", 2, { filterOn: "BottomItems", criterion1: "3" }],
  ["top percent", 2, { filterOn: "TopPercent", criterion1: "50" }],
  ["bottom percent", 2, { filterOn: "BottomPercent", criterion1: "20" }],
  ["dynamic, above average", 2, { filterOn: "Dynamic", dynamicCriteria: "AboveAverage" }],
  ["dynamic, this month", 4, { filterOn: "Dynamic", dynamicCriteria: "ThisMonth" }],
  [
    "dynamic, a month of any year",
    3,
    { filterOn: "Dynamic", dynamicCriteria: "AllDatesInPeriodMarch" },
  ],
  ["cell colour", 5, { filterOn: "CellColor", color: "#FFFF00" }],
  ["font colour", 5, { filterOn: "FontColor", color: "#FF0000" }],
  ["icon", 2, { filterOn: "Icon", icon: { set: "ThreeArrows", index: 2 } }],
];

describe("filters the user has on come back after Validate, whatever their kind", () => {
  it.each(KINDS)("%s", async (_kind, column, criteria) => {
    const plain = phases();
    await validate(plain);
    const filtered = phases();
    filtered.state.tables[1].filters.set(column, { criteria });
    const outcome = await validate(filtered);
    expect(outcome.write.filtersLost).toEqual([]);
    // Every status on its own row (office-js #224 would scramble them), and the filter back as it was.
    expect(allCells(filtered.state)).toEqual(allCells(plain.state));
    expect([...filtered.state.tables[1].filters]).toEqual([
      [column, { criteria, unreadable: false }],
    ]);
  });

  it("puts back the filters Excel accepts and names the one it refuses, after a successful write", async () => {
    const host = phases();
    const { filters } = host.state.tables[1];
    filters.set(2, { criteria: { filterOn: "Icon", icon: { set: "Invalid", index: 0 } } });
    filters.set(5, { criteria: { filterOn: "Values", values: ["ROSSI"] } });
    filters.set(4, { criteria: { filterOn: "Dynamic", dynamicCriteria: "Unknown" } });
    const outcome = await validate(host);
    expect(outcome.write.filtersLost).toEqual([
      { table: "Fasi", sheet: "Fasi", column: "Peso" },
      { table: "Fasi", sheet: "Fasi", column: "Fine prevista" },
    ]);
    expect([...filters.keys()]).toEqual([5]);
    expect(valueAt(host.state, "Fasi", "H2")).toBe("SCADUTA");
    const message = describeOutcome(outcome, catalogue("en"));
    expect(message.tone).toBe("warning");
    expect(message.text).toContain("Status columns updated");
    expect(message.text).toContain(
      'Excel did not put back the filter on column "Peso" of table Fasi: set it again (Data > Filter).'
    );
    expect(message.text).not.toContain("Excel did not complete the check");
  });

  it("leaves the table's sort state as it was", async () => {
    const host = phases();
    await host.run({}, async (context) => {
      context.workbook.tables.getItem("Fasi").sort.apply([{ key: 2, ascending: false }]);
      await context.sync();
    });
    const before = structuredClone(host.state.tables[1].sort);
    host.state.tables[1].filters.set(5, { criteria: { filterOn: "Values", values: ["ROSSI"] } });
    await validate(host);
    expect(before?.fields).toEqual([{ key: 2, ascending: false }]);
    expect(host.state.tables[1].sort).toEqual(before);
  });

  it("reads a filter it put back on the next run (office-js #3030)", async () => {
    const host = phases();
    host.state.tables[1].filters.set(5, { criteria: { filterOn: "Values", values: ["ROSSI"] } });
    await validate(host);
    host.simulateEdit("Fasi", 2, 2, 20);
    const again = await validate(host);
    expect(again.write.cellsWritten).toBeGreaterThan(0);
    expect(host.state.tables[1].filters.get(5)?.criteria).toEqual({
      filterOn: "Values",
      values: ["ROSSI"],
    });
  });

  it("checks a workbook whose filter Excel can no longer load (office-js #3030): clears it and names it", async () => {
    const plain = phases();
    await validate(plain);
    const host = phases();
    const { filters } = host.state.tables[1];
    filters.set(5, { criteria: { filterOn: "Values", values: ["ROSSI"] }, unreadable: true });
    filters.set(2, { criteria: { filterOn: "TopItems", criterion1: "3" } });
    const outcome = await validate(host);
    expect(outcome.write.filtersLost).toEqual([
      { table: "Fasi", sheet: "Fasi", column: "Responsabile" },
    ]);
    expect(allCells(host.state)).toEqual(allCells(plain.state));
    expect([...filters.keys()]).toEqual([2]);
  });
});
