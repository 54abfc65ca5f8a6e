import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { reportSchema } from "../../src/cli/report-schema";
import { XLSX_STEPS } from "../../src/cli/validate-file";
import { catalogue } from "../../src/i18n";
import { craftZip, entriesOf, withEntry } from "../support/crafted-zip";
import { seedWorkbook } from "../support/snapshot-builder";
import { runCli } from "../support/run-cli";
import { buildXlsx } from "../support/xlsx-builder";

const run = (args: string[], steps = XLSX_STEPS) => runCli(args, { steps });

const it_ = catalogue("it").cli;
const SEED = buildXlsx(seedWorkbook());
const SHEET = "xl/worksheets/sheet2.xml";
const TABLE = "xl/tables/table2.xml";

/** The seed with one part's text rewritten. */
function edited(path: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(SEED);
  files[path] = strToU8(edit(strFromU8(files[path])));
  return zipSync(files);
}

/** A workbook with a VBA project, as Excel saves an .xlsm. */
function macroWorkbook(vba: Uint8Array<ArrayBuffer>): Uint8Array {
  const files = unzipSync(SEED);
  files["xl/vbaProject.bin"] = vba;
  files["[Content_Types].xml"] = strToU8(
    strFromU8(files["[Content_Types].xml"])
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
      )
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
    )
  );
  return zipSync(files);
}

describe("a folder of damaged, crafted and macro-enabled workbooks", () => {
  const seedEntries = entriesOf(SEED);
  const vba = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
  const files: Record<string, Uint8Array | string> = {
    "01-seed.xlsx": SEED,
    "02-char-ref.xlsx": edited(SHEET, (xml) =>
      xml.replace("Accordo di collaborazione", "Accordo &#99999999; di collaborazione")
    ),
    "03-huge-ref.xlsx": edited(TABLE, (xml) => xml.replace(/ref="A1:F3"/g, 'ref="A1:XFD1048576"')),
    "03b-tall-ref.xlsx": edited(TABLE, (xml) => xml.replace(/A1:F3/g, "A1:F1048576")),
    "04-bomb.xlsx": craftZip(
      withEntry(seedEntries, SHEET, {
        compressed: new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024))),
        size: 1000,
      })
    ),
    "05-bad-target.xlsx": edited("xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/%zz.xml"')
    ),
    "06-comment-with-signature.xlsx": craftZip(seedEntries, {
      comment: strToU8("PK\x05\x06 in a comment"),
    }),
    "07-duplicate.xlsx": craftZip([...seedEntries, seedEntries.find((e) => e.name === SHEET)!]),
    "08-encrypted.xlsx": craftZip(withEntry(seedEntries, SHEET, { flags: 0x0801 })),
    "09-bad-crc-untouched.xlsx": craftZip([
      ...seedEntries,
      { name: "docProps/app.xml", data: strToU8("<Properties/>"), crc: 0x12345678 },
    ]),
    "10-comments-cdata.xlsx": edited(SHEET, (xml) =>
      xml.replace("<sheetData>", '<sheetData><!-- <row r="9"><c r="A9"><v>1</v></c></row> -->')
    ),
    "11-spaced-close.xlsx": edited(SHEET, (xml) => xml.replace(/<\/row>/g, "</row >")),
    "12-macros.xlsm": macroWorkbook(vba),
    "13-template.xltx": SEED,
    "14-not-a-workbook.xlsx": "just text",
  };
  const dir = mkdtempSync(join(tmpdir(), "objective-check-hostile-"));
  const source = join(dir, "in");
  const copies = join(dir, "out");
  mkdirSync(source);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(source, name), bytes);

  it("reports every file, each with its own reason, and goes on to the next", () => {
    const { code, out, err } = run([
      "validate",
      source,
      "--json",
      "--as-of",
      "2018-06-30",
      "--write-to",
      copies,
    ]);
    expect(code).toBe(2);
    const report = reportSchema.parse(JSON.parse(out));
    const outcome = Object.fromEntries(
      report.files.map((f) => [f.file.slice(source.length + 1), f.error ?? f.summary.errors])
    );
    const failure = it_.readFailure;
    expect(outcome).toEqual({
      "01-seed.xlsx": 1,
      "02-char-ref.xlsx": failure["bad-character"]("Fasi!B2: &#99999999;"),
      "03-huge-ref.xlsx": failure["table-columns"]("Fasi\tFasi\t16384\t6"),
      "03b-tall-ref.xlsx": 1,
      "04-bomb.xlsx": failure.corrupt(SHEET),
      "05-bad-target.xlsx": failure.corrupt("xl/_rels/workbook.xml.rels"),
      "06-comment-with-signature.xlsx": 1,
      "07-duplicate.xlsx": failure.corrupt(SHEET),
      "08-encrypted.xlsx": failure.encrypted(""),
      "09-bad-crc-untouched.xlsx": failure.corrupt("docProps/app.xml"),
      "10-comments-cdata.xlsx": 1,
      "11-spaced-close.xlsx": 1,
      "12-macros.xlsm": 1,
      "13-template.xltx": 1,
      "14-not-a-workbook.xlsx": failure["not-zip"](""),
    });
    // The damaged part was found only when the copy was made: the check's findings still stand.
    expect(
      report.files.find((f) => f.file.endsWith("09-bad-crc-untouched.xlsx"))!.summary.errors
    ).toBe(1);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("keeps the extension and the VBA project byte for byte in the copy of an .xlsm", () => {
    const copy = unzipSync(readFileSync(join(copies, "12-macros.xlsm")));
    expect(copy["xl/vbaProject.bin"]).toEqual(vba);
    expect(strFromU8(copy["[Content_Types].xml"])).toContain("macroEnabled");
    expect(strFromU8(copy[SHEET])).toContain("DATE MANCANTI");
    expect(readFileSync(join(copies, "13-template.xltx")).length).toBeGreaterThan(0);
  });
});

describe("an internal failure", () => {
  const dir = mkdtempSync(join(tmpdir(), "objective-check-internal-"));
  for (const name of ["a.xlsx", "b.xlsx", "c.xlsx"])
    writeFileSync(join(dir, name), buildXlsx(seedWorkbook()));
  const bug = new TypeError("Cannot read properties of undefined (reading 'row')");

  it.each([
    [
      "read",
      {
        ...XLSX_STEPS,
        read: () => {
          throw bug;
        },
      },
    ],
    [
      "check",
      {
        ...XLSX_STEPS,
        check: () => {
          throw bug;
        },
      },
    ],
  ] as const)(
    "while %s is said plainly for the file, without a stack, and the run goes on",
    (stage, steps) => {
      const { code, out, err } = run(["validate", dir, "--as-of", "2018-06-30"], steps);
      expect(code).toBe(2);
      const sentence = `${it_.internalError(stage)} (${it_.debugHint})`;
      for (const name of ["a.xlsx", "b.xlsx", "c.xlsx"])
        expect(out).toContain(`${join(dir, name)}: ${sentence}`);
      expect(out).toContain("3 file");
      expect(`${out}${err}`).not.toContain("TypeError");
    }
  );

  it("while writing the copy keeps the file's findings and names the step", () => {
    const steps = {
      ...XLSX_STEPS,
      write: () => {
        throw bug;
      },
    };
    const args = ["validate", join(dir, "a.xlsx"), "--json", "--write-to", join(dir, "out")];
    const { code, out } = run(args, steps);
    expect(code).toBe(2);
    const [file] = reportSchema.parse(JSON.parse(out)).files;
    expect(file.error).toBe(`${it_.internalError("write")} (${it_.debugHint})`);
    expect(file.summary.errors).toBe(1);
  });

  it("shows its stack on standard error with --debug", () => {
    const steps = {
      ...XLSX_STEPS,
      read: () => {
        throw bug;
      },
    };
    const { code, out, err } = run(["validate", join(dir, "a.xlsx"), "--debug"], steps);
    expect(code).toBe(2);
    expect(out).toContain(it_.internalError("read"));
    expect(out).not.toContain("--debug");
    expect(err).toContain(`${join(dir, "a.xlsx")}: TypeError: Cannot read properties`);
    expect(err).toMatch(/\n\s+at /);
  });
});
