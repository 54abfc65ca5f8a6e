import { validateWorkbook } from "../../../src/adapters/office/validate-workbook";
import { ProtectedSheetError, writeWorkbook } from "../../../src/adapters/office/write-workbook";
import { readWorkbook } from "../../../src/adapters/office/read-workbook";
import type { WritePlan } from "../../../src/engine/plan/write-plan";
import { catalogue } from "../../../src/i18n";
import { PAYLOAD_LIMIT_BYTES } from "../../../src/fake-excel/request-context";
import { serialFromDay } from "../../../src/engine/days";
import { generatePlan } from "../../../bench/generate-plan";
import { day, SEED_AS_OF } from "../../support/engine";
import { allCells, cell, fakeHost, valueAt } from "../../support/fake-host";
import {
  cleanWorkbook,
  date,
  seedWorkbook,
  table,
  workbook,
  PHASE_HEADERS,
  OBJECTIVE_HEADERS,
  INDICATOR_HEADERS,
} from "../../support/snapshot-builder";

const AS_OF = { asOf: "2018-06-30" };
const validate = (host: ReturnType<typeof fakeHost>) => validateWorkbook(host, SEED_AS_OF, "it");

describe("Validate objective through Office.js (strict fake)", () => {
  it("writes the §6 status columns of the seed card", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    const outcome = await validate(host);
    expect(outcome.result.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["phase.end.missing", "Fasi", "E2"],
    ]);
    const s = host.state;
    expect(["G1", "H1", "I1", "J1"].map((a) => valueAt(s, "Fasi", a))).toEqual([
      "Avanzamento atteso",
      "Stato fase",
      "Esito",
      "Segnalazioni",
    ]);
    expect(["G2", "H2", "I2"].map((a) => valueAt(s, "Fasi", a))).toEqual([
      null,
      "DATE MANCANTI",
      "ERRORE",
    ]);
    expect(["G3", "H3", "I3"].map((a) => valueAt(s, "Fasi", a))).toEqual([1, "IN CORSO", "OK"]);
    expect(cell(s, "Fasi", "G3")?.numberFormat).toBe("0%");
    expect(["D2", "E2", "F2", "G2", "H2"].map((a) => valueAt(s, "Obiettivi", a))).toEqual([
      100,
      null,
      "DATE MANCANTI",
      "ERRORE",
      "Fasi: 1 errore",
    ]);
    expect(["E2", "E3"].map((a) => valueAt(s, "Indicatori", a))).toEqual(["OK", "OK"]);
    expect(
      s.sheets.get("Fasi")!.conditionalFormats.map((cf) => [cf.address, cf.text, cf.fill])
    ).toEqual([
      ["I2:I3", "ERRORE", "#F4B6B6"],
      ["I2:I3", "AVVISO", "#FFE29A"],
      ["I2:I3", "OK", "#C6EFCE"],
    ]);
  });

  it("reads in two syncs, confirms the rows in one and writes in one for a small workbook; a second run writes nothing", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    await validate(host);
    expect(host.lastRun.syncs).toBe(4);
    const before = allCells(host.state);
    const again = await validate(host);
    expect(again.write).toEqual({ syncs: 0, cellsWritten: 0, skipped: [], filtersLost: [] });
    expect(host.lastRun.syncs).toBe(2);
    expect(allCells(host.state)).toEqual(before);
    expect(host.state.sheets.get("Fasi")!.conditionalFormats).toHaveLength(3);
  });

  it("refreshes the stored settings while the tables are read, not in a round trip before them", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-03-31" });
    const refresh = host.settings.refreshAsync;
    // The refresh answers later, as Excel on the web's does; meanwhile the read has begun.
    let syncsBeforeRefresh = -1;
    host.settings.refreshAsync = (callback) =>
      void setTimeout(() => {
        syncsBeforeRefresh = host.runs.length === 0 ? 0 : host.lastRun.syncs;
        refresh(callback);
      }, 0);
    const outcome = await validate(host);
    expect(syncsBeforeRefresh).toBeGreaterThan(0);
    // The stored reference date, not today's, once the refresh answered.
    expect(outcome.result.settings.asOf).toEqual(day("2018-03-31"));
  });

  it("never changes a user's cell", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    const before = allCells(host.state);
    await validate(host);
    const after = allCells(host.state);
    for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);
  });

  it("passes the run options: wait for cell edits, one undo step where ExcelApi 1.20 is there", async () => {
    const old = fakeHost(seedWorkbook(), AS_OF);
    await validate(old);
    expect(old.runs[0].options).toEqual({ delayForCellEdit: true });
    const recent = fakeHost(seedWorkbook(), AS_OF, { excelApi: "1.20" });
    await validate(recent);
    expect(recent.runs[0].options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  it("writes the right rows of a filtered table and puts the filter back (office-js #224)", async () => {
    const snapshot = cleanWorkbook({
      phases: [
        ["2018_AA01", "Prima", 30, date("2018-01-10"), date("2018-02-28"), "ROSSI"],
        ["2018_AA01", "Seconda", 30, date("2018-03-01"), date("2018-09-30"), "BIANCHI"],
        ["2018_AA01", "Terza", 40, date("2018-10-01"), date("2018-12-15"), "ROSSI"],
      ],
    });
    const filtered = fakeHost(snapshot, AS_OF);
    filtered.state.tables[1].filters.set(5, {
      criteria: { filterOn: "Values", values: ["ROSSI"] },
    });
    await validate(filtered);
    const plain = fakeHost(snapshot, AS_OF);
    await validate(plain);
    expect(allCells(filtered.state)).toEqual(allCells(plain.state));
    expect(["H2", "H3", "H4"].map((a) => valueAt(filtered.state, "Fasi", a))).toEqual([
      "SCADUTA",
      "IN CORSO",
      "NON AVVIATA",
    ]);
    expect([...filtered.state.tables[1].filters]).toEqual([
      [5, { criteria: { filterOn: "Values", values: ["ROSSI"] }, unreadable: false }],
    ]);
  });

  it("handles tables away from A1, a totals row, a header-only table and the 1904 date system", async () => {
    const snapshot = workbook(
      [
        table("Obiettivi", OBJECTIVE_HEADERS, [["2018_AA01", "Titolo", null]], {
          sheet: "Piano",
          headerRow: 4,
          firstColumn: 2,
        }),
        table(
          "Fasi",
          PHASE_HEADERS,
          [["2018_AA01", "Fase", 100, date("2018-03-01", 1904), date("2018-06-30", 1904), "ROSSI"]],
          {
            sheet: "Fasi",
            headerRow: 3,
            firstColumn: 1,
            hasTotalsRow: true,
          }
        ),
        table("Indicatori", INDICATOR_HEADERS, [], { sheet: "Indicatori" }),
      ],
      {},
      1904
    );
    const host = fakeHost(snapshot, AS_OF);
    const outcome = await validate(host);
    expect(outcome.result.findings.map((f) => f.rule)).toEqual([
      "objective.indicators.none",
      "table.empty",
    ]);
    const s = host.state;
    expect(valueAt(s, "Fasi", "H3")).toBe("Avanzamento atteso");
    expect(["H4", "I4", "J4"].map((a) => valueAt(s, "Fasi", a))).toEqual([1, "IN CORSO", "OK"]);
    expect(valueAt(s, "Fasi", "B5")).toBe("Totale");
    expect(valueAt(s, "Fasi", "H5")).toBeNull();
    expect(valueAt(s, "Piano", "F4")).toBe("Somma pesi");
    expect(valueAt(s, "Piano", "F5")).toBe(100);
    expect(["E1", "F1"].map((a) => valueAt(s, "Indicatori", a))).toEqual(["Esito", "Segnalazioni"]);
    expect(valueAt(s, "Fasi", "E4")).toBe(serialFromDay(day("2018-03-01"), 1904));
  });

  it("writes nothing to a protected sheet and says which", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    host.state.sheets.get("Fasi")!.protected = true;
    const before = allCells(host.state);
    await expect(validate(host)).rejects.toEqual(new ProtectedSheetError("Fasi"));
    expect(allCells(host.state)).toEqual(before);
  });

  it("leaves a table that cannot grow to the right as it was, and never shifts cells", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    host.state.sheets
      .get("Indicatori")!
      .cells.set("2:5", { value: "nota a lato", numberFormat: "General" });
    const outcome = await validate(host);
    expect(outcome.write.skipped).toEqual([
      { table: "Indicatori", sheet: "Indicatori", reason: "occupied", range: "F2" },
    ]);
    expect(host.state.tables[2].columns).toEqual(INDICATOR_HEADERS);
    expect(valueAt(host.state, "Indicatori", "F2")).toBe("nota a lato");
  });

  it("keeps text as text: a written text that starts with = never becomes a formula", async () => {
    const host = fakeHost(seedWorkbook(), AS_OF);
    await host.run({}, async (context) => {
      const read = await readWorkbook(context, {});
      const plan: WritePlan = {
        language: "it",
        tables: [
          {
            kind: "indicators",
            table: "Indicatori",
            sheet: "Indicatori",
            headerRow: 1,
            firstColumn: 0,
            columnCount: 4,
            rowCount: 2,
            columns: [
              {
                key: "messages",
                kind: "text",
                header: "Segnalazioni",
                existingIndex: null,
                rename: false,
                numberFormat: null,
                writeRows: Uint32Array.of(0),
                writeValues: ["=1+1"],
                formatRows: new Uint32Array(0),
              },
            ],
          },
        ],
      };
      await writeWorkbook(context, read, plan, catalogue("it"));
    });
    expect(cell(host.state, "Indicatori", "E2")).toEqual({ value: "=1+1", numberFormat: "@" });
  });

  it("reads and writes 100,000 phase rows in requests under 5 MB, one sync per block", async () => {
    const host = fakeHost(
      generatePlan({ objectives: 20_000, phasesPerObjective: 5, indicatorsPerObjective: 3 }),
      { asOf: "2024-06-30" }
    );
    const outcome = await validateWorkbook(host, day("2024-06-30"), "it");
    const stats = host.lastRun;
    expect(Math.max(...stats.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...stats.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const sum = (bytes: number[]) =>
      bytes.slice(stats.syncs - outcome.write.syncs).reduce((a, b) => a + b, 0);
    // Each write request is bounded by what it sends and by the key cells it confirms; the
    // confirmation before the writes reads the keys once more.
    const written = sum(stats.requestBytes) + sum(stats.responseBytes);
    expect(outcome.write.syncs).toBeLessThanOrEqual(Math.ceil(written / (4 * 1024 * 1024)) + 2);
    // The three tables (180,000 rows) are read in 9 syncs: the list of tables, their shape with
    // the first rows, then 7 blocks of about 3.2 MB; values, and formats only of the columns
    // holding numbers, 20 MB in all (26 MB in 10 syncs with every column's formats, 36 MB in 13
    // when valueTypes came along too).
    const read = stats.syncs - outcome.write.syncs;
    expect(read).toBe(9);
    expect(stats.responseBytes.slice(0, read).reduce((a, b) => a + b, 0)).toBeLessThan(21e6);
    expect(outcome.result.phases).toHaveLength(100_000);
    expect(valueAt(host.state, "Fasi", "H100001")).toBe(
      outcome.result.phases[99_999].status === "in-progress"
        ? "IN CORSO"
        : valueAt(host.state, "Fasi", "H100001")
    );
  }, 120_000);
});
