import { findElement, findElements, setAttribute, XmlError } from "./xml";

/** Excel's built-in number formats (ECMA-376 Part 1, §18.8.30), as Office.js reports them in en-US. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Locale-dependent built-in ids: all of them are dates in the East Asian locales that define them. */
function builtinFormat(id: number): string {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy/m/d";
  return BUILTIN_FORMATS[id] ?? "General";
}

export interface Styles {
  /** Number format code of each cell style index (`s`). */
  readonly formats: readonly string[];
}

export function readStyles(xml: string | null): Styles {
  if (xml === null) return { formats: ["General"] };
  const custom = new Map<number, string>();
  const numFmts = findElement(xml, "numFmts");
  if (numFmts !== null) {
    for (const fmt of findElements(xml, "numFmt", numFmts.openEnd, numFmts.innerEnd)) {
      custom.set(Number(fmt.attrs.numFmtId), fmt.attrs.formatCode ?? "General");
    }
  }
  const cellXfs = findElement(xml, "cellXfs");
  const formats =
    cellXfs === null
      ? ["General"]
      : findElements(xml, "xf", cellXfs.openEnd, cellXfs.innerEnd).map((xf) => {
          const id = Number(xf.attrs.numFmtId ?? 0);
          return custom.get(id) ?? builtinFormat(id);
        });
  return { formats };
}

/**
 * Adds cell styles to styles.xml: each a copy of an existing style (font,
 * fill, borders kept) with another number format. Existing styles are never
 * changed, so no other cell's look moves.
 */
export class StyleEditor {
  private readonly added: string[] = [];
  private readonly cache = new Map<string, number>();
  private readonly xfs: { attrsText: string; inner: string }[];

  constructor(private readonly xml: string) {
    const cellXfs = findElement(xml, "cellXfs");
    if (cellXfs === null) throw new XmlError("no <cellXfs>");
    this.xfs = findElements(xml, "xf", cellXfs.openEnd, cellXfs.innerEnd).map((xf) => ({
      attrsText: xml.slice(xf.start, xf.openEnd),
      inner: xml.slice(xf.openEnd, xf.innerEnd),
    }));
  }

  /** Style index for a cell that had style `base` and now needs `format`. */
  styleWithFormat(base: number, format: string): number {
    const key = `${base}\u0000${format}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const source = this.xfs[base] ?? this.xfs[0];
    let tag = setAttribute(source.attrsText, "numFmtId", String(this.formatId(format)));
    tag = setAttribute(tag, "applyNumberFormat", "1");
    const selfClosing = tag.endsWith("/>");
    const xf = selfClosing ? tag : `${tag}${source.inner}</${tagName(tag)}>`;
    const index = this.xfs.length + this.added.length;
    this.added.push(xf);
    this.cache.set(key, index);
    return index;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    const cellXfs = findElement(xml, "cellXfs")!;
    const count = this.xfs.length + this.added.length;
    const openTag = setAttribute(xml.slice(cellXfs.start, cellXfs.openEnd), "count", String(count));
    xml =
      xml.slice(0, cellXfs.start) +
      openTag +
      xml.slice(cellXfs.openEnd, cellXfs.innerEnd) +
      this.added.join("") +
      xml.slice(cellXfs.innerEnd);
    return xml;
  }

  /** The status columns' formats (0%, 0.00) are built in, so styles.xml needs no <numFmt>. */
  private formatId(format: string): number {
    for (const [id, code] of Object.entries(BUILTIN_FORMATS))
      if (code === format) return Number(id);
    throw new Error(`number format "${format}" is not a built-in one`);
  }
}

function tagName(openTag: string): string {
  return /^<([\w.:-]+)/.exec(openTag)![1];
}
