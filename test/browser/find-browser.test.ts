import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import {
  findBrowser,
  resolveBrowser,
  unpack,
  type BrowserChoice,
  type BrowserEnvironment,
} from "../support/find-browser";

const PLAYWRIGHT: Record<string, string> = {
  "chromium-headless-shell":
    "/cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell",
  chromium: "/cache/ms-playwright/chromium-1255/chrome",
  chrome: "/opt/google/chrome/chrome",
  msedge: "/opt/microsoft/msedge/msedge",
};
const PACKED = {
  packed: "/project/node_modules/@sparticuz/chromium/bin/chromium.br",
  version: "147.0.0",
};

/** A machine where exactly the files in `present` exist; @sparticuz/chromium is installed unless `packed` is false. */
function machine(
  present: string[],
  options: {
    env?: Record<string, string>;
    platform?: NodeJS.Platform;
    arch?: string;
    packed?: boolean;
  } = {}
): BrowserEnvironment {
  const files = new Set(present);
  return {
    env: options.env ?? {},
    platform: options.platform ?? "linux",
    arch: options.arch ?? "x64",
    fileExists: (path) => files.has(path),
    playwrightExecutable: (name) => PLAYWRIGHT[name],
    packedChromium: () => (options.packed === false ? undefined : PACKED),
  };
}

const describeChoice = (choice: BrowserChoice) =>
  "channel" in choice
    ? `channel ${choice.channel}`
    : "packed" in choice
      ? "packed"
      : choice.executablePath;

describe("findBrowser", () => {
  test("takes the first of CHROMIUM_PATH, Playwright's browsers, Chrome, Edge, the Linux paths, @sparticuz/chromium", () => {
    const everything = [
      "/custom/chrome",
      ...Object.values(PLAYWRIGHT),
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
    ];
    const expected = [
      "/custom/chrome",
      PLAYWRIGHT["chromium-headless-shell"],
      PLAYWRIGHT.chromium,
      "channel chrome",
      "channel msedge",
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "packed",
    ];
    // Take away the winner each time: the next one in the order must win.
    const seen = expected.map((_, gone) => {
      const present = everything.slice(gone);
      const env: Record<string, string> = present.includes("/custom/chrome")
        ? { CHROMIUM_PATH: "/custom/chrome" }
        : {};
      return describeChoice(findBrowser(machine(present, { env })));
    });
    expect(seen).toEqual(expected);
  });

  test("a CHROMIUM_PATH that points at nothing is an error, even with other browsers installed", () => {
    expect(() =>
      findBrowser(machine(["/usr/bin/chromium"], { env: { CHROMIUM_PATH: "/nowhere/chrome" } }))
    ).toThrow("CHROMIUM_PATH is /nowhere/chrome, which is not an executable file");
  });

  test("on Windows and macOS, Chrome or Edge through Playwright's channels; never the Linux paths or @sparticuz/chromium", () => {
    for (const platform of ["win32", "darwin"] as const) {
      expect(describeChoice(findBrowser(machine([PLAYWRIGHT.msedge], { platform })))).toBe(
        "channel msedge"
      );
      expect(() => findBrowser(machine(["/usr/bin/chromium"], { platform }))).toThrow(
        "Set CHROMIUM_PATH to a Chromium-based browser's executable, or install Google Chrome or Microsoft Edge."
      );
    }
  });

  test("@sparticuz/chromium only on Linux x64, where its binary is built for", () => {
    expect(() => findBrowser(machine([], { arch: "arm64" }))).toThrow(
      "No Chrome, Edge or Chromium found"
    );
    expect(describeChoice(findBrowser(machine([])))).toBe("packed");
  });

  test("with nothing found, the error says how to get a browser", () => {
    expect(() => findBrowser(machine([], { packed: false }))).toThrow(
      /^No Chrome, Edge or Chromium found for the browser tests\. Set CHROMIUM_PATH .* install Google Chrome or Microsoft Edge \(or Debian's chromium\); on Linux x64, `npm ci` also brings one/
    );
  });
});

describe("resolveBrowser", () => {
  test("launches a channel by name and a path as it is", async () => {
    await expect(
      resolveBrowser({ source: "c", channel: "chrome", executablePath: "/x" })
    ).resolves.toEqual({
      channel: "chrome",
    });
    await expect(resolveBrowser({ source: "p", executablePath: "/x" })).resolves.toEqual({
      executablePath: "/x",
    });
  });

  test("unpacks a packed Chromium once, into a folder named by its version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "objective-check-find-browser-"));
    try {
      const packed = join(dir, "chromium.br");
      writeFileSync(packed, brotliCompressSync(Buffer.from("#!/bin/sh\necho chromium\n")));
      const cache = join(dir, "cache");
      const first = await resolveBrowser({ source: "s", packed, version: "147.0.0" }, cache);
      expect(first).toEqual({
        executablePath: join(cache, "objective-check-chromium-147.0.0", "chromium"),
      });
      expect(readFileSync(first.executablePath!, "utf8")).toBe("#!/bin/sh\necho chromium\n");
      expect(statSync(first.executablePath!).mode & 0o111).not.toBe(0);
      expect(readdirSync(join(cache, "objective-check-chromium-147.0.0"))).toEqual(["chromium"]);
      // The second run reuses the unpacked file: the package's archive is not read again.
      rmSync(packed);
      await expect(unpack(packed, join(cache, "objective-check-chromium-147.0.0"))).resolves.toBe(
        first.executablePath
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a failed unpack leaves no file at the final path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "objective-check-find-browser-"));
    try {
      const packed = join(dir, "chromium.br");
      writeFileSync(packed, "not brotli");
      await expect(unpack(packed, join(dir, "cache"))).rejects.toThrow();
      expect(existsSync(join(dir, "cache", "chromium"))).toBe(false);
      expect(readdirSync(join(dir, "cache"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
