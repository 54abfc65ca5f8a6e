import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import { applyWritePlan } from "../../../src/adapters/xlsx/write-workbook";
import { WorkbookReadError } from "../../../src/adapters/xlsx/xlsx-package";
import { inflateWithFflate, inflateWithZlib } from "../../../src/adapters/xlsx/zip-archive";
import { planWrites, runEngine } from "../../../src/engine";
import { messageTexts } from "../../../src/i18n";
import { craftZip, entriesOf, type CraftedEntry } from "../../support/crafted-zip";
import { SEED_AS_OF } from "../../support/engine";

const FIXTURES = [
  "openpyxl/seed-2018_ZN12.xlsx",
  "openpyxl/plan-2021-with-parts.xlsx",
  "exceljs/seed-2018_ZN12.xlsx",
  "exceljs/edge-cases-1904.xlsx",
].map((path) => new Uint8Array(readFileSync(join(__dirname, "../../fixtures", path))));
const ENTRIES = FIXTURES.map(entriesOf);

/** Reading alone: a result, or a WorkbookReadError. Anything else escapes and fails the property. */
function readOnly(bytes: Uint8Array): void {
  try {
    readXlsx(bytes, "piano.xlsx");
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
  }
}

/** The contract: a result, or a WorkbookReadError; the copy too. Anything else escapes and fails the property. */
function readCheckAndCopy(bytes: Uint8Array): void {
  let read;
  try {
    read = readXlsx(bytes, "piano.xlsx");
  } catch (error) {
    if (error instanceof WorkbookReadError) return;
    throw error;
  }
  const result = runEngine(read.snapshot, { asOf: SEED_AS_OF }, SEED_AS_OF);
  try {
    applyWritePlan(read.workbook, planWrites(result, messageTexts));
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
  }
}

/** Allocation during one read of a ~10 KB file, well above what the limits allow it (about 1 MB per part). */
const MEMORY_CAP = 64 * 1024 * 1024;

function withinMemory(run: () => void): void {
  const before = process.memoryUsage();
  run();
  const after = process.memoryUsage();
  // Garbage is counted until a collection, so this over-estimates; it never misses a large allocation kept to the end.
  expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(MEMORY_CAP);
  expect(after.heapUsed - before.heapUsed).toBeLessThan(MEMORY_CAP);
}

const fixtureIndex = fc.nat({ max: FIXTURES.length - 1 });

type ByteDamage = { cut: number } | { writes: { at: number; value: number; nearEnd: boolean }[] };

/** Byte-level damage: a cut, or bytes overwritten anywhere or in the last 2 KB, where the directory is. */
const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ cut: fc.nat() }),
  fc.record({
    writes: fc.array(
      fc.record({ at: fc.nat(), value: fc.nat({ max: 255 }), nearEnd: fc.boolean() }),
      { minLength: 1, maxLength: 6 }
    ),
  })
);

function damage(bytes: Uint8Array, how: ByteDamage): Uint8Array {
  if ("cut" in how) return bytes.slice(0, how.cut % (bytes.length + 1));
  const out = bytes.slice();
  for (const { at, value, nearEnd } of how.writes) {
    out[nearEnd ? out.length - 1 - (at % Math.min(out.length, 2048)) : at % out.length] = value;
  }
  return out;
}

/** Entry-level changes, each written out as a zip that is sound but for them. */
const entryChange = fc.oneof(
  fc.record({ swap: fc.tuple(fc.nat(), fc.nat()) }),
  fc.record({ duplicate: fc.nat(), upperCase: fc.boolean() }),
  fc.record({ drop: fc.nat() }),
  fc.record({ resize: fc.nat(), size: fc.oneof(fc.nat({ max: 70_000 }), fc.constant(0xffffffff)) }),
  fc.record({ recrc: fc.nat(), crc: fc.nat() }),
  fc.record({ zip64: fc.nat() }),
  fc.record({ cover: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ edit: fc.nat(), at: fc.nat(), text: fc.string({ maxLength: 8 }) })
);

type EntryChange = {
  swap?: [number, number];
  duplicate?: number;
  upperCase?: boolean;
  drop?: number;
  resize?: number;
  size?: number;
  recrc?: number;
  crc?: number;
  zip64?: number;
  cover?: number;
  count?: number;
  edit?: number;
  at?: number;
  text?: string;
};

function changeEntries(source: readonly CraftedEntry[], changes: EntryChange[]): Uint8Array {
  const entries = [...source];
  const pick = (n: number) => n % entries.length;
  let zip64 = false;
  for (const c of changes) {
    if (entries.length === 0) break;
    if (c.swap) {
      const [a, b] = c.swap.map(pick);
      [entries[a], entries[b]] = [entries[b], entries[a]];
    } else if (c.duplicate !== undefined) {
      const e = entries[pick(c.duplicate)];
      entries.push(c.upperCase ? { ...e, name: e.name.toUpperCase() } : e);
    } else if (c.drop !== undefined) entries.splice(pick(c.drop), 1);
    else if (c.resize !== undefined)
      entries[pick(c.resize)] = { ...entries[pick(c.resize)], size: c.size };
    else if (c.recrc !== undefined)
      entries[pick(c.recrc)] = { ...entries[pick(c.recrc)], crc: c.crc };
    else if (c.zip64 !== undefined) {
      entries[pick(c.zip64)] = { ...entries[pick(c.zip64)], zip64: true };
      zip64 = true;
    } else if (c.cover !== undefined)
      entries[pick(c.cover)] = { ...entries[pick(c.cover)], coverNext: c.count };
    else if (c.edit !== undefined) {
      // XML-level damage with a right checksum: what the zip layer lets through to the parsers.
      const e = entries[pick(c.edit)];
      const at = e.data.length === 0 ? 0 : c.at! % e.data.length;
      const text = new TextEncoder().encode(c.text);
      const data = new Uint8Array([...e.data.subarray(0, at), ...text, ...e.data.subarray(at + 1)]);
      entries[pick(c.edit)] = {
        ...e,
        data,
        size: undefined,
        crc: undefined,
        compressed: undefined,
      };
    }
  }
  return craftZip(entries, zip64 ? { zip64: {} } : {});
}

describe("hostile bytes", () => {
  it("damaged bytes give a result or a WorkbookReadError, for reading and for the copy, within bounded memory", () => {
    fc.assert(
      fc.property(fixtureIndex, byteDamage, (index, how) => {
        withinMemory(() => readCheckAndCopy(damage(FIXTURES[index], how)));
      }),
      { numRuns: 600 }
    );
  });

  const entryChanges = fc.tuple(
    fixtureIndex,
    fc.array(entryChange, { minLength: 1, maxLength: 4 })
  );

  it("reordered, duplicated, resized, re-checksummed, overlapping or edited entries read as a result or a WorkbookReadError", () => {
    fc.assert(
      fc.property(entryChanges, ([index, changes]) => {
        withinMemory(() => readOnly(changeEntries(ENTRIES[index], changes as EntryChange[])));
      }),
      { numRuns: 400 }
    );
  });

  /**
   * The whole contract, copy included. The examples are the writer's first
   * counterexamples: XML it reads further than the reader did (a missing
   * styles part, a "<" in a sheet or a table part) threw TypeError or XmlError.
   */
  it("the same entries give a copy or a WorkbookReadError when the copy is written", () => {
    fc.assert(
      fc.property(entryChanges, ([index, changes]) => {
        readCheckAndCopy(changeEntries(ENTRIES[index], changes as EntryChange[]));
      }),
      {
        numRuns: 400,
        examples: [
          // xl/styles.xml missing though the workbook's relationships name it: TypeError in StyleEditor.
          [[1, [{ drop: 1_189_512_835 }]]],
          // A "<" in sheet1.xml: XmlError "unterminated tag" from the sheet editor.
          [[0, [{ edit: 3, at: 371, text: "<" }]]],
          // A "<" in table1.xml: TypeError (reading 'openEnd') in editTableXml.
          [[0, [{ edit: 4, at: 182, text: "<" }]]],
        ],
      }
    );
  });

  it("the browser's inflate never returns more than its limit, and agrees with zlib when both succeed", () => {
    const sheet = new Uint8Array(
      deflateRawSync(ENTRIES[0].find((e) => e.name === "xl/worksheets/sheet1.xml")!.data)
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), value: fc.nat({ max: 255 }) }), { maxLength: 3 }),
        fc.nat({ max: 4000 }),
        (writes, limit) => {
          const stream = sheet.slice();
          for (const { at, value } of writes) stream[at % stream.length] = value;
          const attempt = (inflate: typeof inflateWithZlib) => {
            try {
              return inflate(stream, limit + 1);
            } catch {
              return null;
            }
          };
          const fromFflate = attempt(inflateWithFflate);
          const fromZlib = attempt(inflateWithZlib);
          if (fromFflate !== null) expect(fromFflate.length).toBeLessThanOrEqual(limit + 1);
          if (fromFflate !== null && fromZlib !== null) expect(fromFflate).toEqual(fromZlib);
        }
      ),
      { numRuns: 500 }
    );
  });
});
