import { dayFromYmd, serialFromDay } from "../../engine/days";
import type { CellValue } from "../../engine/snapshot";
import {
  closingTag,
  decodeEntities,
  decodeOoxmlEscapes,
  findElement,
  isSpace,
  parseAttributes,
  stringItemText,
  tagEnd,
  XmlError,
} from "./xml";

/** Where a worksheet's `<sheetData>` is, and the namespace prefix its elements use (`x:` in some producers). */
export interface SheetData {
  readonly prefix: string;
  readonly start: number;
  /** Index after `<sheetData>` (or of `<sheetData/>` itself when empty). */
  readonly innerStart: number;
  /** Index of `</sheetData>`. */
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

export interface RowSpan {
  readonly row: number;
  readonly start: number;
  readonly openEnd: number;
  readonly innerEnd: number;
  readonly end: number;
  readonly attrs: Readonly<Record<string, string>>;
}

/** A cell's place in the text and the three attributes the adapter uses. */
export interface CellTag {
  readonly col: number;
  readonly row: number;
  readonly start: number;
  readonly openEnd: number;
  readonly innerEnd: number;
  readonly end: number;
  /** `t`, "n" when absent. */
  readonly type: string;
  /** `s`, 0 when absent. */
  readonly style: number;
}

export interface CellSpan extends CellTag {
  readonly attrs: Readonly<Record<string, string>>;
}

/** Excel's last column, XFD. */
export const MAX_COLUMN = 16_383;

export function locateSheetData(xml: string): SheetData {
  const element = findElement(xml, "sheetData");
  if (element === null) throw new XmlError("worksheet has no <sheetData>");
  const selfClosing = element.openEnd === element.end;
  return {
    prefix: element.prefix,
    start: element.start,
    innerStart: element.openEnd,
    innerEnd: selfClosing ? element.start : element.innerEnd,
    selfClosing,
  };
}

/**
 * Index of the next `<qname` between `from` and `to` whose name ends there (a
 * space, `>` or `/`): `<c` also starts `<color>` and `<charset>` inside rich-text runs.
 */
function nextOpenTag(xml: string, open: string, from: number, to: number): number {
  for (let start = xml.indexOf(open, from); start >= 0 && start < to;) {
    const next = xml.charCodeAt(start + open.length);
    if (next === 62 || next === 47 || isSpace(next)) return start;
    start = xml.indexOf(open, start + open.length);
  }
  return -1;
}

/** Index of the element's closing tag, given its opening tag ends at `openEnd`; `openEnd` itself when self-closing. */
function innerEndOf(xml: string, qname: string, start: number, openEnd: number, to: number) {
  if (xml.charCodeAt(openEnd - 2) === 47) return openEnd;
  const innerEnd = closingTag(xml, qname, openEnd, to);
  if (innerEnd < 0) throw new XmlError(`<${qname}> at ${start} is not closed`);
  return innerEnd;
}

/** Each `<row>` in order; rows without `r` follow the previous one, as the format says. */
export function scanRows(xml: string, data: SheetData, visit: (row: RowSpan) => void): void {
  if (data.selfClosing) return;
  const qname = `${data.prefix}row`;
  const open = `<${qname}`;
  let previous = 0;
  for (let start = nextOpenTag(xml, open, data.innerStart, data.innerEnd); start >= 0;) {
    const openEnd = tagEnd(xml, start + open.length);
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
    const attrs = parseAttributes(xml.slice(start + open.length, openEnd - (selfClosing ? 2 : 1)));
    const innerEnd = innerEndOf(xml, qname, start, openEnd, data.innerEnd);
    const end = selfClosing ? openEnd : tagEnd(xml, innerEnd);
    const row = attrs.r === undefined ? previous + 1 : Number(attrs.r);
    if (!Number.isInteger(row) || row < 1 || row > 1_048_576)
      throw new XmlError(`row number "${attrs.r}" is not valid`);
    visit({ row, start, openEnd, innerEnd, end, attrs });
    previous = row;
    start = nextOpenTag(xml, open, end, data.innerEnd);
  }
}

/** The reused cell of `forEachCell`: the reader sees a million of them and keeps none. */
interface CellCursor {
  col: number;
  row: number;
  start: number;
  openEnd: number;
  innerEnd: number;
  end: number;
  type: string;
  style: number;
}

/**
 * The `<c>` cells of a row, in order, each handed over in the same object
 * (copy what you keep); cells without `r` follow the previous one. Only `r`,
 * `t` and `s` are read, without an object of attributes per cell.
 */
export function forEachCell(
  xml: string,
  row: RowSpan,
  prefix: string,
  visit: (cell: CellTag) => void
): void {
  const qname = `${prefix}c`;
  const open = `<${qname}`;
  const cell: CellCursor = {
    col: -1,
    row: row.row,
    start: 0,
    openEnd: 0,
    innerEnd: 0,
    end: 0,
    type: "n",
    style: 0,
  };
  for (let start = nextOpenTag(xml, open, row.openEnd, row.innerEnd); start >= 0;) {
    const openEnd = tagEnd(xml, start + open.length);
    const previous = cell.col;
    cell.col = -1;
    cell.type = "n";
    cell.style = 0;
    readCellAttributes(xml, start + open.length, openEnd, cell);
    if (cell.col < 0) cell.col = previous + 1;
    if (cell.col > MAX_COLUMN) throw new XmlError(`cell in row ${row.row} is beyond column XFD`);
    cell.start = start;
    cell.openEnd = openEnd;
    cell.innerEnd = innerEndOf(xml, qname, start, openEnd, row.innerEnd);
    cell.end = xml.charCodeAt(openEnd - 2) === 47 ? openEnd : tagEnd(xml, cell.innerEnd);
    visit(cell);
    start = nextOpenTag(xml, open, cell.end, row.innerEnd);
  }
}

/** The cells of a row as objects of their own (with all their attributes): for the few rows the writer rebuilds and for tests. */
export function scanCells(xml: string, row: RowSpan, prefix: string): CellSpan[] {
  const cells: CellSpan[] = [];
  const skip = prefix.length + 2;
  forEachCell(xml, row, prefix, (cell) => {
    const close = cell.openEnd - (cell.end === cell.openEnd ? 2 : 1);
    cells.push({ ...cell, attrs: parseAttributes(xml.slice(cell.start + skip, close)) });
  });
  return cells;
}

/** `r`, `t` and `s` of a `<c …>` tag, straight from the text. */
function readCellAttributes(xml: string, from: number, openEnd: number, cell: CellCursor): void {
  let i = from;
  const stop = openEnd - 1;
  while (i < stop) {
    while (i < stop && xml.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < stop && xml.charCodeAt(i) !== 61 && xml.charCodeAt(i) > 32) i++; // "="
    const nameLength = i - nameStart;
    while (i < stop && xml.charCodeAt(i) <= 32) i++;
    if (xml.charCodeAt(i) !== 61) return;
    i++;
    while (i < stop && xml.charCodeAt(i) <= 32) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd > stop) return;
    if (nameLength === 1) {
      const raw = xml.slice(i + 1, valueEnd);
      const value = raw.includes("&") ? decodeEntities(raw) : raw;
      const name = xml.charCodeAt(nameStart);
      if (name === 114)
        cell.col = columnOfRef(value); // r
      else if (name === 116)
        cell.type = value; // t
      else if (name === 115) cell.style = styleIndex(value); // s
    }
    i = valueEnd + 1;
  }
}

function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === 0 || i > 3) throw new XmlError(`cell reference "${ref}" is not valid`);
  return col - 1;
}

function styleIndex(text: string): number {
  const style = Number(text);
  if (!Number.isInteger(style) || style < 0) throw new XmlError(`style "${text}" is not valid`);
  return style;
}

/**
 * The value of a cell as Office.js would give it: numbers (dates included, as
 * serials), text, booleans, or an error value.
 */
export function readCellValue(
  xml: string,
  cell: CellTag,
  prefix: string,
  sharedStrings: readonly string[],
  dateSystem: 1900 | 1904
): CellValue {
  const type = cell.type;
  if (type === "inlineStr") {
    const is = findElement(xml, "is", cell.openEnd, cell.innerEnd);
    return is === null ? null : stringItemText(xml, is.openEnd, is.innerEnd);
  }
  const v = findValue(xml, cell, prefix);
  if (v === null) return null;
  switch (type) {
    case "s": {
      const text = sharedStrings[Number(v)];
      if (text === undefined) throw new XmlError(`shared string ${v} does not exist`);
      return text;
    }
    case "str":
      return decodeOoxmlEscapes(decodeEntities(v));
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: decodeEntities(v).trim() };
    case "d":
      return serialFromIsoDateTime(decodeEntities(v).trim(), dateSystem);
    default: {
      const number = Number(v.includes("&") ? decodeEntities(v) : v);
      if (v.trim() === "" || !Number.isFinite(number))
        throw new XmlError(`cell value "${v}" is not a number`);
      return number;
    }
  }
}

function findValue(xml: string, cell: CellTag, prefix: string): string | null {
  if (cell.openEnd === cell.end) return null;
  const qname = `${prefix}v`;
  const at = nextOpenTag(xml, `<${qname}`, cell.openEnd, cell.innerEnd);
  if (at < 0) return null;
  const openEnd = tagEnd(xml, at + qname.length + 1);
  if (xml.charCodeAt(openEnd - 2) === 47) return null; // <v/>
  const close = closingTag(xml, qname, openEnd, cell.innerEnd);
  if (close < 0) throw new XmlError(`<${qname}> is not closed`);
  return xml.slice(openEnd, close);
}

/** Strict-OOXML `t="d"` cells hold ISO 8601 text; hosts see them as serial numbers. */
function serialFromIsoDateTime(text: string, dateSystem: 1900 | 1904): CellValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  const day = match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (match === null || day === null) return text;
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return serialFromDay(day, dateSystem) + seconds / 86_400;
}
