import {
  cleanWorkbook,
  INDICATOR_HEADERS,
  OBJECTIVE_HEADERS,
  table,
  workbook,
  PHASE_HEADERS_WITHOUT_END,
} from "../../support/snapshot-builder";
import { findings, rules } from "../../support/engine";

describe("table rules", () => {
  it("a clean workbook has no findings", () => {
    expect(rules(cleanWorkbook())).toEqual([]);
  });

  it("table.missing fires for each table that cannot be found, at workbook level", () => {
    const snapshot = workbook([table("Obiettivi", OBJECTIVE_HEADERS, [["2018_AA01", "Titolo"]])]);
    const missing = findings(snapshot).filter((f) => f.rule === "table.missing");
    expect(missing.map((f) => f.tableKind)).toEqual(["phases", "indicators"]);
    expect(missing[0]).toMatchObject({
      severity: "error",
      table: null,
      sheet: null,
      row: null,
      cell: null,
    });
  });

  it("table.missing does not fire when a table is found by its headers alone", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables[1].name = "Tabella3";
    expect(rules(snapshot)).not.toContain("table.missing");
  });

  it("table.column.missing fires at the table header for each required column", () => {
    const snapshot = cleanWorkbook({
      phaseHeaders: PHASE_HEADERS_WITHOUT_END,
    });
    const found = findings(snapshot).filter((f) => f.rule === "table.column.missing");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      table: "Fasi",
      sheet: "Fasi",
      row: 1,
      cell: "A1",
      details: { field: "end" },
    });
  });

  it("table.column.missing: an optional column may be missing", () => {
    const snapshot = cleanWorkbook({
      phaseHeaders: [
        "Codice obiettivo",
        "Descrizione",
        "Peso",
        "Inizio previsto",
        "Fine prevista",
        "Altro",
      ],
    });
    expect(rules(snapshot)).toEqual([]);
  });

  it("a table with a missing column is not checked further", () => {
    const snapshot = cleanWorkbook({
      phaseHeaders: PHASE_HEADERS_WITHOUT_END,
      phases: [["2018_AA01", "", "abc", "x", "y", ""]],
    });
    expect(rules(snapshot)).toEqual(["table.column.missing"]);
  });

  it("table.empty fires for a table with only blank rows, and not for one data row", () => {
    const empty = cleanWorkbook({ indicators: [[null, "  ", null, "\u00a0"]] });
    const emptyFindings = findings(empty).filter((f) => f.rule === "table.empty");
    expect(emptyFindings).toHaveLength(1);
    expect(emptyFindings[0]).toMatchObject({
      severity: "warning",
      table: "Indicatori",
      row: 1,
      cell: "A1",
    });
    const one = workbook([
      ...cleanWorkbook().tables.slice(0, 2),
      table("Indicatori", INDICATOR_HEADERS, [["2018_AA01", "x", null, "1"]]),
    ]);
    expect(rules(one)).not.toContain("table.empty");
  });

  it("table.headers.off fires at a table whose header row is turned off, which is then neither checked nor written", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables[1].showHeaders = false;
    const found = findings(snapshot).filter((f) => f.rule === "table.headers.off");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      tableKind: "phases",
      table: snapshot.tables[1].name,
    });
    expect(rules(snapshot)).not.toContain("objective.phases.none");
  });
});
