import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";

/**
 * A reader of .xlsx written from the format's specification (fast-xml-parser
 * over the zip's parts), independent of the ExcelJS that writes the summary:
 * it reads what Excel reads — cells with their number formats, tables,
 * hyperlinks and their relationships, frozen panes, column widths and
 * conditional formats.
 */
export interface ReadCell {
  readonly value: string | number | null;
  /** The cell's `t`: "s" shared string, "str"/"inlineStr" text, absent a number. */
  readonly type: string | null;
  readonly numFmt: string;
  readonly formula: string | null;
}

export interface ReadSheet {
  readonly name: string;
  readonly cells: Map<string, ReadCell>;
  readonly tables: { name: string; ref: string; autoFilter: string | null; columns: string[] }[];
  readonly hyperlinks: Map<string, { target: string; external: boolean }>;
  readonly frozen: { state: string; ySplit: number; topLeftCell: string } | null;
  readonly widths: Map<number, number>;
  readonly conditionalFormats: { sqref: string; formulas: string[]; fills: string[] }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute &&
    [
      "sheet",
      "row",
      "c",
      "si",
      "r",
      "xf",
      "numFmt",
      "Relationship",
      "hyperlink",
      "tablePart",
      "tableColumn",
      "col",
      "conditionalFormatting",
      "cfRule",
      "formula",
      "dxf",
    ].includes(name),
  parseTagValue: false,
  trimValues: false,
});

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  9: "0%",
  14: "mm-dd-yy",
};

export function readOoxml(bytes: Uint8Array): ReadSheet[] {
  const files = unzipSync(bytes);
  const xml = (path: string) => (files[path] ? parser.parse(strFromU8(files[path])) : null);
  const rels = (path: string) => {
    const dir = path.slice(0, path.lastIndexOf("/"));
    const relsPath = `${dir}/_rels/${path.slice(dir.length + 1)}.rels`;
    const list = xml(relsPath)?.Relationships?.Relationship ?? [];
    return new Map<string, { Target: string; TargetMode?: string }>(
      list.map((r: { Id: string; Target: string; TargetMode?: string }) => [r.Id, r])
    );
  };
  const text = (node: unknown): string => {
    if (node === undefined || node === null) return "";
    if (typeof node === "string") return node;
    const n = node as { "#text"?: string; t?: unknown; r?: { t: unknown }[] };
    if (n.r) return n.r.map((run) => text(run.t)).join("");
    if (n.t !== undefined) return text(n.t);
    return n["#text"] ?? "";
  };
  // A character XML cannot hold is written `_xHHHH_`, and `_x005F_` is a literal underscore (ECMA-376 Part 1, §22.4.2.4).
  const unescape = (value: string) =>
    value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16))
    );
  const shared: string[] = (xml("xl/sharedStrings.xml")?.sst?.si ?? []).map((si: unknown) =>
    unescape(text(si))
  );
  const styles = xml("xl/styles.xml").styleSheet;
  const customFormats = new Map<number, string>(
    (styles.numFmts?.numFmt ?? []).map((f: { numFmtId: string; formatCode: string }) => [
      Number(f.numFmtId),
      f.formatCode,
    ])
  );
  const xfFormats: string[] = styles.cellXfs.xf.map((xf: { numFmtId?: string }) => {
    const id = Number(xf.numFmtId ?? 0);
    return customFormats.get(id) ?? BUILTIN_FORMATS[id] ?? `builtin ${id}`;
  });
  const dxfFills: string[] = (styles.dxfs?.dxf ?? []).map(
    (d: { fill?: { patternFill?: { bgColor?: { rgb?: string } } } }) =>
      d.fill?.patternFill?.bgColor?.rgb ?? ""
  );

  const book = xml("xl/workbook.xml").workbook;
  const bookRels = rels("xl/workbook.xml");
  return book.sheets.sheet.map((s: { name: string; "r:id": string }) => {
    const path = `xl/${bookRels.get(s["r:id"])!.Target.replace(/^\/?xl\//, "")}`;
    const ws = xml(path).worksheet;
    const sheetRels = rels(path);
    const cells = new Map<string, ReadCell>();
    for (const row of ws.sheetData?.row ?? [])
      for (const c of row.c ?? []) {
        const raw = c.v === undefined ? null : text(c.v);
        const value =
          c.t === "s"
            ? shared[Number(raw)]
            : c.t === "inlineStr"
              ? unescape(text(c.is))
              : c.t === "str" || raw === null
                ? raw
                : Number(raw);
        cells.set(c.r, {
          value,
          type: c.t ?? null,
          numFmt: xfFormats[Number(c.s ?? 0)],
          formula: c.f === undefined ? null : text(c.f),
        });
      }
    const tables = (ws.tableParts?.tablePart ?? []).map((part: { "r:id": string }) => {
      const target = sheetRels.get(part["r:id"])!.Target;
      const tablePath = `xl/${target.replace(/^(\.\.\/|\/xl\/)/, "")}`;
      const table = xml(tablePath).table;
      return {
        name: table.name,
        ref: table.ref,
        autoFilter: table.autoFilter?.ref ?? null,
        columns: table.tableColumns.tableColumn.map((col: { name: string }) => col.name),
      };
    });
    const hyperlinks = new Map<string, { target: string; external: boolean }>();
    for (const link of ws.hyperlinks?.hyperlink ?? []) {
      const rel = link["r:id"] === undefined ? undefined : sheetRels.get(link["r:id"]);
      hyperlinks.set(link.ref, {
        target: `${rel?.Target ?? ""}${link.location === undefined ? "" : `#${link.location}`}`,
        external: rel?.TargetMode === "External",
      });
    }
    const pane = ws.sheetViews?.sheetView?.pane;
    const widths = new Map<number, number>();
    for (const col of ws.cols?.col ?? [])
      for (let i = Number(col.min); i <= Number(col.max); i++) widths.set(i, Number(col.width));
    return {
      name: s.name,
      cells,
      tables,
      hyperlinks,
      frozen:
        pane === undefined
          ? null
          : { state: pane.state, ySplit: Number(pane.ySplit), topLeftCell: pane.topLeftCell },
      widths,
      conditionalFormats: (ws.conditionalFormatting ?? []).map(
        (cf: { sqref: string; cfRule: { formula: unknown[]; dxfId: string }[] }) => ({
          sqref: cf.sqref,
          formulas: cf.cfRule.map((rule) => rule.formula.map(text).join(";")),
          fills: cf.cfRule.map((rule) => dxfFills[Number(rule.dxfId)]),
        })
      ),
    } satisfies ReadSheet;
  });
}
