import { deflateEntry } from "./zip-deflate";
import { inflateEntry, readZip, writeZip, ZipError, type ZipEntry } from "./zip-archive";
import { findElements } from "./xml";
import type { ReadFailure } from "../../i18n/reason-codes";

/** Why a file cannot be read, as a reason code the caller turns into one sentence. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly detail: string = ""
  ) {
    super(`${reason}${detail ? `: ${detail}` : ""}`);
  }
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Part path inside the package, without a leading slash. */
  readonly target: string;
  readonly external: boolean;
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const decoder = new TextDecoder("utf-8");

/** A part as read (compressed bytes kept for writing back unchanged) or as edited. */
interface Part {
  entry: ZipEntry | null;
  text: string | null;
}

/** The zip package of an .xlsx: its parts by path, in their original order. */
export class XlsxPackage {
  private constructor(private readonly parts: Map<string, Part>) {}

  static open(bytes: Uint8Array, fileName: string): XlsxPackage {
    if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
      // A compound file is either a legacy .xls or an .xlsx wrapped in encryption.
      throw new WorkbookReadError(/\.xls$/i.test(fileName) ? "legacy-xls" : "encrypted");
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookReadError("not-zip");
    let entries: ZipEntry[];
    try {
      entries = readZip(bytes);
    } catch (error) {
      throw new WorkbookReadError("corrupt", (error as Error).message);
    }
    return new XlsxPackage(new Map(entries.map((entry) => [entry.name, { entry, text: null }])));
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  /** A part's text, decompressed on first use. */
  text(path: string): string | null {
    const part = this.parts.get(path);
    if (part === undefined) return null;
    if (part.text === null) {
      try {
        part.text = decoder.decode(inflateEntry(part.entry!));
      } catch (error) {
        throw new WorkbookReadError(
          "corrupt",
          error instanceof ZipError ? error.message : `${path} cannot be decompressed`
        );
      }
    }
    return part.text;
  }

  setText(path: string, text: string): void {
    this.parts.set(path, { entry: null, text });
  }

  remove(path: string): void {
    this.parts.delete(path);
  }

  relationships(partPath: string): Relationship[] {
    const slash = partPath.lastIndexOf("/");
    const dir = slash < 0 ? "" : partPath.slice(0, slash);
    const relsPath = `${dir === "" ? "" : `${dir}/`}_rels/${partPath.slice(slash + 1)}.rels`;
    const xml = this.text(relsPath);
    if (xml === null) return [];
    return findElements(xml, "Relationship").map(({ attrs }) => {
      const external = attrs.TargetMode === "External";
      return {
        id: attrs.Id ?? "",
        type: attrs.Type ?? "",
        target: external ? (attrs.Target ?? "") : resolvePartPath(dir, attrs.Target ?? ""),
        external,
      };
    });
  }

  /** The package again: untouched parts keep their original compressed bytes. */
  toBytes(): Uint8Array {
    const encoder = new TextEncoder();
    return writeZip(
      [...this.parts].map(
        ([path, part]) => part.entry ?? deflateEntry(path, encoder.encode(part.text!))
      )
    );
  }
}

/** A relationship target made absolute within the package: `/xl/x.xml`, `worksheets/sheet1.xml`, `../tables/t.xml`. */
export function resolvePartPath(baseDir: string, target: string): string {
  const segments = target.startsWith("/") ? [] : baseDir.split("/").filter((s) => s !== "");
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(decodeURIComponent(segment));
  }
  return segments.join("/");
}
