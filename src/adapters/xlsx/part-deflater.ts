import { Deflate } from "fflate";
// Plain "zlib" so that browser bundles can stub it out; fflate compresses there.
import * as zlib from "zlib";
import { crc32, type OutgoingEntry } from "./zip-archive";

/** Text is encoded and compressed a megabyte at a time: large enough for zlib, small next to a sheet. */
const CHUNK = 1 << 20;

/**
 * A changed part compressed as it is written, so that a rewritten sheet never
 * exists whole, as one string or as one buffer. On Node each chunk is
 * compressed by native zlib and ends with a sync flush, which ends the output
 * on a byte boundary without ending the stream (zlib manual, Z_SYNC_FLUSH;
 * Node's `finishFlush` option): the chunks put together are one raw deflate
 * stream, closed by the last one. Chunks do not share their 32 KB window,
 * which costs nothing measurable at a megabyte each.
 */
export class PartDeflater {
  private readonly pending: string[] = [];
  private pendingLength = 0;
  private readonly compressed: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private readonly stream: Deflate | null;

  constructor(private readonly name: string) {
    this.stream =
      typeof zlib.deflateRawSync === "function"
        ? null
        : new Deflate({ level: 6 }, (chunk) => this.compressed.push(chunk));
  }

  write(text: string): void {
    // A long slice of the original (thousands of untouched rows) is cut up rather than encoded whole.
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + CHUNK);
      if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
      const piece = from === 0 && to === text.length ? text : text.slice(from, to);
      this.pending.push(piece);
      this.pendingLength += piece.length;
      if (this.pendingLength >= CHUNK) this.flush(false);
      from = to;
    }
  }

  finish(): OutgoingEntry {
    this.flush(true);
    return {
      name: this.name,
      method: 8,
      crc: this.crc >>> 0,
      chunks: this.compressed,
      size: this.size,
    };
  }

  private flush(final: boolean): void {
    const bytes = encodePieces(this.pending, this.pendingLength);
    this.pending.length = 0;
    this.pendingLength = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.stream !== null) this.stream.push(bytes, final);
    else
      this.compressed.push(
        zlib.deflateRawSync(bytes, {
          level: 6,
          finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
        })
      );
  }
}

const encoder = new TextEncoder();
/** UTF-8 takes at most 3 bytes per UTF-16 unit; a chunk stops at CHUNK units past the threshold. */
let scratch = new Uint8Array(0);

/**
 * A chunk's UTF-8 in one buffer reused for every chunk of every part: zlib
 * copies its input, and a fresh buffer per megabyte would leave a sheet's
 * size in garbage outside the heap, collected late. The pieces are encoded
 * one after the other, never joined: a megabyte string per chunk would be
 * garbage in V8's large-object space, which only a full collection frees,
 * and none comes while a sheet is written (measured: 16 MB of peak on the
 * bench's workbook).
 */
function encodePieces(pieces: readonly string[], length: number): Uint8Array {
  if (scratch.length < length * 3) scratch = new Uint8Array(length * 3);
  let at = 0;
  for (const piece of pieces) at += encoder.encodeInto(piece, scratch.subarray(at)).written;
  return scratch.subarray(0, at);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
