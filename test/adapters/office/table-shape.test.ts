import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { renderMessage } from "../../../src/i18n";
import { SEED_AS_OF } from "../../support/engine";
import { allCells, fakeHost } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";

const AS_OF = { asOf: "2018-06-30" };

describe("tables of unusual shape, read through Office.js (strict fake)", () => {
  it("reports a table with its header row turned off, and checks and writes the others", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    host.state.tables.find((t) => t.name === "Fasi")!.showHeaders = false;
    const fasiBefore = new Map(host.state.sheets.get("Fasi")!.cells);
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    const off = outcome.result.findings.filter((f) => f.rule === "table.headers.off");
    expect(off.map((f) => [f.severity, f.table, f.sheet])).toEqual([["error", "Fasi", "Fasi"]]);
    expect(renderMessage(off[0], "it")).toMatch(/Struttura tabella > Riga di intestazione/);
    expect(renderMessage(off[0], "en")).toMatch(/Table Design > Header Row/);
    expect(outcome.result.findings.map((f) => f.rule)).not.toContain("table.column.missing");
    // Nothing is written into or beside the table without headers; the other tables get their status columns.
    expect(host.state.sheets.get("Fasi")!.cells).toEqual(fasiBefore);
    const indicators = [...allCells(host.state)].filter(([key]) => key.startsWith("Indicatori!"));
    expect(indicators.map(([, cell]) => cell.value)).toContain("Esito");
  });
});
