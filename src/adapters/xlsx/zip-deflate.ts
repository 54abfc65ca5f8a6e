// Plain "zlib" so that browser bundles (which only read) can stub it out.
import { deflateRawSync } from "zlib";
import { crc32, type ZipEntry } from "./zip-archive";

/** Compressing a changed part, on Node (the command line): zlib is native and fast. */
export function deflateEntry(name: string, data: Uint8Array): ZipEntry {
  return {
    name,
    method: 8,
    crc: crc32(data),
    compressed: new Uint8Array(deflateRawSync(data, { level: 6 })),
    size: data.length,
  };
}
