import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { renderMessage } from "../../../src/i18n";
import { SEED_AS_OF } from "../../support/engine";
import { allCells, fakeHost } from "../../support/fake-host";
import { PAYLOAD_LIMIT_BYTES } from "../../../src/fake-excel/request-context";
import { cleanWorkbook, date, PHASE_HEADERS, seedWorkbook } from "../../support/snapshot-builder";

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
    expect(new Map(host.state.sheets.get("Fasi")!.cells)).toEqual(fasiBefore);
    const indicators = [...allCells(host.state)].filter(([key]) => key.startsWith("Indicatori!"));
    expect(indicators.map(([, cell]) => cell.value)).toContain("Esito");
  });

  it("reads a table wider than the first block assumes in smaller blocks, after the one answer over 5 MB Excel refuses", async () => {
    // 150 columns of the user's own notes, 200 characters each: the first block the read
    // assumes (64 columns) would answer about 8 MB.
    const notes = Array.from({ length: 150 }, (_, i) => `Nota ${i + 1}`);
    const text = "x".repeat(200);
    const phases = Array.from({ length: 300 }, (_, i) => [
      "2018_AA01",
      `Fase ${i + 1}`,
      i === 0 ? 100 : 0,
      date("2018-01-10"),
      date("2018-12-15"),
      "ROSSI",
      ...notes.map(() => text),
    ]);
    const host = fakeHost(
      cleanWorkbook({ phaseHeaders: [...PHASE_HEADERS, ...notes], phases }),
      AS_OF
    );
    const outcome = await validateWorkbook(host, SEED_AS_OF, "it");
    expect(outcome.result.phases).toHaveLength(300);
    expect(outcome.result.findings.filter((f) => f.rule === "phase.weight.zero")).toHaveLength(299);
    // One answer is refused, as Excel on the web does, and the read goes on in blocks that fit.
    const read = host.runs[0].stats;
    expect(read.responseBytes.filter((bytes) => bytes > PAYLOAD_LIMIT_BYTES)).toHaveLength(1);
    expect(read.responseBytes.slice(-1)[0]).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});
