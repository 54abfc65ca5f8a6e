import {
  inflateEntry,
  outgoing,
  readZip,
  writeZip,
  ZipError,
  type OutgoingEntry,
  type ZipEntry,
} from "./zip-archive";
import { findElements } from "./xml";

import type { ReadFailure } from "../../i18n/reason-codes";

/** Why a file cannot be read, as a reason code the caller turns into one sentence. */
export class WorkbookReadError extends Error {
  /**
   * @param detail what the sentence names (a part, a count); empty when there is nothing to name.
   * @param why the technical cause, kept in the message for whoever debugs, never shown to users.
   */
  constructor(
    readonly reason: ReadFailure,
    readonly detail: string = "",
    why: string = ""
  ) {
    super(`${reason}${detail ? `: ${detail}` : ""}${why ? ` (${why})` : ""}`);
  }
}

/** A zip-layer failure as the reader's reason; anything else is a bug, and is not dressed up as one. */
function readFailure(error: unknown): WorkbookReadError {
  if (error instanceof ZipError)
    return new WorkbookReadError(error.reason, error.detail, error.why);
  throw error;
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
  readonly entry: ZipEntry;
  text: string | null;
  /** Its inflated size and checksum have been verified (on reading, or before copying it on). */
  checked: boolean;
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
      throw readFailure(error);
    }
    return new XlsxPackage(
      new Map(entries.map((entry) => [entry.name, { entry, text: null, checked: false }]))
    );
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
        part.text = decoder.decode(inflateEntry(part.entry));
      } catch (error) {
        throw readFailure(error);
      }
      part.checked = true;
    }
    return part.text;
  }

  /**
   * Drops a part's decompressed text, keeping the fact that it was checked:
   * for the large parts (sheets, shared strings) that the reader consumes
   * once, so the package does not hold them for the rest of the run.
   */
  releaseText(path: string): void {
    const part = this.parts.get(path);
    if (part !== undefined) part.text = null;
  }

  relationships(partPath: string): Relationship[] {
    const slash = partPath.lastIndexOf("/");
    const dir = slash < 0 ? "" : partPath.slice(0, slash);
    const relsPath = `${dir === "" ? "" : `${dir}/`}_rels/${partPath.slice(slash + 1)}.rels`;
    const xml = this.text(relsPath);
    if (xml === null) return [];
    return findElements(xml, "Relationship").map(({ attrs }) => {
      const external = attrs.TargetMode === "External";
      const target = attrs.Target ?? "";
      const resolved = external ? target : resolvePartPath(dir, target);
      if (resolved === null)
        throw new WorkbookReadError("corrupt", relsPath, `malformed target ${target}`);
      return { id: attrs.Id ?? "", type: attrs.Type ?? "", target: resolved, external };
    });
  }

  /**
   * The package again, with `replaced` parts in place of theirs: every other
   * part keeps its original compressed bytes, each checked first (size and
   * checksum) so that a damaged part is never copied on as if it were sound.
   */
  copyWith(replaced: ReadonlyMap<string, OutgoingEntry>): Uint8Array {
    const entries: OutgoingEntry[] = [];
    for (const part of this.parts.values()) {
      const entry = part.entry;
      const replacement = replaced.get(entry.name);
      if (replacement !== undefined) {
        entries.push(replacement);
        continue;
      }
      if (!part.checked) {
        try {
          inflateEntry(entry);
        } catch (error) {
          throw readFailure(error);
        }
        part.checked = true;
      }
      entries.push(outgoing(entry));
    }
    return writeZip(entries);
  }
}

/**
 * A relationship target made absolute within the package: `/xl/x.xml`,
 * `worksheets/sheet1.xml`, `../tables/t.xml`; null when its %-escapes are malformed.
 */
export function resolvePartPath(baseDir: string, target: string): string | null {
  const segments = target.startsWith("/") ? [] : baseDir.split("/").filter((s) => s !== "");
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") {
      try {
        segments.push(decodeURIComponent(segment));
      } catch {
        // URIError: a `%` not followed by two hex digits, or escapes that are not UTF-8.
        return null;
      }
    }
  }
  return segments.join("/");
}
