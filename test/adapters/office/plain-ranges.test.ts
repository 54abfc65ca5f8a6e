import { paneActions } from "../../../src/adapters/office/pane-actions";
import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { suggestedFix } from "../../../src/engine/suggested-fix";
import { SEED_AS_OF } from "../../support/engine";
import { allCells, valueAt } from "../../support/fake-host";
import { seedAsPlainRanges } from "../../support/plain-ranges";

describe("plain ranges through the fake Excel", () => {
  it("gives the §6 result with the three infos, and writes the status columns right of each range", async () => {
    const host = seedAsPlainRanges();
    const before = allCells(host.state);
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    const { findings, summary } = outcome.result;
    expect(summary).toMatchObject({ errors: 1, warnings: 0, infos: 3 });
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([
      ["phase.end.missing", "E4"],
    ]);
    expect(outcome.write.skipped).toEqual([]);
    expect(["G3", "H3", "I3", "J3"].map((a) => valueAt(host.state, "Fasi", a))).toEqual([
      "Avanzamento atteso",
      "Stato fase",
      "Esito",
      "Segnalazioni",
    ]);
    expect(["H4", "I4", "G5", "H5", "I5"].map((a) => valueAt(host.state, "Fasi", a))).toEqual([
      "DATE MANCANTI",
      "ERRORE",
      1,
      "IN CORSO",
      "OK",
    ]);
    expect(valueAt(host.state, "Obiettivi", "G4")).toBe("ERRORE");
    expect(valueAt(host.state, "Indicatori", "E4")).toBe("OK");
    // Nothing on the blank row or the note below the data, and every user cell as it was.
    expect(valueAt(host.state, "Fasi", "G6")).toBeNull();
    expect(valueAt(host.state, "Fasi", "I7")).toBeNull();
    const after = allCells(host.state);
    for (const [key, cell] of before) expect([key, after.get(key)]).toEqual([key, cell]);

    const again = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(again.write.cellsWritten).toBe(0);
  });

  it("leaves a range whose right neighbours are occupied as it is, naming the cells in the way", async () => {
    const host = seedAsPlainRanges("seed-plain-blocked-openpyxl.xlsx");
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(outcome.write.skipped).toEqual([
      { table: "Fasi!A3:F5", sheet: "Fasi", reason: "occupied", range: "I5" },
    ]);
    expect(valueAt(host.state, "Fasi", "G3")).toBeNull();
    expect(valueAt(host.state, "Obiettivi", "G4")).toBe("ERRORE");
  });

  it("never writes into a merged area right of the range", async () => {
    const host = seedAsPlainRanges();
    host.state.sheets.get("Indicatori")!.merges!.push("F4:G5");
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(outcome.write.skipped).toEqual([
      { table: "Indicatori!A3:D5", sheet: "Indicatori", reason: "occupied", range: "F4:G5" },
    ]);
    expect(valueAt(host.state, "Indicatori", "E3")).toBeNull();
  });

  it("marks the results stale when the user edits a range's cells, not its status cells nor a co-author's edit", async () => {
    const host = seedAsPlainRanges();
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    let stale = 0;
    await paneActions(host, () => SEED_AS_OF, "it").watchChanges(
      () => outcome,
      () => stale++
    );
    host.simulateEdit("Fasi", 4, 8, "ERRORE");
    host.simulateEdit("Fasi", 4, 1, "Accordo", "Remote");
    expect(stale).toBe(0);
    host.simulateEdit("Fasi", 4, 4, 43281);
    expect(stale).toBe(1);
  });

  it("applies the suggested end date into the range's cell, and the card then checks clean", async () => {
    const host = seedAsPlainRanges();
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    const finding = outcome.result.findings.find((f) => f.rule === "phase.end.missing")!;
    const fix = suggestedFix(finding, outcome.dateSystem)!;
    expect([fix.sheet, fix.cell, fix.display]).toEqual(["Fasi", "E4", "30/09/2018"]);
    expect(await paneActions(host, () => SEED_AS_OF, "it").applyFix(fix)).toBe("written");
    const again = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(again.result.summary).toMatchObject({ errors: 0, warnings: 0, infos: 3 });
    expect(valueAt(host.state, "Fasi", "I4")).toBe("OK");
  });
});
