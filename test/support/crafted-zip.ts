import { deflateRawSync, crc32 } from "node:zlib";
import { unzipSync } from "fflate";

/**
 * One entry of a hand-made zip. Every knob left out gives what a sound writer
 * would write; each knob breaks one thing, as a crafted or damaged file does.
 */
export interface CraftedEntry {
  readonly name: string;
  /** The entry's content, before compression. */
  readonly data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: number;
  /** Compressed bytes to write instead of `data` deflated. */
  readonly compressed?: Uint8Array;
  /** General-purpose flags; bit 0 says "encrypted". */
  readonly flags?: number;
  /** CRC-32 to declare instead of the right one. */
  readonly crc?: number;
  /** Uncompressed size to declare instead of the right one. */
  readonly size?: number;
  /** The name in the local header, when it should differ from the central one. */
  readonly localName?: string;
  /** Sizes and offset moved into a ZIP64 extra field (headers say 0xFFFFFFFF). */
  readonly zip64?: boolean;
  /** Disk the entry claims to start on. */
  readonly disk?: number;
  /** The declared compressed size reaches over this many following entries (an overlap bomb). */
  readonly coverNext?: number;
}

export interface CraftOptions {
  /** The archive comment, after the end-of-central-directory record. */
  readonly comment?: Uint8Array;
  /** Write a ZIP64 end record and locator (the classic record then says 0xFFFF / 0xFFFFFFFF). */
  readonly zip64?: { readonly totalDisks?: number; readonly disk?: number };
  /** Disk numbers of the classic end record. */
  readonly disk?: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

/** The entries of a real zip, in order, decompressed by fflate (not by the code under test). */
export function entriesOf(bytes: Uint8Array): CraftedEntry[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** A changed copy of one entry, found by name. */
export function withEntry(
  entries: readonly CraftedEntry[],
  name: string,
  change: Partial<CraftedEntry>
): CraftedEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name}`);
  return entries.map((e) => (e.name === name ? { ...e, ...change } : e));
}

class Writer {
  private readonly chunks: Uint8Array[] = [];
  length = 0;
  bytes(data: Uint8Array): this {
    this.chunks.push(data);
    this.length += data.length;
    return this;
  }
  u16(value: number): this {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, value, true);
    return this.bytes(b);
  }
  u32(value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, value >>> 0, true);
    return this.bytes(b);
  }
  u64(value: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(value), true);
    return this.bytes(b);
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** A zip written byte by byte, with every knob of CraftedEntry and CraftOptions applied. */
export function craftZip(entries: readonly CraftedEntry[], options: CraftOptions = {}): Uint8Array {
  const encoder = new TextEncoder();
  const out = new Writer();
  const laid = entries.map((entry) => {
    const method = entry.method ?? 8;
    const compressed =
      entry.compressed ?? (method === 8 ? new Uint8Array(deflateRawSync(entry.data)) : entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.size ?? entry.data.length;
    const flags = entry.flags ?? 0x0800;
    const offset = out.length;
    const localName = encoder.encode(entry.localName ?? entry.name);
    out
      .u32(LOCAL)
      .u16(entry.zip64 ? 45 : 20)
      .u16(flags)
      .u16(method)
      .u16(0)
      .u16(0x2821)
      .u32(crc);
    out.u32(entry.zip64 ? 0xffffffff : compressed.length).u32(entry.zip64 ? 0xffffffff : size);
    out
      .u16(localName.length)
      .u16(entry.zip64 ? 20 : 0)
      .bytes(localName);
    if (entry.zip64) out.u16(1).u16(16).u64(size).u64(compressed.length);
    out.bytes(compressed);
    return { entry, method, compressed, crc, size, flags, offset, dataEnd: out.length };
  });
  const directoryStart = out.length;
  laid.forEach((item, i) => {
    const { entry } = item;
    const name = encoder.encode(entry.name);
    const covered = entry.coverNext ?? 0;
    // Past the last entry, the claimed data runs into the central directory.
    const reach =
      i + 1 + covered < laid.length ? laid[i + 1 + covered].offset : directoryStart + 46;
    const compressedSize =
      covered > 0 ? item.compressed.length + reach - item.dataEnd : item.compressed.length;
    const extra = new Writer();
    if (entry.zip64)
      extra
        .u16(1)
        .u16(28)
        .u64(item.size)
        .u64(compressedSize)
        .u64(item.offset)
        .u32(entry.disk ?? 0);
    out
      .u32(CENTRAL)
      .u16(entry.zip64 ? 45 : 20)
      .u16(entry.zip64 ? 45 : 20)
      .u16(item.flags);
    out.u16(item.method).u16(0).u16(0x2821).u32(item.crc);
    out.u32(entry.zip64 ? 0xffffffff : compressedSize).u32(entry.zip64 ? 0xffffffff : item.size);
    out
      .u16(name.length)
      .u16(extra.length)
      .u16(0)
      .u16(entry.zip64 ? 0xffff : (entry.disk ?? 0));
    out
      .u16(0)
      .u32(0)
      .u32(entry.zip64 ? 0xffffffff : item.offset)
      .bytes(name)
      .bytes(extra.result());
  });
  const directorySize = out.length - directoryStart;
  const disk = options.disk ?? 0;
  if (options.zip64) {
    const record = out.length;
    out
      .u32(ZIP64_EOCD)
      .u64(44)
      .u16(45)
      .u16(45)
      .u32(options.zip64.disk ?? 0)
      .u32(options.zip64.disk ?? 0);
    out.u64(laid.length).u64(laid.length).u64(directorySize).u64(directoryStart);
    out
      .u32(ZIP64_LOCATOR)
      .u32(0)
      .u64(record)
      .u32(options.zip64.totalDisks ?? 1);
  }
  const comment = options.comment ?? new Uint8Array();
  const wide = options.zip64 !== undefined;
  out
    .u32(EOCD)
    .u16(wide ? 0xffff : disk)
    .u16(wide ? 0xffff : disk);
  out.u16(wide ? 0xffff : laid.length).u16(wide ? 0xffff : laid.length);
  out.u32(wide ? 0xffffffff : directorySize).u32(wide ? 0xffffffff : directoryStart);
  out.u16(comment.length).bytes(comment);
  return out.result();
}
