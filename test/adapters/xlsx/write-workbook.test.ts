import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { PartDeflater } from "../../../src/adapters/xlsx/part-deflater";
import { readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import { inflateEntry } from "../../../src/adapters/xlsx/zip-archive";
import { applyWritePlan, type WriteOutcome } from "../../../src/adapters/xlsx/write-workbook";
import { planWrites, runEngine } from "../../../src/engine";
import type { Day } from "../../../src/engine/days";
import { day, SEED_AS_OF } from "../../support/engine";
import { workbookSnapshot } from "../../support/arbitraries";
import { buildXlsx } from "../../support/xlsx-builder";
import { cleanWorkbook, seedWorkbook } from "../../support/snapshot-builder";
import { expectConsistentWorkbook, parts, rawCells } from "../../support/workbook-checks";
import { messageTexts } from "../../../src/i18n";

const fixture = (path: string) =>
  new Uint8Array(readFileSync(join(__dirname, "../../fixtures", path)));

function validateAndWrite(bytes: Uint8Array, asOf: Day = SEED_AS_OF, lang?: "en"): WriteOutcome {
  const { workbook, snapshot } = readXlsx(bytes, "in.xlsx");
  return applyWritePlan(
    workbook,
    planWrites(runEngine(snapshot, { asOf, defaultStatusLanguage: lang }, asOf), messageTexts)
  );
}

function statusHeaders(bytes: Uint8Array): Record<string, string[]> {
  const { snapshot } = readXlsx(bytes, "out.xlsx");
  return Object.fromEntries(snapshot.tables.map((t) => [t.name, t.headers]));
}

describe("writing the status columns into a copy", () => {
  it("adds the §5 columns to the seed card with values and number formats", () => {
    const out = validateAndWrite(fixture("openpyxl/seed-2018_ZN12.xlsx")).bytes!;
    expectConsistentWorkbook(out);
    const { snapshot } = readXlsx(out, "out.xlsx");
    const fasi = snapshot.tables.find((t) => t.name === "Fasi")!;
    expect(fasi.headers.slice(8)).toEqual([
      "Avanzamento atteso",
      "Stato fase",
      "Esito",
      "Segnalazioni",
    ]);
    expect(fasi.rows.map((r) => r.slice(8, 11))).toEqual([
      [null, "DATE MANCANTI", "ERRORE"],
      [1, "IN CORSO", "OK"],
    ]);
    expect(fasi.numberFormats![1][8]).toBe("0%");
    const obiettivi = snapshot.tables.find((t) => t.name === "Obiettivi")!;
    expect(obiettivi.rows[0].slice(12)).toEqual([
      100,
      null,
      "DATE MANCANTI",
      "ERRORE",
      "Fasi: 1 errore",
    ]);
    expect(obiettivi.numberFormats![0][12]).toBe("0.00");
  });

  it("changes no user cell and no other part", () => {
    const input = fixture("openpyxl/plan-2021-with-parts.xlsx");
    const out = validateAndWrite(input, day("2021-06-30")).bytes!;
    expectConsistentWorkbook(out);
    const before = parts(input);
    const after = parts(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const edited = new Set([
      "xl/styles.xml",
      ...Object.keys(before).filter((p) =>
        /^xl\/(worksheets\/sheet\d|tables\/table\d)\.xml$/.test(p)
      ),
    ]);
    for (const path of Object.keys(before))
      if (!edited.has(path)) expect([path, after[path]]).toEqual([path, before[path]]);
    for (const sheet of ["sheet1", "sheet2", "sheet3"]) {
      const path = `xl/worksheets/${sheet}.xml`;
      const afterCells = rawCells(after[path]);
      for (const [ref, xml] of rawCells(before[path]))
        expect([ref, afterCells.get(ref)]).toEqual([ref, xml]);
      // Everything around the cells — data validation, conditional formats, drawing, table parts — is untouched.
      const outside = (xml: string) =>
        xml.replace(/<sheetData>.*<\/sheetData>/s, "").replace(/<dimension ref="[^"]*"\/>/, "");
      expect(outside(after[path])).toBe(outside(before[path]));
    }
    expect(after["xl/workbook.xml"]).toContain('<definedName name="AnnoPiano">');
  });

  it("writes nothing more the second time: the copy of a copy is the same file", () => {
    const first = validateAndWrite(
      fixture("openpyxl/plan-2021-with-parts.xlsx"),
      day("2021-06-30")
    ).bytes!;
    expect(validateAndWrite(first, day("2021-06-30"))).toEqual({ bytes: null, skipped: [] });
  });

  it("keeps text as text: a user's '=1+1' stays a string, and written text is never a formula", () => {
    const out = validateAndWrite(fixture("exceljs/edge-cases-1904.xlsx"), day("2019-06-30")).bytes!;
    expectConsistentWorkbook(out);
    const objectives = readXlsx(out, "out.xlsx").snapshot.tables.find(
      (t) => t.name === "Objectives"
    )!;
    expect(objectives.rows[0][2]).toBe("=1+1");
    expect(Object.values(parts(out)).join("")).not.toMatch(/<f>[^<]*Segnal|<f>[^<]*ERRORE/);
  });

  it("computes 1904 dates right and extends a table with a totals row, filter included", () => {
    const out = validateAndWrite(
      fixture("exceljs/edge-cases-1904.xlsx"),
      day("2019-06-30"),
      "en"
    ).bytes!;
    const phases = readXlsx(out, "out.xlsx").snapshot.tables.find((t) => t.name === "Phases")!;
    expect(phases.hasTotalsRow).toBe(true);
    expect(phases.headers.slice(6)).toEqual([
      "Expected progress",
      "Phase status",
      "Check",
      "Messages",
    ]);
    // Scansione: 25% done where 34% (90 of 263 days) was expected by 30/06/2019.
    expect(phases.rows.map((r) => r[7])).toEqual(["COMPLETED", "LATE", "PAST DUE"]);
  });

  it("leaves a table that cannot grow to the right as it was, and says which cells are in the way", () => {
    const input = fixture("exceljs/edge-cases-1904.xlsx");
    const outcome = validateAndWrite(input, day("2019-06-30"));
    expect(outcome.skipped).toEqual([
      { table: "Indicators", sheet: "Indicators", reason: "occupied", range: "D1:E3" },
    ]);
    expect(statusHeaders(outcome.bytes!).Indicators).toEqual([
      "Objective code",
      "Indicator",
      "Target",
    ]);
    const before = parts(input);
    const after = parts(outcome.bytes!);
    const indicatorsTable = Object.keys(before).find(
      (p) => p.startsWith("xl/tables/") && before[p].includes('name="Indicators"')
    )!;
    expect(after[indicatorsTable]).toBe(before[indicatorsTable]);
  });

  it("does not grow into another table or merged cells", () => {
    const snapshot = cleanWorkbook();
    snapshot.tables[2].sheet = "Fasi";
    snapshot.tables[2].firstColumn = 8;
    const beside = validateAndWrite(buildXlsx(snapshot));
    expect(beside.skipped.map((s) => [s.table, s.reason])).toEqual([["Fasi", "overlaps-table"]]);
    const merged = validateAndWrite(
      buildXlsx(cleanWorkbook(), {
        afterSheetData: '<mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells>',
      })
    );
    expect(merged.skipped.map((s) => [s.table, s.reason, s.range])).toEqual([
      ["Obiettivi", "merged-cells", "D1:H2"],
    ]);
  });

  it("renames the columns when the workbook's status language changes, keeping their place", () => {
    const english = validateAndWrite(
      fixture("openpyxl/seed-2018_ZN12.xlsx"),
      SEED_AS_OF,
      "en"
    ).bytes!;
    expect(statusHeaders(english).Fasi.slice(8)).toEqual([
      "Expected progress",
      "Phase status",
      "Check",
      "Messages",
    ]);
    const italian = validateAndWrite(english).bytes!;
    expectConsistentWorkbook(italian);
    expect(statusHeaders(italian).Fasi.slice(8)).toEqual([
      "Avanzamento atteso",
      "Stato fase",
      "Esito",
      "Segnalazioni",
    ]);
  });

  it("writes files ExcelJS can open again", async () => {
    const out = validateAndWrite(fixture("exceljs/seed-2018_ZN12.xlsx")).bytes!;
    const workbook = new ExcelJS.Workbook();
    // ExcelJS 4.4 types its input as the Buffer of older @types/node.
    await workbook.xlsx.load(
      Buffer.from(out) as unknown as Parameters<typeof workbook.xlsx.load>[0]
    );
    expect(workbook.getWorksheet("Fasi")!.getCell("K2").value).toBe("ERRORE");
  });

  it("round-trips any workbook: consistent, user cells unchanged, nothing more to write", () => {
    fc.assert(
      fc.property(workbookSnapshot, fc.boolean(), (snapshot, sharedStrings) => {
        const input = buildXlsx(snapshot, { sharedStrings, prefix: sharedStrings ? "x:" : "" });
        let read;
        try {
          read = readXlsx(input, "in.xlsx");
        } catch {
          return; // no tables at all: nothing to write
        }
        const result = runEngine(read.snapshot, { asOf: SEED_AS_OF }, SEED_AS_OF);
        const outcome = applyWritePlan(read.workbook, planWrites(result, messageTexts));
        if (outcome.bytes === null) return;
        expectConsistentWorkbook(outcome.bytes);
        const again = readXlsx(outcome.bytes, "out.xlsx");
        for (const before of read.snapshot.tables) {
          const after = again.snapshot.tables.find((t) => t.name === before.name)!;
          expect(
            after.rows.map((r) =>
              r.slice(0, before.headers.length).filter((_, i) => !isStatus(result, before.name, i))
            )
          ).toEqual(before.rows.map((r) => r.filter((_, i) => !isStatus(result, before.name, i))));
        }
        const second = applyWritePlan(
          again.workbook,
          planWrites(runEngine(again.snapshot, { asOf: SEED_AS_OF }, SEED_AS_OF), messageTexts)
        );
        expect(second.bytes).toBeNull();
      }),
      { numRuns: 60 }
    );
  });

  it("compresses a part written in pieces into one deflate stream with the whole text's size and checksum", () => {
    const deflater = new PartDeflater("xl/worksheets/sheet1.xml");
    // A surrogate pair straddles the first megabyte boundary, and one piece spans several megabytes.
    const pieces = ["<a>", `${"x".repeat((1 << 20) - 1)}\u{1F600}${"é".repeat(3 << 20)}`, "</a>"];
    for (const piece of pieces) deflater.write(piece);
    const { chunks, ...entry } = deflater.finish();
    const text = pieces.join("");
    expect(entry.size).toBe(Buffer.byteLength(text));
    const compressed = Buffer.concat(chunks);
    expect(new TextDecoder().decode(inflateEntry({ ...entry, compressed }))).toBe(text);
  });

  it("sets the seed's values the same way the engine's own snapshot test expects", () => {
    const out = validateAndWrite(buildXlsx(seedWorkbook())).bytes!;
    const indicatori = readXlsx(out, "out.xlsx").snapshot.tables.find(
      (t) => t.name === "Indicatori"
    )!;
    expect(indicatori.rows.map((r) => r.slice(4))).toEqual([
      ["OK", null],
      ["OK", null],
    ]);
  });
});

function isStatus(result: ReturnType<typeof runEngine>, table: string, index: number): boolean {
  for (const mapped of Object.values(result.mapping)) {
    if (mapped?.table.name === table && [...mapped.statusColumns.values()].includes(index))
      return true;
  }
  return false;
}
