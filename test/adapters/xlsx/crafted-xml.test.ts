import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MAX_TABLE_CELLS, readXlsx } from "../../../src/adapters/xlsx/read-workbook";
import { applyWritePlan } from "../../../src/adapters/xlsx/write-workbook";
import { WorkbookReadError } from "../../../src/adapters/xlsx/xlsx-package";
import { planWrites, runEngine } from "../../../src/engine";
import { catalogue, messageTexts } from "../../../src/i18n";
import { SEED_AS_OF } from "../../support/engine";
import { seedWorkbook } from "../../support/snapshot-builder";
import { buildXlsx, webExtensionPart } from "../../support/xlsx-builder";
import { ADDIN_ID } from "../../../src/adapters/xlsx/document-settings";

/**
 * Hostile and odd XML, each file built here from a generated workbook with
 * one part rewritten. The seed's phases are on sheet2 (`Fasi`), table2 at
 * A1:F3: a header row and two phases.
 */
const FASI_SHEET = "xl/worksheets/sheet2.xml";
const FASI_TABLE = "xl/tables/table2.xml";

function crafted(
  edits: Readonly<Record<string, (xml: string) => string>>,
  options: Parameters<typeof buildXlsx>[1] = {}
): Uint8Array {
  const files = unzipSync(buildXlsx(seedWorkbook(), options));
  for (const [path, edit] of Object.entries(edits)) {
    const before = strFromU8(files[path]);
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing`);
    files[path] = strToU8(after);
  }
  return zipSync(files);
}

/** The reason code and detail, or "read" when the file is read. */
function failure(bytes: Uint8Array): { reason: string; detail: string } | "read" {
  try {
    readXlsx(bytes, "crafted.xlsx");
    return "read";
  } catch (error) {
    if (error instanceof WorkbookReadError) return { reason: error.reason, detail: error.detail };
    throw error;
  }
}

/** The phases' description cell B2 holds `text` as written in the XML. */
const descriptionXml = (text: string) => (xml: string) =>
  xml.replace("Accordo di collaborazione ex art. 15 d.lgs 241/90", text);

const fasi = (bytes: Uint8Array) =>
  readXlsx(bytes, "crafted.xlsx").snapshot.tables.find((t) => t.name === "Fasi")!;

describe("crafted XML in a workbook", () => {
  it.each([
    ["&#99999999;", "Fasi!B2: &#99999999;"],
    ["&#0;", "Fasi!B2: &#0;"],
    ["&#xD800;", "Fasi!B2: &#xD800;"],
    ["&#x110000;", "Fasi!B2: &#x110000;"],
    ["&#xFFFE;", "Fasi!B2: &#xFFFE;"],
    ["&nbsp;", "Fasi!B2: &nbsp;"],
    ["a & b", "Fasi!B2: &"],
  ])("refuses the character reference %s, naming the cell", (reference, detail) => {
    expect(failure(crafted({ [FASI_SHEET]: descriptionXml(reference) }))).toEqual({
      reason: "bad-character",
      detail,
    });
  });

  it("reads the references XML defines, the largest code point included", () => {
    const bytes = crafted({ [FASI_SHEET]: descriptionXml("&#x10FFFF;&#65;&#x42;&lt;&amp;&apos;") });
    expect(fasi(bytes).rows[0][1]).toBe("\u{10FFFF}AB<&'");
  });

  it("names the shared string that holds a bad reference", () => {
    const bytes = crafted(
      { "xl/sharedStrings.xml": (xml) => xml.replace("2018_ZN12", "2018&#1;ZN12") },
      { sharedStrings: true }
    );
    expect(failure(bytes)).toEqual({
      reason: "bad-character",
      detail: expect.stringMatching(/^xl\/sharedStrings\.xml \(si \d+\): &#1;$/),
    });
  });

  it("refuses a document type declaration (entity expansion) in any part it reads", () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const withDoctype = (xml: string) => xml.replace("?>\n", `?>\n${laughs}`);
    expect(failure(crafted({ [FASI_SHEET]: withDoctype }))).toEqual({
      reason: "dtd",
      detail: FASI_SHEET,
    });
    expect(failure(crafted({ "xl/workbook.xml": withDoctype }))).toEqual({
      reason: "dtd",
      detail: "xl/workbook.xml",
    });
    expect(failure(crafted({ [FASI_TABLE]: withDoctype }))).toEqual({
      reason: "dtd",
      detail: FASI_TABLE,
    });
  });

  // 100,000 levels (far past any call stack) stay under the zip layer's 1 MB floor for its
  // compression-ratio limit, which a part of nothing but nesting would otherwise trip first.
  it("walks deep nesting without recursion: 100,000 levels in a cell and in a shared string", () => {
    const deep = (name: string) => `${`<${name}>`.repeat(100_000)}${`</${name}>`.repeat(100_000)}`;
    const inCell = crafted({
      [FASI_SHEET]: (xml) =>
        xml.replace('<c r="F2" t="inlineStr"><is>', `<c r="F2" t="inlineStr"><is>${deep("r")}`),
    });
    expect(fasi(inCell).rows[0][5]).toBe(fasi(buildXlsx(seedWorkbook())).rows[0][5]);
    const inString = crafted(
      { "xl/sharedStrings.xml": (xml) => xml.replace("<si>", `<si>${deep("r")}`) },
      { sharedStrings: true }
    );
    expect(failure(inString)).toBe("read");
  });

  it("refuses a document type declaration in the add-in's settings part too", () => {
    const bytes = crafted(
      {
        "xl/webextensions/webextension1.xml": (xml) =>
          xml.replace("?>\n", "?>\n<!DOCTYPE we:webextension>"),
      },
      { extraParts: { "xl/webextensions/webextension1.xml": webExtensionPart(ADDIN_ID, {}) } }
    );
    expect(failure(bytes)).toEqual({ reason: "dtd", detail: "xl/webextensions/webextension1.xml" });
  });

  it("reads comments as nothing, CDATA as text and processing instructions as nothing", () => {
    const plain = fasi(buildXlsx(seedWorkbook()));
    const bytes = crafted({
      [FASI_SHEET]: (xml) =>
        xml
          .replace(
            '<row r="2">',
            '<!-- <row r="2"><c r="A2"><v>1</v></c></row> --><?producer hint?><row r="2">'
          )
          .replace('<c r="B2"', '<!-- <c r="C2"><v>99</v></c> --><c r="B2"')
          .replace(
            "Accordo di collaborazione ex art. 15 d.lgs 241/90",
            "<![CDATA[a<b & c]]> d<!-- not text -->"
          ),
    });
    const read = fasi(bytes);
    expect(read.rows[0][1]).toBe("a<b & c d");
    expect(read.rows[0].slice(2)).toEqual(plain.rows[0].slice(2));
    expect(read.rows.slice(1)).toEqual(plain.rows.slice(1));
  });

  it("accepts whitespace before the > of tags, closing tags included", () => {
    const plain = fasi(buildXlsx(seedWorkbook()));
    const bytes = crafted({
      [FASI_SHEET]: (xml) =>
        xml
          .replace(/<\/row>/g, "</row >")
          .replace(/<\/c>/g, "</c\n>")
          .replace(/<c r="([A-Z]+\d+)"/g, '<c r="$1" ')
          .replace(/<\/t>/g, "</t\t>"),
    });
    expect(fasi(bytes)).toEqual(plain);
    const empty = crafted({
      [FASI_SHEET]: (xml) => xml.replace(/<c r="F2"[^]*?<\/c>/, '<c r="F2" ></c >'),
    });
    expect(fasi(empty).rows[0][5]).toBeNull();
  });

  it("says a table whose width and columns disagree is damaged, naming both", () => {
    const bytes = crafted({
      [FASI_TABLE]: (xml) => xml.replace(/ref="A1:F3"/g, 'ref="A1:XFD1048576"'),
    });
    expect(failure(bytes)).toEqual({ reason: "table-columns", detail: "Fasi\tFasi\t16384\t6" });
    expect(catalogue("en").cli.readFailure["table-columns"]("Fasi\tFasi\t16384\t6")).toBe(
      "table Fasi on sheet Fasi spans 16384 columns but names 6: open it in Excel, let Excel repair it and save it again"
    );
  });

  it("sizes a table from the rows the sheet holds, not from its ref", () => {
    const bytes = crafted({ [FASI_TABLE]: (xml) => xml.replace(/A1:F3/g, "A1:F1048576") });
    const read = readXlsx(bytes, "crafted.xlsx");
    const table = read.snapshot.tables.find((t) => t.name === "Fasi")!;
    expect(table.rows).toEqual(fasi(buildXlsx(seedWorkbook())).rows);
    // Rows past the sheet's last row are blank, not data: the result and the written statuses are those of the exact table.
    const result = runEngine(read.snapshot, { asOf: SEED_AS_OF }, SEED_AS_OF);
    const exact = runEngine(
      readXlsx(buildXlsx(seedWorkbook()), "x.xlsx").snapshot,
      { asOf: SEED_AS_OF },
      SEED_AS_OF
    );
    expect(result.phases.map((p) => p.status)).toEqual(exact.phases.map((p) => p.status));
    const out = applyWritePlan(read.workbook, planWrites(result, messageTexts)).bytes!;
    expect(fasi(out).rows).toHaveLength(2);
  });

  it("refuses a table too large to hold, with its size as the sheet has it", () => {
    const columns = Array.from(
      { length: 16_384 },
      (_, i) => `<tableColumn id="${i + 1}" name="c${i + 1}"/>`
    ).join("");
    // The table as wide as a sheet, every column named, as a crafted part can say.
    const widestTable = (xml: string) =>
      xml
        .replace(/A1:F3/g, "A1:XFD1048576")
        .replace(
          /<tableColumns count="6">.*<\/tableColumns>/,
          `<tableColumns count="16384">${columns}</tableColumns>`
        );
    const bytes = crafted({
      [FASI_TABLE]: widestTable,
      [FASI_SHEET]: (xml) => xml.replace("</sheetData>", '<row r="300"/></sheetData>'),
    });
    expect(failure(bytes)).toEqual({
      reason: "table-too-large",
      detail: `Fasi\tFasi\t299\t16384\t${MAX_TABLE_CELLS}`,
    });
    expect(
      catalogue("en").cli.readFailure["table-too-large"](`Fasi\tFasi\t299\t16384\t4000000`)
    ).toBe(
      "table Fasi on sheet Fasi is 299 rows × 16384 columns; the limit is 4,000,000 cells for the tables of a workbook: remove the empty rows and columns at the end of the table (Table Design > Resize Table)"
    );
    // The same table with the rows it really has is read.
    const small = crafted({
      [FASI_TABLE]: widestTable,
    });
    expect(fasi(small).rows.map((r) => r.length)).toEqual([16_384, 16_384]);
  });

  it("gives a reason, never a raw error, whatever the sheet's XML is cut or spliced into", () => {
    const source = strFromU8(unzipSync(buildXlsx(seedWorkbook()))[FASI_SHEET]);
    const splices = ["<", "</", "<c", '<c r="', "&", "&#", "<!--", "<![CDATA[", "<?", ">", '"'];
    for (let at = 60; at < source.length; at += 37) {
      for (const splice of splices) {
        const bytes = crafted({ [FASI_SHEET]: (xml) => xml.slice(0, at) + splice + xml.slice(at) });
        const outcome = failure(bytes);
        if (outcome !== "read") expect(typeof outcome.reason).toBe("string");
      }
      const cut = failure(crafted({ [FASI_SHEET]: (xml) => xml.slice(0, at) }));
      if (cut !== "read") expect(typeof cut.reason).toBe("string");
    }
  });
});
