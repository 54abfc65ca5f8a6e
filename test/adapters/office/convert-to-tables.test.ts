import { FakeTableCollection } from "../../../src/fake-excel/fake-workbook";
import { paneActions } from "../../../src/adapters/office/pane-actions";
import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { SEED_AS_OF } from "../../support/engine";
import { allCells } from "../../support/fake-host";
import { seedAsPlainRanges } from "../../support/plain-ranges";

const pane = (host: ReturnType<typeof seedAsPlainRanges>) =>
  paneActions(host, () => SEED_AS_OF, "it");

describe("Converti in tabelle", () => {
  afterEach(() => jest.restoreAllMocks());

  it("turns each checked range, header row and data only, into a named table keeping every cell", async () => {
    const host = seedAsPlainRanges();
    await validateWorkbook(host, SEED_AS_OF, "it");
    const before = allCells(host.state);
    const outcome = await pane(host).convertToTables();
    expect(outcome.refused).toEqual([]);
    expect(outcome.converted.map((c) => [c.table, c.sheet, c.range])).toEqual([
      ["Obiettivi", "Obiettivi", "A3:H4"],
      ["Fasi", "Fasi", "A3:J5"],
      ["Indicatori", "Indicatori", "A3:F5"],
    ]);
    expect(
      host.state.tables.map((t) => [t.name, t.headerRow, t.rowCount, t.columns.length])
    ).toEqual([
      ["Obiettivi", 3, 1, 8],
      ["Fasi", 3, 2, 10],
      ["Indicatori", 3, 2, 6],
    ]);
    expect(allCells(host.state)).toEqual(before);

    // Checked again as tables: the §6 result, no infos, the status columns found where they are.
    const again = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(again.result.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
    expect(again.write.cellsWritten).toBe(0);
  });

  it("converts nothing when a range holds merged cells, and says where they are", async () => {
    const host = seedAsPlainRanges();
    host.state.sheets.get("Fasi")!.merges!.push("B4:C4");
    const outcome = await pane(host).convertToTables();
    expect(outcome.converted).toEqual([]);
    expect(outcome.refused).toEqual([
      {
        kind: "phases",
        table: "Fasi",
        sheet: "Fasi",
        range: "A3:F5",
        reason: "merged-cells",
        cells: "B4:C4",
      },
    ]);
    expect(host.state.tables).toEqual([]);
  });

  it("puts back the tables it made when Excel refuses one after the checks", async () => {
    const host = seedAsPlainRanges();
    // A co-author merges cells in the indicators after the checks, as the tables are being added:
    // Excel makes the first two tables of the batch, then refuses the third.
    const add = FakeTableCollection.prototype.add;
    jest.spyOn(FakeTableCollection.prototype, "add").mockImplementation(function (
      this: FakeTableCollection,
      address: string,
      hasHeaders: boolean
    ) {
      if (address.startsWith("Indicatori!"))
        host.state.sheets.get("Indicatori")!.merges!.push("B4:C4");
      return add.call(this, address, hasHeaders);
    });
    const result = await pane(host).convertToTables();
    expect(result.converted).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual(["excel", "excel", "excel"]);
    expect(host.state.tables).toEqual([]);
  });
});
