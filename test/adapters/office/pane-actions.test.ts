import { paneActions } from "../../../src/adapters/office/pane-actions";
import type { ValidationOutcome } from "../../../src/adapters/office/validate-workbook";
import { SEED_AS_OF } from "../../support/engine";
import { fakeHost } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";

/** The seed's suggested end date for Fasi!E2 (30/09/2018), as the pane offers it. */
const fix = {
  sheet: "Fasi",
  cell: "E2",
  day: 0,
  serial: 43373,
  numberFormat: "dd/mm/yyyy",
  display: "30/09/2018",
  // What the confirmation says; applyFix writes only the cell.
  objective: null,
  phase: null,
  start: null,
  source: { kind: "plan-year", planYear: 2018, earlierTarget: null },
} as const;

describe("watching the tables after a check", () => {
  it("hears the user's edits, not the add-in's own writes nor a co-author's", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    let outcome: ValidationOutcome | null = null;
    const changes = jest.fn();
    await actions.watchChanges(() => outcome, changes);
    outcome = await actions.validate();
    expect(changes).not.toHaveBeenCalled();
    // A later reference date makes the next check rewrite status cells (G–J on Fasi): the add-in's own change, not heard.
    await actions.saveSettings({ asOf: "2018-07-01" });
    outcome = await actions.validate();
    expect(outcome.write.cellsWritten).toBeGreaterThan(0);
    expect(changes).not.toHaveBeenCalled();
    host.simulateEdit("Fasi", 2, 4, 43373, "Remote");
    expect(changes).not.toHaveBeenCalled();
    host.simulateEdit("Fasi", 2, 4, 43373, "Local");
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it("selects a finding's cell and writes a suggested fix only into a blank cell", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    await actions.selectCell("Fasi", "E2");
    expect(host.state.selection).toEqual({ sheet: "Fasi", address: "E2" });
    expect(await actions.applyFix(fix)).toBe("written");
    expect(host.state.sheets.get("Fasi")!.cells.get("2:4")).toEqual({
      value: 43373,
      numberFormat: "dd/mm/yyyy",
    });
    expect(await actions.applyFix({ ...fix, serial: 1 })).toBe("not-blank");
    expect(host.state.sheets.get("Fasi")!.cells.get("2:4")?.value).toBe(43373);
  });

  it("leaves a cell whose formula yields empty text: it reads blank but is not empty", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    const fasi = host.state.sheets.get("Fasi")!;
    const formula = { value: "", numberFormat: "General", formula: '=IF(D2="","",D2+90)' };
    fasi.cells.set("2:4", formula);
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    expect(await actions.applyFix(fix)).toBe("formula");
    expect(fasi.cells.get("2:4")).toEqual(formula);
  });
});

describe("watching the selection", () => {
  const heard = (calls: unknown[][]) => calls.map(([sheet, address]) => `${sheet}!${address}`);

  it("hears the user's clicks and the add-in's own select(), once per move, with the sheet's name", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    const onSelect = jest.fn();
    await actions.watchSelection(onSelect);
    host.simulateSelect("Fasi", "B3");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard(onSelect.mock.calls)).toEqual(["Fasi!B3"]);
    await actions.selectCell("Indicatori", "D2");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard(onSelect.mock.calls)).toEqual(["Fasi!B3", "Indicatori!D2"]);
    // Selecting where the selection already is moves nothing: no event (as Excel on the web).
    await actions.selectCell("Indicatori", "D2");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onSelect).toHaveBeenCalledTimes(2);
  });
});
