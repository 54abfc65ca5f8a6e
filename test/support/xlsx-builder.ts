import { strToU8, zipSync } from "fflate";
import { cellAddress, columnLetters } from "../../src/engine/cell-address";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { encodeOoxmlText, escapeXml } from "../../src/adapters/xlsx/xml";

/**
 * A third producer of .xlsx files, written from the format's specification:
 * minimal parts, shared strings or inline strings, optional `x:` namespace
 * prefixes and cells without `r` references (both legal, both seen in the wild).
 */
export interface BuildOptions {
  readonly sharedStrings?: boolean;
  readonly prefix?: "" | "x:";
  readonly omitCellRefs?: boolean;
  /** Extra XML placed after <sheetData> in the first sheet (e.g. merged cells). */
  readonly afterSheetData?: string;
  /** More parts, by path, written as they are (e.g. an add-in's webextension part). */
  readonly extraParts?: Readonly<Record<string, string>>;
  /** Cells outside any table: sheet name → A1 address → value. */
  readonly extraCells?: Readonly<Record<string, Readonly<Record<string, CellValue>>>>;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export function buildXlsx(snapshot: WorkbookSnapshot, options: BuildOptions = {}): Uint8Array {
  const p = options.prefix ?? "";
  const ns = p === "" ? `xmlns="${MAIN_NS}"` : `xmlns:x="${MAIN_NS}"`;
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const formats = ["General"];
  const styleOf = (format: string) => {
    let index = formats.indexOf(format);
    if (index < 0) index = formats.push(format) - 1;
    return index;
  };

  const sheets = [...new Set(snapshot.tables.map((t) => t.sheet))];
  for (const name of Object.keys(options.extraCells ?? {}))
    if (!sheets.includes(name)) sheets.push(name);
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  let tableNumber = 0;

  sheets.forEach((sheetName, sheetIndex) => {
    const tables = snapshot.tables.filter((t) => t.sheet === sheetName);
    const cells = new Map<number, Map<number, { value: CellValue; format: string }>>();
    const put = (row: number, col: number, value: CellValue, format = "General") => {
      if (!cells.has(row)) cells.set(row, new Map());
      cells.get(row)!.set(col, { value, format });
    };
    for (const table of tables) {
      table.headers.forEach((h, c) => put(table.headerRow, table.firstColumn + c, h));
      table.rows.forEach((row, r) =>
        row.forEach((value, c) =>
          put(
            table.headerRow + 1 + r,
            table.firstColumn + c,
            value,
            table.numberFormats?.[r]?.[c] ?? "General"
          )
        )
      );
    }
    for (const [address, value] of Object.entries(options.extraCells?.[sheetName] ?? {})) {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      put(Number(match[2]), columnIndexOf(match[1]), value);
    }
    const rowsXml = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((row) => {
        const rowCells = [...cells.get(row)!.entries()].sort(([a], [b]) => a - b);
        let previous = -1;
        const cellsXml = rowCells
          .map(([col, { value, format }]) => {
            const s = styleOf(format);
            const style = s === 0 ? "" : ` s="${s}"`;
            if (value === null && style === "") return "";
            // Cells may leave out `r` only when they follow one another.
            const ref =
              options.omitCellRefs && col === previous + 1 ? "" : ` r="${cellAddress(col, row)}"`;
            previous = col;
            return cellXml(
              p,
              ref,
              style,
              value,
              options.sharedStrings === true,
              strings,
              stringIndex
            );
          })
          .join("");
        return `<${p}row r="${row}">${cellsXml}</${p}row>`;
      })
      .join("");
    const tableParts = tables.map((_, i) => `<${p}tablePart r:id="rId${i + 1}"/>`).join("");
    const after = sheetIndex === 0 ? (options.afterSheetData ?? "") : "";
    files[`xl/worksheets/sheet${sheetIndex + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL_NS}"><${p}sheetData>${rowsXml}</${p}sheetData>${after}${
        tables.length > 0
          ? `<${p}tableParts count="${tables.length}">${tableParts}</${p}tableParts>`
          : ""
      }</${p}worksheet>`
    );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${sheetIndex + 1}.xml" ContentType="${CT}.worksheet+xml"/>`
    );
    const rels = tables.map((table, i) => {
      tableNumber++;
      files[`xl/tables/table${tableNumber}.xml`] = strToU8(tableXml(table, tableNumber));
      overrides.push(
        `<Override PartName="/xl/tables/table${tableNumber}.xml" ContentType="${CT}.table+xml"/>`
      );
      return `<Relationship Id="rId${i + 1}" Type="${REL_NS}/table" Target="../tables/table${tableNumber}.xml"/>`;
    });
    if (rels.length > 0) {
      files[`xl/worksheets/_rels/sheet${sheetIndex + 1}.xml.rels`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`
      );
    }
  });

  const sheetEntries = sheets
    .map(
      (name, i) => `<${p}sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
    )
    .join("");
  const date1904 = snapshot.dateSystem === 1904 ? ` date1904="1"` : "";
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL_NS}"><${p}workbookPr${date1904}/><${p}sheets>${sheetEntries}</${p}sheets></${p}workbook>`
  );
  const workbookRels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  );
  workbookRels.push(`<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  if (options.sharedStrings) {
    workbookRels.push(
      `<Relationship Id="rIdStrings" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    );
    const items = strings
      .map((s) => `<${p}si><${p}t xml:space="preserve">${encodeOoxmlText(s)}</${p}t></${p}si>`)
      .join("");
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<${p}sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${items}</${p}sst>`
    );
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
    );
  }
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}">${workbookRels.join("")}</Relationships>`
  );
  files["xl/styles.xml"] = strToU8(stylesXml(p, ns, formats));
  overrides.push(`<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`);
  overrides.push(`<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`);
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  for (const [path, text] of Object.entries(options.extraParts ?? {})) files[path] = strToU8(text);
  return zipSync({ "[Content_Types].xml": strToU8(contentTypes), ...files });
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellXml(
  p: string,
  ref: string,
  style: string,
  value: CellValue,
  shared: boolean,
  strings: string[],
  index: Map<string, number>
): string {
  if (value === null) return style === "" ? "" : `<${p}c${ref}${style}/>`;
  if (typeof value === "number") return `<${p}c${ref}${style}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === "boolean")
    return `<${p}c${ref}${style} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === "object")
    return `<${p}c${ref}${style} t="e"><${p}v>${escapeXml(value.error)}</${p}v></${p}c>`;
  if (shared) {
    let i = index.get(value);
    if (i === undefined) {
      i = strings.push(value) - 1;
      index.set(value, i);
    }
    return `<${p}c${ref}${style} t="s"><${p}v>${i}</${p}v></${p}c>`;
  }
  return `<${p}c${ref}${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeOoxmlText(value)}</${p}t></${p}is></${p}c>`;
}

function tableXml(table: TableSnapshot, id: number): string {
  const lastColumn = table.firstColumn + table.headers.length - 1;
  const lastRow = table.headerRow + Math.max(1, table.rows.length);
  const ref = `${columnLetters(table.firstColumn)}${table.headerRow}:${columnLetters(lastColumn)}${lastRow}`;
  const columns = table.headers
    .map((h, i) => `<tableColumn id="${i + 1}" name="${encodeOoxmlText(h)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${table.headers.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
}

function stylesXml(p: string, ns: string, formats: readonly string[]): string {
  const custom = formats
    .slice(1)
    .map((code, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`);
  const xfs = formats.map(
    (_, i) =>
      `<${p}xf numFmtId="${i === 0 ? 0 : 164 + i - 1}" fontId="0" fillId="0" borderId="0" xfId="0"${i === 0 ? "" : ` applyNumberFormat="1"`}/>`
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}>${custom.length > 0 ? `<${p}numFmts count="${custom.length}">${custom.join("")}</${p}numFmts>` : ""}<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts><${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="${xfs.length}">${xfs.join("")}</${p}cellXfs></${p}styleSheet>`;
}

/** The part Office writes for an add-in's document settings (each value JSON-encoded). */
export function webExtensionPart(addinId: string, properties: Record<string, string>): string {
  const props = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A1D0E2C-0000-4000-8000-000000000001}"><we:reference id="${addinId}" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;
}
