import { createPlanningTables } from "../../../src/adapters/office/create-tables";
import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { FakeExcelHost } from "../../../src/fake-excel/fake-excel-host";
import { emptyWorkbook } from "../../../src/fake-excel/workbook-state";
import { SEED_AS_OF } from "../../support/engine";
import { fakeHost, valueAt } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";

describe("Create planning tables", () => {
  it("inserts Obiettivi, Fasi and Indicatori with formats and validation, which the engine then recognises", async () => {
    const host = new FakeExcelHost(emptyWorkbook(), { excelApi: "1.8" });
    expect(await createPlanningTables(host, "it")).toBe(true);
    expect(host.state.tables.map((t) => [t.name, t.sheet, t.columns.length])).toEqual([
      ["Obiettivi", "Obiettivi", 6],
      ["Fasi", "Fasi", 7],
      ["Indicatori", "Indicatori", 4],
    ]);
    expect(valueAt(host.state, "Fasi", "D1")).toBe("Inizio previsto");
    expect(host.state.sheets.get("Fasi")!.cells.get("2:3")?.numberFormat).toBe("dd/mm/yyyy");
    expect(
      host.state.sheets
        .get("Fasi")!
        .dataValidations.map((v) => [v.address, Object.keys(v.rule as object)[0]])
    ).toEqual([
      ["D2:D201", "date"],
      ["E2:E201", "date"],
      ["C2:C201", "decimal"],
    ]);
    expect(host.state.activeSheet).toBe("Obiettivi");
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(outcome.result.findings.map((f) => f.rule)).toEqual([
      "table.empty",
      "table.empty",
      "table.empty",
    ]);
  });

  it("creates nothing where there are tables already, and skips validation rules Excel 2019 lacks", async () => {
    expect(await createPlanningTables(fakeHost(seedWorkbook()), "it")).toBe(false);
    const old = new FakeExcelHost(emptyWorkbook());
    expect(await createPlanningTables(old, "en")).toBe(true);
    expect(old.state.tables.map((t) => t.name)).toEqual(["Objectives", "Phases", "Indicators"]);
    expect(old.state.sheets.get("Phases")!.dataValidations).toEqual([]);
  });
});
