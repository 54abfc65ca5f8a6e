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
    const innerEnd = closingTag(xml, qname, openEnd, xml.length);
    if (innerEnd < 0) throw new XmlError(`<${qname}> is not closed`);
    return { start: lt, openEnd, innerEnd, end: tagEnd(xml, innerEnd), prefix, attrs };
  }
  return null;
}

/**
 * Why a part is not XML this adapter can read: `corrupt` (not well-formed),
 * `bad-character` (a character or entity reference XML does not define),
 * `dtd` (a document type declaration, which no OOXML part needs and which is
 * where entity bombs live).
 */
export type XmlFault = "corrupt" | "bad-character" | "dtd";

export class XmlError extends Error {
  constructor(
    message: string,
    readonly fault: XmlFault = "corrupt"
  ) {
    super(message);
  }
}

/**
 * Index of the closing tag `</qname>` after `from`, or -1. XML allows
 * whitespace before its `>` (`</row >`); a longer name (`</rows>`) is another element.
 */
export function closingTag(xml: string, qname: string, from: number, to: number): number {
  const open = `</${qname}`;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + 1)) {
    let i = at + open.length;
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) === 62) return at;
  }
  return -1;
}

export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

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

const NAMED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * Replaces XML's references with their characters. The five predefined
 * entities are the only named ones without a DTD (`&nbsp;` is HTML, not XML),
 * and a character reference must name a character XML allows (XML 1.0 §2.2,
 * §4.1): anything else makes the part not well-formed.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    const name = semi < 0 || semi - amp > 32 ? "" : text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const hex = name.charCodeAt(1) === 120; // "x"
      const digits = name.slice(hex ? 2 : 1);
      if ((hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
        const code = parseInt(digits, hex ? 16 : 10);
        if (isXmlChar(code)) ch = String.fromCodePoint(code);
      }
    } else ch = Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : undefined;
    if (ch === undefined)
      throw new XmlError(
        text.slice(amp, semi < 0 ? amp + 1 : Math.min(semi + 1, amp + 34)),
        "bad-character"
      );
    out += text.slice(last, amp) + ch;
    last = semi + 1;
    amp = text.indexOf("&", last);
  }
  return out + text.slice(last);
}

/** XML 1.0's `Char` production: tab, line feed, carriage return and the code points from space up, less surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * The part's text with only elements and character data left, so that tags
 * can be found with indexOf: comments and processing instructions go (a `<c>`
 * inside `<!-- -->` is no cell), CDATA sections become escaped text
 * (`<![CDATA[a<b]]>` is `a&lt;b`), the XML declaration stays. A document type
 * declaration is refused: no OOXML part has one (ECMA-376 Part 2, §8.1.4
 * forbids DTDs in package parts), and entity expansion bombs need one. What
 * Excel writes has none of these, and comes back as the same string.
 */
export function plainMarkup(text: string): string {
  let at = nextSpecial(text, 0);
  if (at < 0) return text;
  const out: string[] = [];
  let last = 0;
  while (at >= 0) {
    out.push(text.slice(last, at));
    if (text.startsWith("<!--", at)) last = after(text, "-->", at + 4, "comment");
    else if (text.startsWith("<![CDATA[", at)) {
      last = after(text, "]]>", at + 9, "CDATA section");
      out.push(escapeXml(text.slice(at + 9, last - 3)));
    } else if (text.charCodeAt(at + 1) === 63) {
      last = after(text, "?>", at + 2, "processing instruction");
      if (at === 0 && /^<\?xml\s/.test(text)) out.push(text.slice(0, last));
    } else if (text.startsWith("<!DOCTYPE", at) || text.startsWith("<!ENTITY", at))
      throw new XmlError("", "dtd");
    else throw new XmlError(`"${text.slice(at, at + 10)}" is not XML markup`);
    at = nextSpecial(text, last);
  }
  out.push(text.slice(last));
  return out.join("");
}

function nextSpecial(text: string, from: number): number {
  const bang = nextMarkup(text, 33, from); // "<!"
  const question = nextMarkup(text, 63, from); // "<?"
  return bang < 0 ? question : question < 0 ? bang : Math.min(bang, question);
}

/**
 * Index of the next `<` followed by `mark`. Looks for the mark, which is rare
 * in XML, rather than for `<`, which starts every tag: on a large sheet this
 * is the difference between a skim and a crawl.
 */
function nextMarkup(text: string, mark: number, from: number): number {
  const char = String.fromCharCode(mark);
  for (let at = text.indexOf(char, from + 1); at >= 0; at = text.indexOf(char, at + 1))
    if (text.charCodeAt(at - 1) === 60) return at - 1;
  return -1;
}

function after(text: string, terminator: string, from: number, what: string): number {
  const end = text.indexOf(terminator, from);
  if (end < 0) throw new XmlError(`${what} not closed`);
  return end + terminator.length;
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
