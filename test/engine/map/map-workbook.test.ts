import { mapWorkbook } from "../../../src/engine/map/map-workbook";
import { normalizeHeader } from "../../../src/engine/map/normalize";
import { cleanWorkbook, table, workbook } from "../../support/snapshot-builder";

describe("recognising the tables", () => {
  it("matches headers case-, accent-, space- and punctuation-insensitively", () => {
    expect(normalizeHeader(" Centro di Responsabilità ")).toBe(
      normalizeHeader("centro_di_responsabilita")
    );
    expect(normalizeHeader("Cod. obiettivo")).toBe("codobiettivo");
  });

  it.each([
    ["Obiettivi", "objectives"],
    ["tblObjectives", "objectives"],
    ["Fasi2019", "phases"],
    ["tbl_Fasi_2021", "phases"],
    ["INDICATORI", "indicators"],
  ])("recognises table %s by name", (name, kind) => {
    const snapshot = workbook([table(name, ["A"], [])]);
    expect(mapWorkbook(snapshot)[kind as "objectives"]?.recognisedBy).toBe("name");
  });

  it("recognises tables by their headers when the names say nothing", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables.forEach((t, i) => (t.name = `Tabella${i + 1}`));
    const mapping = mapWorkbook(snapshot);
    expect([
      mapping.objectives?.table.name,
      mapping.phases?.table.name,
      mapping.indicators?.table.name,
    ]).toEqual(["Tabella1", "Tabella2", "Tabella3"]);
    expect(mapping.phases?.recognisedBy).toBe("headers");
  });

  it("lets a mapping stored in the workbook win over names and headers", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables.push(table("Obiettivi2020", ["Cod.", "Nome"], [["2020_A", "x"]]));
    snapshot.settings = {
      mapping: { objectives: { table: "obiettivi2020", columns: { code: "Cod.", title: "Nome" } } },
    };
    const mapping = mapWorkbook(snapshot);
    expect(mapping.objectives?.table.name).toBe("Obiettivi2020");
    expect(mapping.objectives?.recognisedBy).toBe("mapping");
    expect([...mapping.objectives!.columns]).toEqual([
      ["code", 0],
      ["title", 1],
    ]);
  });

  it("accepts English headers and the misspelling found on real cards", () => {
    const snapshot = workbook([
      table(
        "Phases",
        [
          "Objective",
          "Phase",
          "Weight",
          "Planned start",
          "Planned end",
          "Centro di Responsabiltà",
          "% complete",
        ],
        []
      ),
    ]);
    const phases = mapWorkbook(snapshot).phases!;
    expect(phases.missingFields).toEqual([]);
    expect(phases.columns.get("responsibilityCentre")).toBe(5);
    expect(phases.columns.get("progress")).toBe(6);
  });

  it("finds status columns in either language and keeps them out of the user's fields", () => {
    const snapshot = workbook([
      table(
        "Fasi",
        ["Codice obiettivo", "Descrizione", "Peso", "Inizio", "Fine", "Check", "Stato fase"],
        []
      ),
    ]);
    const phases = mapWorkbook(snapshot).phases!;
    expect([...phases.statusColumns]).toEqual([
      ["phaseStatus", 6],
      ["check", 5],
    ]);
  });
});
