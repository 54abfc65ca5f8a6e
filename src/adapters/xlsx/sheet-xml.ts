import { columnIndex } from "../../engine/cell-address";
import { dayFromYmd, serialFromDay } from "../../engine/days";
import type { CellValue } from "../../engine/snapshot";
import {
  decodeEntities,
  decodeOoxmlEscapes,
  findElement,
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

export interface CellSpan {
  readonly col: number;
  readonly row: number;
  readonly start: number;
  readonly openEnd: number;
  readonly innerEnd: number;
  readonly end: number;
  readonly attrs: Readonly<Record<string, string>>;
}

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

/** A row or a cell: one object each, its position filled in by the scanner (a sheet can hold a million cells). */
interface ElementSpan {
  readonly start: number;
  readonly openEnd: number;
  readonly innerEnd: number;
  readonly end: number;
  readonly attrs: Readonly<Record<string, string>>;
  row: number;
  col: number;
}

/**
 * The next `<name …>` element (given as its opening `<prefix:name`) between
 * `from` and `to`. A name is ended only by a space, `>` or `/`: `<c` also starts
 * `<color>` and `<charset>` inside rich-text runs.
 */
function nextElement(
  xml: string,
  open: string,
  close: string,
  from: number,
  to: number
): ElementSpan | null {
  let pos = from;
  while (pos < to) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= to) return null;
    const next = xml.charCodeAt(start + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = start + open.length;
      continue;
    }
    const openEnd = tagEnd(xml, start + open.length);
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
    const attrs = parseAttributes(xml.slice(start + open.length, openEnd - (selfClosing ? 2 : 1)));
    if (selfClosing)
      return { start, openEnd, innerEnd: openEnd, end: openEnd, attrs, row: 0, col: 0 };
    const innerEnd = xml.indexOf(close, openEnd);
    if (innerEnd < 0) throw new XmlError(`${open.slice(1)} at ${start} is not closed`);
    return { start, openEnd, innerEnd, end: innerEnd + close.length, attrs, row: 0, col: 0 };
  }
  return null;
}

/** Each `<row>` in order; rows without `r` follow the previous one, as the format says. */
export function scanRows(xml: string, data: SheetData, visit: (row: RowSpan) => void): void {
  if (data.selfClosing) return;
  const open = `<${data.prefix}row`;
  const close = `</${data.prefix}row>`;
  let previous = 0;
  for (let span = nextElement(xml, open, close, data.innerStart, data.innerEnd); span !== null;) {
    span.row = span.attrs.r === undefined ? previous + 1 : Number(span.attrs.r);
    visit(span);
    previous = span.row;
    span = nextElement(xml, open, close, span.end, data.innerEnd);
  }
}

/** The `<c>` cells of a row, in order; cells without `r` follow the previous one. */
export function scanCells(xml: string, row: RowSpan, prefix: string): CellSpan[] {
  const cells: CellSpan[] = [];
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let previous = -1;
  for (let span = nextElement(xml, open, close, row.openEnd, row.innerEnd); span !== null;) {
    span.col = span.attrs.r === undefined ? previous + 1 : columnOfRef(span.attrs.r);
    span.row = row.row;
    cells.push(span);
    previous = span.col;
    span = nextElement(xml, open, close, span.end, row.innerEnd);
  }
  return cells;
}

function columnOfRef(ref: string): number {
  const match = /^([A-Za-z]{1,3})/.exec(ref);
  const col = match ? columnIndex(match[1]) : null;
  if (col === null) throw new XmlError(`cell reference "${ref}" is not valid`);
  return col;
}

/**
 * The value of a cell as Office.js would give it: numbers (dates included, as
 * serials), text, booleans, or an error value.
 */
export function readCellValue(
  xml: string,
  cell: CellSpan,
  prefix: string,
  sharedStrings: readonly string[],
  dateSystem: 1900 | 1904
): CellValue {
  const type = cell.attrs.t ?? "n";
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
      return serialFromIsoDateTime(v.trim(), dateSystem);
    default: {
      const number = Number(v);
      if (v.trim() === "" || !Number.isFinite(number))
        throw new XmlError(`cell value "${v}" is not a number`);
      return number;
    }
  }
}

function findValue(xml: string, cell: CellSpan, prefix: string): string | null {
  if (cell.openEnd === cell.end) return null;
  const open = `<${prefix}v`;
  let at = xml.indexOf(open, cell.openEnd);
  while (at >= 0 && at < cell.innerEnd) {
    const next = xml.charCodeAt(at + open.length);
    if (next === 62 || next === 32) {
      const openEnd = tagEnd(xml, at + open.length);
      if (xml.charCodeAt(openEnd - 2) === 47) return null;
      const close = xml.indexOf(`</${prefix}v>`, openEnd);
      return xml.slice(openEnd, close);
    }
    if (next === 47) return null; // <v/>
    at = xml.indexOf(open, at + open.length);
  }
  return null;
}

/** Strict-OOXML `t="d"` cells hold ISO 8601 text; hosts see them as serial numbers. */
function serialFromIsoDateTime(text: string, dateSystem: 1900 | 1904): CellValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  const day = match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (match === null || day === null) return text;
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return serialFromDay(day, dateSystem) + seconds / 86_400;
}
