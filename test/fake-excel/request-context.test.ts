/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read too early on purpose: the fake must refuse it as Excel does. */
import { FakeExcelHost } from "../../src/fake-excel/fake-excel-host";
import { workbookStateFromSnapshot } from "../../src/fake-excel/load-snapshot";
import { PAYLOAD_LIMIT_BYTES } from "../../src/fake-excel/request-context";
import { seedWorkbook } from "../support/snapshot-builder";

const host = () => new FakeExcelHost(workbookStateFromSnapshot(seedWorkbook()));

describe("the strict fake of Excel", () => {
  it("refuses to read a property that was not loaded, and one read before the sync", async () => {
    await host().run({}, async (context) => {
      const range = context.workbook.tables.getItem("Fasi").getDataBodyRange();
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values[0][0]).toBe("2018_ZN12");
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  it("gives collection items only after loading them", async () => {
    await host().run({}, async (context) => {
      const tables = context.workbook.tables;
      expect(() => tables.items).toThrow(/not available/);
      tables.load("items/name");
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["Obiettivi", "Fasi", "Indicatori"]);
    });
  });

  it("fails the sync of a missing item, and answers isNullObject for the OrNullObject form", async () => {
    await host().run({}, async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("Nessuna");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.tables.getItem("Nessuna").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("rejects a request over 5 MB, as Excel on the web does", async () => {
    const fake = host();
    await fake.run({}, async (context) => {
      const rows = 60_000;
      const range = context.workbook.worksheets.getItem("Fasi").getRange(`A1:A${rows}`);
      range.values = Array.from({ length: rows }, () => ["x".repeat(100)]);
      await expect(context.sync()).rejects.toMatchObject({
        code: "RequestPayloadSizeLimitExceeded",
      });
    });
    expect(fake.lastRun.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("rejects writes to a protected sheet", async () => {
    const fake = host();
    fake.state.sheets.get("Fasi")!.protected = true;
    await fake.run({}, async (context) => {
      context.workbook.worksheets.getItem("Fasi").getRange("Z1").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
  });

  it("reproduces office-js #224: a multi-row write into a filtered table lands in the visible rows", async () => {
    const fake = host();
    fake.state.tables[1].filters.set(5, {
      criteria: { filterOn: "Values", values: ["LICITRA ALESSANDRO"] },
    });
    await fake.run({}, async (context) => {
      context.workbook.worksheets.getItem("Fasi").getRange("H2:H3").values = [["a"], ["b"]];
      await context.sync();
    });
    const cells = fake.state.sheets.get("Fasi")!.cells;
    expect([cells.get("2:7"), cells.get("3:7")?.value, cells.get("4:7")?.value]).toEqual([
      undefined,
      "a",
      "b",
    ]);
  });

  it("reads filter criteria back with null fields and refuses them in apply (office-js #1226)", async () => {
    const fake = host();
    fake.state.tables[1].filters.set(5, { criteria: { filterOn: "Values", values: ["ROSSI"] } });
    await fake.run({}, async (context) => {
      const filter = context.workbook.tables.getItem("Fasi").columns.getItemAt(5).filter;
      filter.load("criteria");
      await context.sync();
      expect(filter.criteria).toMatchObject({ filterOn: "Values", values: ["ROSSI"], color: null });
      filter.apply(filter.criteria);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("fails to load a filter applied after table.clearFilters, which also drops the sort (office-js #3030, #3086)", async () => {
    const fake = host();
    await fake.run({}, async (context) => {
      const table = context.workbook.tables.getItem("Fasi");
      table.sort.apply([{ key: 1, ascending: true }]);
      table.clearFilters();
      table.columns.getItemAt(5).filter.apply({ filterOn: "Values", values: ["ROSSI"] });
      table.sort.load("fields");
      await context.sync();
      expect(table.sort.fields).toEqual([]);
      table.columns.getItemAt(5).filter.load("criteria");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
  });
});
