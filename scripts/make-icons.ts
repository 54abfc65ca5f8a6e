/**
 * Draws the add-in's icons (a white check mark on the planning blue) at every
 * size the manifest and the ribbon use, as PNG files in assets/. The outputs
 * are committed; run `npx tsx scripts/make-icons.ts` after changing the drawing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;

const BLUE = [0x1f, 0x5f, 0xa8];
const WHITE = [0xff, 0xff, 0xff];
const CHECK: [number, number][] = [
  [0.24, 0.53],
  [0.42, 0.71],
  [0.77, 0.31],
];

function distanceToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function pixel(size: number, px: number, py: number): number[] {
  const samples = 4;
  let inside = 0;
  let check = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (!insideRoundedSquare(x, y, 0.18)) continue;
      inside++;
      if (Math.min(distanceToSegment(x, y, CHECK[0], CHECK[1]), distanceToSegment(x, y, CHECK[1], CHECK[2])) < 0.075) check++;
    }
  }
  const n = samples * samples;
  const mix = check / Math.max(inside, 1);
  const rgb = BLUE.map((b, i) => Math.round(b + (WHITE[i] - b) * mix));
  return [...rgb, Math.round((inside / n) * 255)];
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(size, x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of ICON_SIZES) writeFileSync(join(__dirname, "../assets", `icon-${size}.png`), png(size));
