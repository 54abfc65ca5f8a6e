import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, resolve as resolvePath } from "node:path";
import webpack from "webpack";
import { chromium, type Browser, type Page } from "playwright-core";
import { resolveBrowser } from "./find-browser";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** What a build is made from: its output changes only when one of these does. */
const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "package-lock.json", "manifest.xml"];
/** Written last in a build's folder: a folder without it is a build that did not finish. */
const BUILT = ".built";

const ROOT = resolvePath(__dirname, "../..");

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A digest of this clone's path, the env and every build input, naming the build it gives. */
function buildKey(env: Record<string, string>): string {
  const hash = createHash("sha256").update(ROOT).update(JSON.stringify(env));
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A production build of the add-in's pages. Each browser test file asks for
 * one; a webpack build takes minutes on a loaded two-core machine, so a
 * build is kept under the digest of its inputs and reused by the next file
 * (and rebuilt as soon as any source changes).
 */
export async function buildWeb(env: Record<string, string> = {}): Promise<string> {
  const done = join(tmpdir(), `objective-check-web-${buildKey(env)}`);
  if (existsSync(join(done, BUILT))) return done;
  const outDir = mkdtempSync(join(tmpdir(), "objective-check-web-build-"));
  // webpack.config.js is CommonJS, as webpack's CLI loads it.

  const makeConfig = require("../../webpack.config.js") as (
    env: object,
    argv: object
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ ...env, outDir }, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, devtool: false }, (error, stats) =>
      error || !stats || stats.hasErrors()
        ? reject(error ?? new Error(stats?.toString()))
        : resolve()
    )
  );
  writeFileSync(join(outDir, BUILT), "");
  try {
    renameSync(outDir, done);
  } catch {
    // Another test file, in another jest worker, finished the same build first: use that one.
    rmSync(outDir, { recursive: true, force: true });
  }
  return done;
}

/** Serves a folder on 127.0.0.1 (a port of the system's choosing) for the browser tests. */
export function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    ).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path === "/" ? "preview.html" : path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${address.port}/` });
    })
  );
}

const OFFICE_JS = join(__dirname, "../../node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/**
 * A Chromium-based browser, headless, with Playwright driving it; find-browser.ts says
 * which one (Playwright cannot download its browsers here, so none is assumed).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(await resolveBrowser()),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

/**
 * Answers the office.js CDN with the @microsoft/office-js package's files, and
 * refuses every other address that is not the local server: the page loads offline.
 */
export async function offline(page: Page, local: string): Promise<void> {
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(local) || url.startsWith("data:") || url.startsWith("blob:"))
      return route.continue();
    if (url.startsWith(CDN)) {
      const file = join(OFFICE_JS, url.slice(CDN.length).split("?")[0]);
      if (existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
    }
    return route.abort();
  });
}
