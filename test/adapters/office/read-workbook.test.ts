import { readWorkbook } from "../../../src/adapters/office/read-workbook";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/snapshot";
import { fakeHost } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";

/** The seed card with its phases' cells changed: `edits` maps [row, column] to a value. */
function seedWith(edits: readonly [number, number, CellValue][]): WorkbookSnapshot {
  const seed = seedWorkbook();
  const phases = seed.tables[1];
  const rows = phases.rows.map((row) => [...row]);
  for (const [row, column, value] of edits) rows[row][column] = value;
  return { ...seed, tables: [seed.tables[0], { ...phases, rows }, seed.tables[2]] };
}

async function read(snapshot: WorkbookSnapshot) {
  const host = fakeHost(snapshot);
  const workbook = await host.run({}, (context) => readWorkbook(context, {}));
  return { phases: workbook.snapshot.tables[1].rows, syncs: host.lastRun.syncs };
}

describe("reading the tables through Office.js (strict fake)", () => {
  it("reads the three tables of a card in two syncs: the list, then shape and cells together", async () => {
    const { syncs } = await read(seedWorkbook());
    expect(syncs).toBe(2);
  });

  it("tells an error value from text that looks like one, with one more sync only when such text is there", async () => {
    const { phases, syncs } = await read(
      seedWith([
        [0, 2, { error: "#N/A" }],
        [1, 2, { error: "#VALUE!" }],
        [0, 5, "#N/A"],
        [1, 1, "#fase 2"],
      ])
    );
    expect(phases.map((row) => [row[1], row[2], row[5]])).toEqual([
      ["Accordo di collaborazione ex art. 15 d.lgs 241/90", { error: "#N/A" }, "#N/A"],
      ["#fase 2", { error: "#VALUE!" }, "LICITRA ALESSANDRO"],
    ]);
    expect(syncs).toBe(3);
  });

  it("loads the types of the cells starting with # only, not whole blocks", async () => {
    const host = fakeHost(seedWith([[1, 2, { error: "#DIV/0!" }]]));
    await host.run({}, (context) => readWorkbook(context, {}));
    const [, , typing] = host.lastRun.responseBytes;
    // One cell's type: a few dozen bytes, where the table's types would be hundreds.
    expect(typing).toBeLessThan(100);
  });
});
