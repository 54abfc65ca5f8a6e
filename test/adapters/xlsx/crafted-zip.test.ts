import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import { applyWritePlan } from "../../../src/adapters/xlsx/write-workbook";
import { WorkbookReadError, XlsxPackage } from "../../../src/adapters/xlsx/xlsx-package";
import {
  inflateWithFflate,
  inflateWithZlib,
  readZip,
} from "../../../src/adapters/xlsx/zip-archive";
import { ZIP_LIMITS } from "../../../src/i18n/read-limits";
import { planWrites, runEngine } from "../../../src/engine";
import { catalogue, messageTexts } from "../../../src/i18n";
import { craftZip, entriesOf, withEntry, type CraftedEntry } from "../../support/crafted-zip";
import { SEED_AS_OF } from "../../support/engine";

const fixture = (path: string) =>
  new Uint8Array(readFileSync(join(__dirname, "../../fixtures", path)));
const SEED = fixture("openpyxl/seed-2018_ZN12.xlsx");
const seed = entriesOf(SEED);
const text = (s: string) => new TextEncoder().encode(s);
const SHEET = "xl/worksheets/sheet1.xml";
const MB = 1024 * 1024;

/** What reading gives: "read", or the reason with its detail and the Italian sentence a user sees. */
function outcome(bytes: Uint8Array) {
  try {
    readXlsx(bytes, "piano.xlsx");
    return "read";
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return {
      reason: error.reason,
      detail: error.detail,
      it: catalogue("it").cli.readFailure[error.reason](error.detail),
    };
  }
}

const REPAIR = "aprilo in Excel, lascia che lo ripari e salvalo di nuovo";
const damaged = (part: string) => ({
  reason: "corrupt",
  detail: part,
  it: `è danneggiato${part === "" ? "" : ` (${part})`}: ${REPAIR}`,
});

/** The seed's snapshot, to show that a crafted but sound copy reads the same. */
const seedSnapshot = readXlsx(SEED, "seed.xlsx").snapshot;

describe("crafted and damaged zip containers", () => {
  it("reads the seed rewritten by the crafted-zip writer, so every case below differs by one knob", () => {
    expect(readXlsx(craftZip(seed), "x.xlsx").snapshot).toEqual(seedSnapshot);
  });

  it("finds the real end record when the comment contains its signature", () => {
    const comment = text("nota: PK\x05\x06 non è la fine, e il resto del commento continua");
    expect(readXlsx(craftZip(seed, { comment }), "x.xlsx").snapshot).toEqual(seedSnapshot);
  });

  it("reads ZIP64 end records and extra fields", () => {
    const bytes = craftZip(
      seed.map((e) => ({ ...e, zip64: true })),
      { zip64: {} }
    );
    expect(readXlsx(bytes, "x.xlsx").snapshot).toEqual(seedSnapshot);
  });

  it("caps inflation at the declared size: a bomb declaring 1 KB stops there, on Node and in the browser", () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 * MB)));
    const bytes = craftZip(withEntry(seed, SHEET, { compressed: bomb, size: 1000 }));
    const before = process.memoryUsage().arrayBuffers;
    expect(outcome(bytes)).toEqual(damaged(SHEET));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MB);
    expect(() => inflateWithZlib(bomb, 1001)).toThrow(/larger than 1001 bytes/);
    expect(() => inflateWithFflate(bomb, 1001)).toThrow("more than 1001 bytes");
    const small = text("<worksheet/>");
    expect(inflateWithFflate(new Uint8Array(deflateRawSync(small)), 100)).toEqual(small);
  });

  it("calls an entry that inflates to less than it declares damaged", () => {
    const sheet = seed.find((e) => e.name === SHEET)!;
    expect(outcome(craftZip(withEntry(seed, SHEET, { size: sheet.data.length + 1 })))).toEqual(
      damaged(SHEET)
    );
  });

  it("gives a reason, not a URIError, for a relationship target with a broken %-escape", () => {
    const rels = "xl/_rels/workbook.xml.rels";
    const xml = new TextDecoder().decode(seed.find((e) => e.name === rels)!.data);
    const broken = xml.replace(
      'Target="/xl/worksheets/sheet1.xml"',
      'Target="/xl/worksheets/%zz.xml"'
    );
    expect(broken).not.toBe(xml);
    expect(outcome(craftZip(withEntry(seed, rels, { data: text(broken) })))).toEqual(damaged(rels));
  });

  it("refuses two entries with the same name, also when they differ only in ASCII case", () => {
    const workbook = seed.find((e) => e.name === "xl/workbook.xml")!;
    expect(outcome(craftZip([...seed, workbook]))).toEqual(damaged("xl/workbook.xml"));
    expect(outcome(craftZip([...seed, { ...workbook, name: "XL/Workbook.xml" }]))).toEqual(
      damaged("XL/Workbook.xml")
    );
  });

  it("says an encrypted entry is password-protected, not damaged", () => {
    expect(outcome(craftZip(withEntry(seed, SHEET, { flags: 0x0801 })))).toEqual({
      reason: "encrypted",
      detail: SHEET,
      it: "è protetto da password: togli la password (File > Informazioni > Proteggi cartella di lavoro) e salvalo di nuovo",
    });
  });

  it("refuses split (multi-disk) archives", () => {
    const split = {
      reason: "multi-disk",
      detail: "",
      it: "è un archivio zip diviso in più file: riunisci le parti in un solo file, oppure aprilo in Excel e salvalo di nuovo come .xlsx",
    };
    expect(outcome(craftZip(seed, { disk: 1 }))).toEqual(split);
    expect(outcome(craftZip(seed, { zip64: { totalDisks: 2 } }))).toEqual(split);
    // Some writers put 0 disks in the ZIP64 locator of a single file.
    expect(outcome(craftZip(seed, { zip64: { totalDisks: 0 } }))).toBe("read");
    expect(outcome(craftZip(seed, { zip64: { disk: 1 } }))).toEqual(split);
    expect(outcome(craftZip(withEntry(seed, SHEET, { disk: 1 })))).toEqual(split);
    expect(
      outcome(craftZip(withEntry(seed, SHEET, { disk: 1, zip64: true }), { zip64: {} }))
    ).toEqual(split);
  });

  it("checks the local header against the central one", () => {
    expect(
      outcome(craftZip(withEntry(seed, SHEET, { localName: "xl/worksheets/sheetX.xml" })))
    ).toEqual(damaged(SHEET));
  });

  it("refuses entries whose data overlap (a non-recursive zip bomb) or reach the central directory", () => {
    expect(outcome(craftZip(withEntry(seed, "xl/theme/theme1.xml", { coverNext: 2 })))).toEqual(
      damaged(SHEET)
    );
    const last = seed[seed.length - 1].name;
    expect(outcome(craftZip(withEntry(seed, last, { coverNext: 1 })))).toEqual(damaged(last));
  });

  describe("wrong checksums", () => {
    const app = "docProps/app.xml";
    const badApp = craftZip(withEntry(seed, app, { crc: 0x12345678 }));
    const copy = (bytes: Uint8Array) => {
      const { workbook, snapshot } = readXlsx(bytes, "piano.xlsx");
      return applyWritePlan(
        workbook,
        planWrites(runEngine(snapshot, { asOf: SEED_AS_OF }, SEED_AS_OF), messageTexts)
      );
    };

    it("refuses a part that is read", () => {
      expect(outcome(craftZip(withEntry(seed, SHEET, { crc: 0 })))).toEqual(damaged(SHEET));
    });

    it("reads a workbook whose unread part is damaged, but refuses to copy that part on", () => {
      expect(outcome(badApp)).toBe("read");
      let error: unknown;
      try {
        copy(badApp);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect(error).toMatchObject({ reason: "corrupt", detail: app });
    });

    it("copies every untouched part byte for byte once checked", () => {
      const before = readZip(SEED);
      const after = new Map(readZip(copy(SEED).bytes!).map((e) => [e.name, e]));
      const untouched = before.filter((e) => !/worksheets\/sheet|tables\/|styles/.test(e.name));
      expect(untouched.map((e) => e.name)).toContain(app);
      for (const entry of untouched)
        expect(after.get(entry.name)!.compressed).toEqual(entry.compressed);
    });
  });

  describe("limits, checked before anything is inflated", () => {
    /** Compressed bytes that are never inflated: the limits refuse the file from the sizes alone. */
    const opaque = (length: number) => new Uint8Array(length).fill(0xaa);

    it("on the number of entries", () => {
      const many: CraftedEntry[] = Array.from(
        { length: ZIP_LIMITS.maxEntries + 1 - seed.length },
        (_, i) => ({
          name: `x/${i}`,
          data: new Uint8Array(),
          method: 0,
        })
      );
      expect(outcome(craftZip([...seed, ...many]))).toEqual({
        reason: "too-many-parts",
        detail: "10001",
        it: "contiene 10001 parti, più delle 10000 ammesse: togli i fogli e gli oggetti che non servono, oppure dividi il piano in più cartelle di lavoro",
      });
      expect(outcome(craftZip([...seed, ...many.slice(1)]))).toBe("read");
    });

    it("on the size of one part", () => {
      const huge = withEntry(seed, SHEET, {
        compressed: opaque(MB),
        size: ZIP_LIMITS.maxEntryBytes + 1,
      });
      expect(outcome(craftZip(huge))).toEqual({
        reason: "part-too-large",
        detail: SHEET,
        it: `la parte ${SHEET} supera 256 MB una volta decompressa, il limite per una parte: togli le righe e le colonne vuote ma formattate, oppure dividi il piano in più cartelle di lavoro`,
      });
    });

    it("on the size of the whole package", () => {
      const big = (name: string): CraftedEntry => ({
        name,
        data: new Uint8Array(),
        compressed: opaque(MB),
        size: 200 * MB,
      });
      expect(outcome(craftZip([...seed, big("a.bin"), big("b.bin"), big("c.bin")]))).toEqual({
        reason: "too-large",
        detail: "",
        it: "supera 512 MB una volta decompresso, il limite per un file: togli fogli, immagini e righe che non servono, oppure dividi il piano in più cartelle di lavoro",
      });
    });

    it("on the compression ratio of parts beyond 1 MB, whatever they would inflate to", () => {
      const zeros = (size: number): CraftedEntry => ({
        name: "xl/media/zeros.bin",
        data: new Uint8Array(size),
      });
      expect(outcome(craftZip([...seed, zeros(4 * MB)]))).toEqual({
        reason: "over-compressed",
        detail: "xl/media/zeros.bin",
        it: "la parte xl/media/zeros.bin è compressa più di 500 volte, come nei file fatti per esaurire la memoria, e non viene aperta: se il file viene da una fonte fidata, aprilo in Excel e salvalo di nuovo",
      });
      expect(outcome(craftZip([...seed, zeros(ZIP_LIMITS.ratioFloorBytes)]))).toBe("read");
    });
  });

  it("has an English sentence for every reason the zip layer gives", () => {
    const en = catalogue("en").cli.readFailure;
    expect(en["too-large"]("")).toContain("512 MB");
    expect(en["part-too-large"](SHEET)).toContain(`part ${SHEET} exceeds 256 MB`);
    expect(en["over-compressed"](SHEET)).toContain("more than 500 times");
    expect(en["too-many-parts"]("10001")).toContain("10001 parts, more than the 10000 allowed");
    expect(en["multi-disk"]("")).toContain("split across several files");
    expect(en.corrupt("")).toBe(
      "is damaged: open it in Excel, let Excel repair it and save it again"
    );
  });

  it("opens a package only through XlsxPackage's reasons", () => {
    expect(() => XlsxPackage.open(SEED.subarray(0, SEED.length - 1), "x.xlsx")).toThrow(
      WorkbookReadError
    );
  });
});
