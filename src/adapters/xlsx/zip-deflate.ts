// Plain "zlib" so that browser bundles (which only read) can stub it out.
import { deflateRawSync } from "zlib";
import { crc32, type OutgoingEntry } from "./zip-archive";

/** Compressing a changed part, on Node (the command line): zlib is native and fast. */
export function deflateEntry(name: string, data: Uint8Array): OutgoingEntry {
  return {
    name,
    method: 8,
    crc: crc32(data),
    chunks: [deflateRawSync(data, { level: 6 })],
    size: data.length,
  };
}
