import { Inflate } from "fflate";
// On Node (the command line) zlib is native and several times faster; browser bundles stub it out and use fflate.
import * as zlib from "zlib";
import { ZIP_LIMITS } from "../../i18n/read-limits";

/**
 * The zip container of an .xlsx (APPNOTE.TXT 6.3). Entries that are not
 * changed are written back with their original compressed bytes, so every part
 * the adapter does not edit stays exactly as its producer wrote it.
 *
 * Reading is ours rather than fflate's `unzipSync`: that one hands back only
 * inflated data (we must keep the compressed bytes to copy them untouched),
 * allocates whatever size an entry declares, and reads neither ZIP64 nor
 * duplicate names. fflate still inflates in the browser.
 */
export interface ZipEntry {
  readonly name: string;
  /** Compression method: 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressed: Uint8Array;
  readonly size: number;
}

/**
 * An entry to write: its compressed bytes in the pieces they came in. A
 * rewritten sheet's compressor hands over a chunk per megabyte, and joining
 * them before the archive is joined would hold the part twice at the writer's peak.
 */
export interface OutgoingEntry extends Omit<ZipEntry, "compressed"> {
  readonly chunks: readonly Uint8Array[];
}

/** A read entry copied on as it is. */
export function outgoing(entry: ZipEntry): OutgoingEntry {
  const { compressed, ...rest } = entry;
  return { ...rest, chunks: [compressed] };
}

/** Why an archive cannot be read: these are reason codes of the workbook reader too. */
export type ZipFailure =
  | "corrupt"
  | "encrypted"
  | "multi-disk"
  | "too-many-parts"
  | "part-too-large"
  | "too-large"
  | "over-compressed";

export class ZipError extends Error {
  /**
   * @param detail what the user's sentence names: the part, or the count of parts.
   * @param why the technical cause, for the message only.
   */
  constructor(
    readonly reason: ZipFailure,
    readonly detail: string,
    readonly why: string
  ) {
    super(`${reason}${detail ? ` ${detail}` : ""}: ${why}`);
  }
}

const damaged = (part: string, why: string) => new ZipError("corrupt", part, why);

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Little-endian reads that refuse to leave the file, so hostile offsets end as "damaged", never as a RangeError. */
class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number): void {
    if (!(at >= 0 && at + size <= this.bytes.length))
      throw damaged("", `read past the end at ${at}`);
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  /** Past 2^53 the value is rounded, but such a value is out of any file and of every limit anyway. */
  u64(at: number): number {
    this.check(at, 8);
    return Number(this.view.getBigUint64(at, true));
  }
}

/**
 * The end-of-central-directory record is the last one whose comment reaches
 * exactly the end of the file: a comment may itself contain the signature.
 */
function findEnd(data: Bytes): number {
  const bytes = data.bytes;
  const last = bytes.length - 22;
  for (let i = last; i >= Math.max(0, last - MAX16); i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 5 &&
      bytes[i + 3] === 6 &&
      i + 22 + data.u16(i + 20) === bytes.length
    )
      return i;
  }
  throw damaged("", "no end of central directory");
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  /** Where the central directory must have ended. */
  readonly limit: number;
}

function readDirectory(data: Bytes): Directory {
  const end = findEnd(data);
  const locator = end - 20;
  if (locator >= 0 && data.u32(locator) === ZIP64_LOCATOR) {
    // APPNOTE 4.3.15 says "total number of disks"; some writers put 0 there for a
    // single file, which cannot mean a split archive either.
    if (data.u32(locator + 4) !== 0 || data.u32(locator + 16) > 1)
      throw new ZipError("multi-disk", "", "zip64 locator names other disks");
    const record = data.u64(locator + 8);
    if (record > locator - 56 || data.u32(record) !== ZIP64_EOCD)
      throw damaged("", "no zip64 end of central directory");
    const count = data.u64(record + 32);
    if (
      data.u32(record + 16) !== 0 ||
      data.u32(record + 20) !== 0 ||
      data.u64(record + 24) !== count
    )
      throw new ZipError("multi-disk", "", "zip64 record names other disks");
    return { count, size: data.u64(record + 40), offset: data.u64(record + 48), limit: record };
  }
  const count = data.u16(end + 10);
  if (data.u16(end + 4) !== 0 || data.u16(end + 6) !== 0 || data.u16(end + 8) !== count)
    throw new ZipError("multi-disk", "", "end record names other disks");
  return { count, size: data.u32(end + 12), offset: data.u32(end + 16), limit: end };
}

interface Located {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The entries of a zip, each checked before anything is inflated: one disk, no
 * encryption, sizes within ZIP_LIMITS, distinct names, a local header that
 * agrees, and data regions that neither overlap nor reach the directory.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const data = new Bytes(bytes);
  const directory = readDirectory(data);
  if (directory.count > ZIP_LIMITS.maxEntries)
    throw new ZipError("too-many-parts", String(directory.count), "too many entries");
  const directoryEnd = directory.offset + directory.size;
  if (directoryEnd > directory.limit || directory.count * 46 > directory.size)
    throw damaged("", "central directory out of place");

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const regions: Located[] = [];
  // ECMA-376 Part 2 (OPC) 6.2.2.3 and [M1.12]: part names are equivalent when
  // equal as case-insensitive ASCII strings, and a package must not hold two.
  const seen = new Set<string>();
  let total = 0;
  let at = directory.offset;
  for (let n = 0; n < directory.count; n++) {
    if (at + 46 > directoryEnd || data.u32(at) !== CENTRAL)
      throw damaged("", "damaged central directory");
    const flags = data.u16(at + 8);
    const method = data.u16(at + 10);
    const crc = data.u32(at + 16);
    let compressedSize = data.u32(at + 20);
    let size = data.u32(at + 24);
    const nameLength = data.u16(at + 28);
    const extraLength = data.u16(at + 30);
    let disk = data.u16(at + 34);
    let local = data.u32(at + 42);
    const next = at + 46 + nameLength + extraLength + data.u16(at + 32);
    if (next > directoryEnd) throw damaged("", "damaged central directory");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decoder.decode(nameBytes);

    if (size === MAX32 || compressedSize === MAX32 || local === MAX32 || disk === MAX16) {
      // APPNOTE 4.5.3: the ZIP64 field holds, in this order, only the values the header left at all ones.
      let field = findExtra(data, at + 46 + nameLength, extraLength, ZIP64_EXTRA, name);
      const take = (width: 4 | 8) => {
        if (field.start + width > field.end) throw damaged(name, "short zip64 extra field");
        const value = width === 8 ? data.u64(field.start) : data.u32(field.start);
        field = { start: field.start + width, end: field.end };
        return value;
      };
      if (size === MAX32) size = take(8);
      if (compressedSize === MAX32) compressedSize = take(8);
      if (local === MAX32) local = take(8);
      if (disk === MAX16) disk = take(4);
    }
    if (disk !== 0) throw new ZipError("multi-disk", "", `${name} starts on disk ${disk}`);
    // Bit 0: encrypted; bit 6: strong encryption; method 99: AES (WinZip).
    if ((flags & 0x41) !== 0 || method === 99)
      throw new ZipError("encrypted", name, "encrypted entry");
    if (method !== 0 && method !== 8) throw damaged(name, `compression method ${method}`);
    if (method === 0 && compressedSize !== size) throw damaged(name, "stored sizes differ");
    if (size > ZIP_LIMITS.maxEntryBytes)
      throw new ZipError("part-too-large", name, `declares ${size} bytes`);
    if (size > ZIP_LIMITS.ratioFloorBytes && size > compressedSize * ZIP_LIMITS.maxRatio)
      throw new ZipError("over-compressed", name, `${size} bytes from ${compressedSize}`);
    total += size;
    if (total > ZIP_LIMITS.maxTotalBytes)
      throw new ZipError("too-large", "", `more than ${ZIP_LIMITS.maxTotalBytes} bytes`);
    const key = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (seen.has(key)) throw damaged(name, "duplicate part name");
    seen.add(key);

    if (data.u32(local) !== LOCAL) throw damaged(name, "no local header");
    const localNameLength = data.u16(local + 26);
    const localName = bytes.subarray(local + 30, local + 30 + localNameLength);
    if (localNameLength !== nameLength || !localName.every((b, i) => b === nameBytes[i]))
      throw damaged(name, "local header names another entry");
    const start = local + 30 + localNameLength + data.u16(local + 28);
    const end = start + compressedSize;
    if (end > directory.offset) throw damaged(name, "data reaches the central directory");
    entries.push({ name, method, crc, compressed: bytes.subarray(start, end), size });
    regions.push({ name, start: local, end });
    at = next;
  }
  // Entries sharing bytes are how non-recursive zip bombs multiply their output.
  regions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < regions.length; i++) {
    if (regions[i].start < regions[i - 1].end)
      throw damaged(regions[i].name, `overlaps ${regions[i - 1].name}`);
  }
  return entries;
}

function findExtra(
  data: Bytes,
  start: number,
  length: number,
  id: number,
  name: string
): { start: number; end: number } {
  const end = start + length;
  for (let at = start; at + 4 <= end;) {
    const size = data.u16(at + 2);
    if (data.u16(at) === id) {
      if (at + 4 + size > end) break;
      return { start: at + 4, end: at + 4 + size };
    }
    at += 4 + size;
  }
  throw damaged(name, "no zip64 extra field");
}

/**
 * An entry's data, never more than it declares: the output is capped at one
 * byte beyond the declared size while inflating, so a lying size is caught
 * without spending the memory it hides.
 */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  let data = entry.compressed;
  if (entry.method !== 0) {
    try {
      data =
        typeof zlib.inflateRawSync === "function"
          ? inflateWithZlib(entry.compressed, entry.size + 1)
          : inflateWithFflate(entry.compressed, entry.size + 1);
    } catch (error) {
      throw damaged(entry.name, (error as Error).message);
    }
  }
  if (data.length !== entry.size)
    throw damaged(entry.name, `inflates to more or less than its ${entry.size} bytes`);
  if (crc32(data) !== entry.crc) throw damaged(entry.name, "checksum");
  return data;
}

/** Node stops as soon as the output passes `maxOutputLength`, with a RangeError (ERR_BUFFER_TOO_LARGE). */
export function inflateWithZlib(compressed: Uint8Array, limit: number): Uint8Array {
  // One output chunk of the declared size (the limit bounds it) spares zlib growing and joining
  // chunks, and the view spares a copy: together they halve the memory a large sheet costs to inflate.
  const out = zlib.inflateRawSync(compressed, {
    maxOutputLength: limit,
    chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, limit),
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** fflate's one-shot inflate with a fixed `out` drops what does not fit but keeps decoding to the end; streaming lets us stop. */
const FFLATE_CHUNK = 16_384;

/** The browser's inflate: at most `limit` bytes kept, and decoding stops one chunk after that. */
export function inflateWithFflate(compressed: Uint8Array, limit: number): Uint8Array {
  const out = new Uint8Array(limit);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > limit) over = true;
    else {
      out.set(chunk, length);
      length += chunk.length;
    }
  });
  let at = 0;
  do {
    const next = Math.min(at + FFLATE_CHUNK, compressed.length);
    inflater.push(compressed.subarray(at, next), next === compressed.length);
    at = next;
  } while (at < compressed.length && !over);
  if (over) throw new Error(`more than ${limit} bytes`);
  return out.subarray(0, length);
}

// A fixed timestamp (01/01/2000, DOS format) keeps the same content giving the same bytes.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly OutgoingEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const compressedSize = entry.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, entry.method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, compressedSize, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, compressedSize, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, ...entry.chunks);
    centrals.push(central);
    offset += local.length + compressedSize;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 as zip stores it, continued from `previous` for data that comes in
 * pieces (zlib.crc32 takes the running value since Node 20.15).
 */
export function crc32(data: Uint8Array, previous = 0): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data, previous);
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
