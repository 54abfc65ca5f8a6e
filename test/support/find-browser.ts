/**
 * Which Chromium-based browser the browser tests and the bench drive, so that
 * `npm ci && npm test` passes as written on a fresh machine. First found wins:
 *
 * 1. `CHROMIUM_PATH`, when set (a path that is not there is an error, not a fall-through);
 * 2. a browser Playwright installed (`npx playwright-core install chromium-headless-shell`);
 * 3. an installed Chrome or Edge, through Playwright's channels, then the usual Linux paths;
 * 4. on Linux x64, the Chromium that `npm ci` brings in the optional dependency @sparticuz/chromium.
 *
 * Nothing found is an error that says what to do: the browser tests never skip silently.
 */
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";

/** What to hand Playwright's `chromium.launch`, and where it came from (for messages). */
export type BrowserChoice =
  | { source: string; executablePath: string }
  | { source: string; channel: "chrome" | "msedge"; executablePath: string }
  /** A brotli-packed Chromium inside an npm package: unpacked by `resolveBrowser`. */
  | { source: string; packed: string; version: string };

export interface BrowserEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  /** True for a regular, executable file (a device or folder in its place is no browser). */
  fileExists(path: string): boolean;
  /** Where Playwright's registry puts one of its executables, or undefined when it knows none. */
  playwrightExecutable(name: string): string | undefined;
  /** @sparticuz/chromium's packed binary and version, when that optional dependency is installed. */
  packedChromium(): { packed: string; version: string } | undefined;
}

const LINUX_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The first browser in the order above, or an Error whose message says how to get one. */
export function findBrowser(environment: BrowserEnvironment = realEnvironment()): BrowserChoice {
  const { env, platform, arch, fileExists } = environment;
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fileExists(fromEnv)) return { source: "CHROMIUM_PATH", executablePath: fromEnv };
    throw new Error(
      `CHROMIUM_PATH is ${fromEnv}, which is not an executable file: point it at a Chrome, Edge or Chromium executable, or unset it.`
    );
  }
  // Playwright launches its headless shell for headless runs, so it comes first.
  for (const name of ["chromium-headless-shell", "chromium"]) {
    const path = environment.playwrightExecutable(name);
    if (path && fileExists(path)) return { source: `Playwright's ${name}`, executablePath: path };
  }
  for (const channel of ["chrome", "msedge"] as const) {
    const path = environment.playwrightExecutable(channel);
    if (path && fileExists(path))
      return { source: `the ${channel} channel`, channel, executablePath: path };
  }
  if (platform === "linux") {
    const path = LINUX_PATHS.find(fileExists);
    if (path) return { source: path, executablePath: path };
    // @sparticuz/chromium ships only an x64 build.
    const packed = arch === "x64" ? environment.packedChromium() : undefined;
    if (packed) return { source: `@sparticuz/chromium ${packed.version}`, ...packed };
  }
  throw new Error(
    "No Chrome, Edge or Chromium found for the browser tests. Set CHROMIUM_PATH to a Chromium-based browser's executable, " +
      "or install Google Chrome or Microsoft Edge" +
      (platform === "linux"
        ? ` (or Debian's chromium); on Linux x64, \`npm ci\` also brings one in the optional dependency @sparticuz/chromium unless optional dependencies were left out.`
        : ".")
  );
}

/** `findBrowser`, with a packed Chromium unpacked: Playwright's launch options. */
export async function resolveBrowser(
  choice: BrowserChoice = findBrowser(),
  cache: string = tmpdir()
): Promise<{ executablePath?: string; channel?: string }> {
  if ("channel" in choice) return { channel: choice.channel };
  if ("executablePath" in choice) return { executablePath: choice.executablePath };
  return {
    executablePath: await unpack(
      choice.packed,
      join(cache, `objective-check-chromium-${choice.version}`)
    ),
  };
}

/**
 * Unpacks the brotli-packed binary once per version into `folder` (about 2 s, 190 MB).
 * Not @sparticuz/chromium's own `executablePath()`: that one reuses any `/tmp/chromium`
 * that exists (a half-written file from an interrupted run, or another version) and is
 * made for AWS Lambda. Writing a temporary name and renaming it means that the file at
 * the final path is always whole, even with two runs unpacking at once. Only the
 * binary is needed: the tests run with `--disable-gpu` and the system's fonts.
 */
export async function unpack(packed: string, folder: string): Promise<string> {
  const target = join(folder, "chromium");
  if (isExecutableFile(target)) return target;
  mkdirSync(folder, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(
      createReadStream(packed),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 })
    );
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The registry of the installed playwright-core (an exported subpath): it reads PLAYWRIGHT_BROWSERS_PATH. */
interface PlaywrightRegistry {
  findExecutable(name: string): { executablePath(): string | undefined } | undefined;
}

function playwrightExecutable(name: string): string | undefined {
  const { registry } = require("playwright-core/lib/coreBundle") as {
    registry: { registry: PlaywrightRegistry };
  };
  return registry.registry.findExecutable(name)?.executablePath();
}

function packedChromium(): { packed: string; version: string } | undefined {
  let main: string;
  try {
    main = require.resolve("@sparticuz/chromium");
  } catch {
    return undefined; // not installed: another platform, or `npm ci --omit=optional`
  }
  // The package exports only its entry (build/cjs/index.cjs); its bin/ and package.json sit two folders up.
  const root = join(dirname(main), "../..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const packed = join(root, "bin/chromium.br");
  return statSync(packed, { throwIfNoEntry: false })?.isFile() ? { packed, version } : undefined;
}

export function realEnvironment(): BrowserEnvironment {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    fileExists: isExecutableFile,
    playwrightExecutable,
    packedChromium,
  };
}
