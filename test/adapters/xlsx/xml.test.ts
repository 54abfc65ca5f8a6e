import {
  closingTag,
  decodeEntities,
  findElement,
  plainMarkup,
  stringItemText,
  XmlError,
} from "../../../src/adapters/xlsx/xml";

const fault = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof XmlError ? [error.fault, error.message] : `raw ${String(error)}`;
  }
  return "none";
};

describe("XML text", () => {
  it("decodes the predefined entities and character references XML allows", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;&#x10FFFF;&#9;")).toBe(
      "<>&\"'AB\u{1F600}\u{10FFFF}\t"
    );
    expect(decodeEntities("no references")).toBe("no references");
  });

  it.each([
    "&#99999999;",
    "&#0;",
    "&#x1;",
    "&#xD800;",
    "&#xDFFF;",
    "&#xFFFF;",
    "&#x110000;",
    "&#;",
    "&#x;",
    "&#12a;",
  ])("refuses the character reference %s", (reference) => {
    expect(fault(() => decodeEntities(`a${reference}b`))).toEqual(["bad-character", reference]);
  });

  it("refuses named entities XML does not predefine, and a bare ampersand", () => {
    expect(fault(() => decodeEntities("a&nbsp;b"))).toEqual(["bad-character", "&nbsp;"]);
    expect(fault(() => decodeEntities("a&constructor;b"))).toEqual([
      "bad-character",
      "&constructor;",
    ]);
    expect(fault(() => decodeEntities("AT&T"))).toEqual(["bad-character", "&"]);
  });

  it("leaves text without comments, CDATA or instructions as the same string", () => {
    const xml = '<?xml version="1.0"?>\n<a><b x="1>2">t</b></a>';
    expect(plainMarkup(xml)).toBe(xml);
  });

  it("drops comments and instructions, escapes CDATA, keeps the declaration", () => {
    expect(
      plainMarkup(
        '<?xml version="1.0"?><a><!-- <b>no</b> --><?pi <b>no</b>?><t><![CDATA[x<y&z]]></t></a>'
      )
    ).toBe('<?xml version="1.0"?><a><t>x&lt;y&amp;z</t></a>');
  });

  it("refuses a document type declaration and unterminated markup", () => {
    expect(fault(() => plainMarkup('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'))).toEqual([
      "dtd",
      "",
    ]);
    expect(fault(() => plainMarkup("<a><!-- open</a>"))[0]).toBe("corrupt");
    expect(fault(() => plainMarkup("<a><![CDATA[open</a>"))[0]).toBe("corrupt");
    expect(fault(() => plainMarkup("<a><!ELEMENT a ANY></a>"))[0]).toBe("corrupt");
  });

  it("finds closing tags with whitespace before >, and not longer names", () => {
    const xml = "<row><rows/></rows ><row ></row\n>";
    expect(closingTag(xml, "row", 5, xml.length)).toBe(xml.indexOf("</row\n"));
    const row = findElement("<x><row a='1'>in</row  ></x>", "row")!;
    expect(row.attrs).toEqual({ a: "1" });
    expect("<x><row a='1'>in</row  ></x>".slice(row.start, row.end)).toBe("<row a='1'>in</row  >");
  });

  it("reads a string item's runs and leaves out phonetic ones", () => {
    const si =
      '<si><r><t>a&amp;</t></r><rPh><t>no</t></rPh><r><t xml:space="preserve"> b</t ></r></si>';
    expect(stringItemText(si, 4, si.length - 5)).toBe("a& b");
  });
});
