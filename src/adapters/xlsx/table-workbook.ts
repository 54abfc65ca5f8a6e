import { columnLetters } from "../../engine/cell-address";
import type { NumberFormat, TableSheet, TableSink } from "../../report/table-sheet";
import { PartDeflater } from "./part-deflater";
import { encodeOoxmlText, escapeXml } from "./xml";
import { writeZip, type OutgoingEntry } from "./zip-archive";
import { deflateEntry } from "./zip-deflate";

/**
 * A new workbook of sheets that are each one Excel table from A1 (filter
 * buttons, frozen header row, column widths, number formats, coloured words:
 * src/report/table-sheet.ts), written as SpreadsheetML (ECMA-376 Part 1 §18)
 * straight into compressed parts. A sheet is never held as objects or as one string: a round's summary
 * is some 220,000 rows, and ExcelJS's in-memory model of them cost a gigabyte
 * and most of the report's time (its streaming writer has no tables).
 */

/** The summary's formats; Excel's built-in ids where there is one (§18.8.30). */
const FORMATS: Readonly<Record<NumberFormat, number>> = {
  "0": 1,
  "0.00": 2,
  "0%": 9,
  "dd/mm/yyyy": 164,
};
const FORMAT_NAMES = Object.keys(FORMATS) as NumberFormat[];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export class TableWorkbook implements TableSink {
  private readonly parts: OutgoingEntry[] = [];
  private readonly sheets: string[] = [];
  /** Shared strings: Excel's own way of storing text, and file paths repeat on every row. */
  private readonly strings = new Map<string, number>();
  private stringUses = 0;
  private readonly fills: string[] = [];

  /**
   * @param linkLimit the links a sheet may hold: Excel holds 65,530 a worksheet ("Excel
   * specifications and limits"), and on opening a sheet with more it repairs the file and drops
   * every link (EPPlus issue #199, NPOI issue #688). Cells past it keep their `Sheet!Cell` text.
   */
  constructor(
    private readonly creator: string,
    private readonly linkLimit = 65_530
  ) {}

  addSheet<Row>(spec: TableSheet<Row>): void {
    const n = this.sheets.length + 1;
    this.sheets.push(spec.sheet);
    const { columns } = spec;
    const names = uniqueNames(columns.map((c) => c.name));
    // Excel refuses a table of a header alone: an empty one keeps a blank row.
    const lastRow = Math.max(spec.rows.length, 1) + 1;
    const ref = `A1:${columnLetters(columns.length - 1)}${lastRow}`;
    const styles = columns.map((c) =>
      c.format === undefined ? "" : ` s="${FORMAT_NAMES.indexOf(c.format) + 1}"`
    );
    const letters = columns.map((_, i) => columnLetters(i));

    const xml = new PartDeflater(`xl/worksheets/sheet${n}.xml`);
    const rels = new PartDeflater(`xl/worksheets/_rels/sheet${n}.xml.rels`);
    rels.write(
      `${HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/table" Target="../tables/table${n}.xml"/>`
    );
    xml.write(
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><dimension ref="${ref}"/>` +
        `<sheetViews><sheetView${n === 1 ? ' tabSelected="1"' : ""} workbookViewId="0">` +
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${columns
          .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
          .join("")}</cols><sheetData>`
    );
    xml.write(
      `<row r="1">${names.map((name, i) => this.textCell(`${letters[i]}1`, "", name)).join("")}</row>`
    );
    // Links are numbered as they come; the sheet lists them after its data (§18.3.1.99 order).
    const links: string[] = [];
    spec.rows.forEach((row, index) => {
      const r = index + 2;
      let cells = "";
      columns.forEach((column, i) => {
        const value = column.value(row);
        const at = `${letters[i]}${r}`;
        if (value === null) return;
        if (typeof value === "number") {
          if (Number.isFinite(value)) cells += `<c r="${at}"${styles[i]}><v>${value}</v></c>`;
        } else if (typeof value === "string") cells += this.textCell(at, styles[i], value);
        else {
          cells += this.textCell(at, styles[i], value.text);
          if (links.length >= this.linkLimit) return;
          const id = `rId${links.length + 2}`;
          links.push(at);
          rels.write(
            `<Relationship Id="${id}" Type="${DOC_RELS}/hyperlink" Target="${escapeXml(value.target)}" TargetMode="External"/>`
          );
        }
      });
      xml.write(`<row r="${r}">${cells}</row>`);
    });
    xml.write("</sheetData>");
    let priority = 0;
    for (const { column, colours } of spec.colours ?? []) {
      const range = `${letters[column]}2:${letters[column]}${lastRow}`;
      const rules = colours.map(
        ([word, colour]) =>
          `<cfRule type="cellIs" dxfId="${this.fill(colour)}" priority="${++priority}" operator="equal"><formula>${escapeXml(`"${word.replace(/"/g, '""')}"`)}</formula></cfRule>`
      );
      xml.write(
        `<conditionalFormatting sqref="${range}">${rules.join("")}</conditionalFormatting>`
      );
    }
    if (links.length > 0) {
      const tip = spec.linkTip === undefined ? "" : ` tooltip="${escapeXml(spec.linkTip)}"`;
      xml.write("<hyperlinks>");
      links.forEach((at, i) => xml.write(`<hyperlink ref="${at}" r:id="rId${i + 2}"${tip}/>`));
      xml.write("</hyperlinks>");
    }
    xml.write(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
    );
    rels.write("</Relationships>");
    this.parts.push(xml.finish(), rels.finish());
    this.addPart(
      `xl/tables/table${n}.xml`,
      `<table xmlns="${MAIN}" id="${n}" name="${spec.table}" displayName="${spec.table}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${names
          .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`)
          .join("")}</tableColumns>` +
        '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
    );
  }

  /** The whole package: the sheets written so far, with the parts that tie them together. */
  finish(): Uint8Array {
    const count = this.sheets.length;
    const strings = new PartDeflater("xl/sharedStrings.xml");
    strings.write(
      `${HEAD}<sst xmlns="${MAIN}" count="${this.stringUses}" uniqueCount="${this.strings.size}">`
    );
    for (const text of this.strings.keys()) {
      // Spaces at either end are kept only when the text says so (xml:space, §18.4.8).
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      strings.write(`<si><t${space}>${encodeOoxmlText(text)}</t></si>`);
    }
    strings.write("</sst>");
    this.parts.push(strings.finish());
    this.addPart(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><bookViews><workbookView/></bookViews><sheets>${this.sheets
        .map(
          (name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
        )
        .join("")}</sheets></workbook>`
    );
    const sheetRels = this.sheets.map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    );
    this.addPart(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${PKG_RELS}">${sheetRels.join("")}` +
        `<Relationship Id="rId${count + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${count + 2}" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
    );
    this.addPart("xl/styles.xml", this.stylesXml());
    this.addPart(
      "docProps/core.xml",
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:creator>${escapeXml(this.creator)}</dc:creator></cp:coreProperties>`
    );
    this.addPart(
      "_rels/.rels",
      `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PKG_RELS}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
    );
    const overrides = [
      ["/xl/workbook.xml", `${TYPE}.sheet.main+xml`],
      ["/xl/styles.xml", `${TYPE}.styles+xml`],
      ["/xl/sharedStrings.xml", `${TYPE}.sharedStrings+xml`],
      ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
      ...this.sheets.flatMap((_, i) => [
        [`/xl/worksheets/sheet${i + 1}.xml`, `${TYPE}.worksheet+xml`],
        [`/xl/tables/table${i + 1}.xml`, `${TYPE}.table+xml`],
      ]),
    ];
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join("") +
      "</Types>";
    // The content types part first, as Excel and every other producer write it.
    return writeZip([deflateEntry("[Content_Types].xml", encode(HEAD + types)), ...this.parts]);
  }

  private textCell(at: string, style: string, text: string): string {
    let index = this.strings.get(text);
    if (index === undefined) {
      index = this.strings.size;
      this.strings.set(text, index);
    }
    this.stringUses++;
    return `<c r="${at}"${style} t="s"><v>${index}</v></c>`;
  }

  /** A conditional format's fill, as a differential format (dxf) shared by the rules that use it. */
  private fill(colour: string): number {
    const known = this.fills.indexOf(colour);
    if (known >= 0) return known;
    this.fills.push(colour);
    return this.fills.length - 1;
  }

  private stylesXml(): string {
    const custom = FORMAT_NAMES.filter((name) => FORMATS[name] >= 164);
    const xf = (numFmtId: number) =>
      `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${numFmtId === 0 ? "" : ' applyNumberFormat="1"'}/>`;
    return (
      `<styleSheet xmlns="${MAIN}"><numFmts count="${custom.length}">${custom
        .map((name) => `<numFmt numFmtId="${FORMATS[name]}" formatCode="${escapeXml(name)}"/>`)
        .join("")}</numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      `<cellStyleXfs count="1">${xf(0)}</cellStyleXfs>` +
      // Style 0 is General; style i + 1 is FORMAT_NAMES[i].
      `<cellXfs count="${FORMAT_NAMES.length + 1}">${xf(0)}${FORMAT_NAMES.map((name) => xf(FORMATS[name])).join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.fills.length}">${this.fills
        .map(
          (colour) =>
            `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${colour}"/></patternFill></fill></dxf>`
        )
        .join("")}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }

  private addPart(name: string, xml: string): void {
    this.parts.push(deflateEntry(name, encode(HEAD + xml)));
  }
}

/**
 * A table's headers must differ ignoring case, or Excel repairs the file on opening (XlsxWriter
 * issue #362, EPPlus pull request #470): a repeat is numbered, as Excel numbers one.
 */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

const encoder = new TextEncoder();
function encode(text: string): Uint8Array {
  return encoder.encode(text);
}
