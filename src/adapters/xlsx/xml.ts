/**
 * Just enough XML for the parts of an .xlsx this adapter reads and edits in
 * place. Edits splice the original text, so everything the adapter does not
 * understand stays byte for byte as the producer wrote it.
 */

export interface Element {
  /** Index of `<`. */
  readonly start: number;
  /** Index just after the opening tag's `>`. */
  readonly openEnd: number;
  /** Index of the closing tag (equals `openEnd` when self-closing). */
  readonly innerEnd: number;
  /** Index just after the element. */
  readonly end: number;
  readonly prefix: string;
  readonly attrs: Readonly<Record<string, string>>;
}

const NAME_CHARS = /[\w.:-]/;

/** Every element named `localName` (any namespace prefix) between `from` and `to`, not nested in one another. */
export function findElements(xml: string, localName: string, from = 0, to = xml.length): Element[] {
  const found: Element[] = [];
  let pos = from;
  while (pos < to) {
    const element = findElement(xml, localName, pos, to);
    if (element === null) break;
    found.push(element);
    pos = element.end;
  }
  return found;
}

export function findElement(
  xml: string,
  localName: string,
  from = 0,
  to = xml.length
): Element | null {
  let pos = from;
  while (pos < to) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) return null;
    const nameEnd = scanName(xml, lt + 1);
    const qname = xml.slice(lt + 1, nameEnd);
    const colon = qname.indexOf(":");
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    if (local !== localName || qname.length === 0) {
      pos = lt + 1;
      continue;
    }
    const openEnd = tagEnd(xml, nameEnd);
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47; // "/"
    const attrs = parseAttributes(xml.slice(nameEnd, selfClosing ? openEnd - 2 : openEnd - 1));
    const prefix = colon < 0 ? "" : qname.slice(0, colon + 1);
    if (selfClosing) return { start: lt, openEnd, innerEnd: openEnd, end: openEnd, prefix, attrs };
    const close = `</${qname}>`;
    const innerEnd = xml.indexOf(close, openEnd);
    if (innerEnd < 0) throw new XmlError(`<${qname}> is not closed`);
    return { start: lt, openEnd, innerEnd, end: innerEnd + close.length, prefix, attrs };
  }
  return null;
}

export class XmlError extends Error {}

function scanName(xml: string, pos: number): number {
  let end = pos;
  while (end < xml.length && NAME_CHARS.test(xml[end])) end++;
  return end;
}

/** Index after the `>` that ends the tag starting before `pos`; `>` inside quoted attribute values does not count. */
export function tagEnd(xml: string, pos: number): number {
  let quote = 0;
  for (let i = pos; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i + 1;
  }
  throw new XmlError("unterminated tag");
}

/** `name="value"` pairs of a tag; hand-rolled because a large sheet has a million cells to read. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < n && text.charCodeAt(i) !== 61 && text.charCodeAt(i) > 32) i++; // "="
    const name = text.slice(nameStart, i);
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i >= n || text.charCodeAt(i) !== 61) break;
    i++;
    while (i < n && text.charCodeAt(i) <= 32) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const end = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    attrs[name] = decodeEntities(text.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** The attribute whose local name is `localName`, whatever its prefix (`r:id`, `x:id`…). */
export function attrByLocalName(
  attrs: Readonly<Record<string, string>>,
  localName: string
): string | undefined {
  for (const [name, value] of Object.entries(attrs)) {
    if (name === localName || name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity];
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1, §22.4.2.4 ST_Xstring). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

export function encodeOoxmlText(text: string): string {
  return escapeXml(
    text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_").replace(
      // Characters XML 1.0 cannot hold; matching them is the point of this pattern.
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    )
  );
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Sets (or adds) one attribute in the opening tag `xml.slice(start, openEnd)`, returning the new tag text. */
export function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeXml(value)}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeXml(value)}"${tag.slice(close)}`;
}

/** Text content of every `<t>` in a string item (`<si>` or `<is>`), leaving out phonetic runs (`<rPh>`). */
export function stringItemText(xml: string, from: number, to: number): string {
  let text = "";
  let pos = from;
  while (pos < to) {
    const t = findElement(xml, "t", pos, to);
    if (t === null) break;
    const phonetic = findElement(xml, "rPh", pos, t.start);
    if (phonetic !== null && phonetic.end > t.start) {
      pos = phonetic.end;
      continue;
    }
    text += xml.slice(t.openEnd, t.innerEnd);
    pos = t.end;
  }
  return decodeOoxmlEscapes(decodeEntities(text));
}
