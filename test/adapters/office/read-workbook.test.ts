import { readWorkbook } from "../../../src/adapters/office/read-workbook";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/snapshot";
import { fakeHost } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";
import { generatePlan } from "../../../bench/generate-plan";

/** 200 objectives, 1,000 phases, 600 indicators: more rows than the first block of each table. */
function plan(edit?: (phases: { rows: CellValue[][]; numberFormats: string[][] }) => void) {
  const snapshot = generatePlan({
    objectives: 200,
    phasesPerObjective: 5,
    indicatorsPerObjective: 3,
  });
  const [objectives, phases, indicators] = snapshot.tables;
  const copy = {
    ...phases,
    rows: phases.rows.map((row) => [...row]),
    numberFormats: phases.numberFormats!.map((row) => [...row]),
  };
  edit?.(copy);
  return { ...snapshot, tables: [objectives, copy, indicators] };
}

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

  it("reads a plan larger than the first blocks in three syncs: the list, the shape with the first rows, one block", async () => {
    const { syncs } = await read(plan());
    expect(syncs).toBe(3);
  });

  it("sends number formats for the columns holding numbers only, so each block carries more rows", async () => {
    const snapshot = plan();
    const host = fakeHost(snapshot);
    const workbook = await host.run({}, (context) => readWorkbook(context, {}));
    // The block after the first rows (phases and indicators from row 227 on) with every column's
    // formats would weigh this much; the text columns' "General" is most of the formats.
    const rest = [snapshot.tables[1], snapshot.tables[2]].map((t) => [
      t.rows.slice(227).map((row) => row.map((value) => value ?? "")),
      t.numberFormats!.slice(227),
    ]);
    expect(host.lastRun.syncs).toBe(3);
    expect(host.lastRun.responseBytes[2]).toBeLessThan(JSON.stringify(rest).length * 0.85);
    // The dates' formats, past the first rows too, are those of the workbook.
    const phases = workbook.snapshot.tables[1];
    expect(phases.numberFormats![900][3]).toBe("dd/mm/yyyy");
    expect(phases.rows[900]).toEqual(snapshot.tables[1].rows[900]);
  });

  it("gets the format of a number in a text column past the first rows, in one more sync", async () => {
    const { phases, syncs } = await read(plan());
    const host = fakeHost(
      plan((table) => {
        table.rows[900][1] = 0.5;
        table.numberFormats[900][1] = "0%";
      })
    );
    const workbook = await host.run({}, (context) => readWorkbook(context, {}));
    const read900 = workbook.snapshot.tables[1];
    expect(read900.rows[900][1]).toBe(0.5);
    expect(read900.numberFormats![900][1]).toBe("0%");
    expect(read900.rows.length).toBe(phases.length);
    expect(host.lastRun.syncs).toBe(syncs + 1);
  });
});
