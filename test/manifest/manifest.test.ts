import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import webpack from "webpack";
import { validateXML } from "xmllint-wasm";
import { findElement, findElements } from "../../src/adapters/xlsx/xml";
import { ADDIN_ID } from "../../src/adapters/xlsx/document-settings";

// acorn comes with webpack; it parses at a given ECMAScript version and throws on newer syntax.
const acorn = require("acorn") as {
  parse(code: string, options: { ecmaVersion: number; sourceType: "script" }): unknown;
};
/**
 * ExcelApi 1.14 (manifest.xml) admits WebView2 (Chromium) on Windows, WKWebView on the Mac and
 * iPad, and today's browsers for Excel on the web. ES2022, not older: Fluent UI's tabster ships
 * class static blocks (Chromium 94, Safari 16.4), so an older Safari shows the fallback message.
 */
const SHIPPED_ECMA = 2022;

const ROOT = join(__dirname, "../..");
const SCHEMAS = join(__dirname, "../schemas");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const PROD_URL = "https://addins.comune.example.it/objective-check/";

async function xsdErrors(xml: string): Promise<string[]> {
  const preload = readdirSync(SCHEMAS)
    .filter((f) => f.endsWith(".xsd") && f !== "OfficeAppManifestV1_1.xsd")
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMAS, fileName), "utf8") }));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [readFileSync(join(SCHEMAS, "OfficeAppManifestV1_1.xsd"), "utf8")],
    preload,
  });
  return result.errors.map((e) => e.rawMessage);
}

async function build(outDir: string): Promise<webpack.Stats> {
  // webpack.config.js is CommonJS, as webpack's CLI loads it.

  const makeConfig = require("../../webpack.config.js") as (
    env: object,
    argv: object
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ urlProd: PROD_URL, outDir }, { mode: "production" });
  return new Promise((resolve, reject) =>
    webpack({ ...config, devtool: false }, (error, stats) =>
      error || !stats || stats.hasErrors() ? reject(error ?? stats?.toString()) : resolve(stats)
    )
  );
}

function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("is well-formed and valid against the Office add-in XSDs", async () => {
    expect(XMLValidator.validate(manifest)).toBe(true);
    expect(await xsdErrors(manifest)).toEqual([]);
  });

  it("fails the XSDs when an element is out of order (the check can fail)", async () => {
    const misordered = manifest
      .replace("<Permissions>ReadWriteDocument</Permissions>", "")
      .replace("<Requirements>", "<Permissions>ReadWriteDocument</Permissions><Requirements>");
    expect((await xsdErrors(misordered)).join("\n")).toMatch(/Permissions.*not expected/);
  });

  it("names the add-in with the id the command line looks for in a workbook's stored settings", () => {
    expect(manifest).toContain(`<Id>${ADDIN_ID}</Id>`);
  });

  it("resolves every resid, and every id is unique", () => {
    const resources = findElement(manifest, "Resources")!;
    const ids = findElements(manifest, "Image", resources.openEnd, resources.innerEnd)
      .concat(findElements(manifest, "Url", resources.openEnd, resources.innerEnd))
      .concat(findElements(manifest, "String", resources.openEnd, resources.innerEnd))
      .map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const resids = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(ids).toContain(resid);
    const controlIds = [...manifest.matchAll(/<(?:Group|Control)[^>]* id="([^"]+)"/g)].map(
      (m) => m[1]
    );
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it("has Italian and English labels for the name, the group and both buttons", () => {
    for (const id of [
      "Group.Label",
      "Validate.Label",
      "Pane.Label",
      "Validate.Tooltip",
      "Pane.Tooltip",
    ]) {
      expect(manifest).toMatch(
        new RegExp(
          `id="${id.replace(".", "\\.")}" DefaultValue="[^"]+">\\s*<bt:Override Locale="it-IT" Value="[^"]+"/>`
        )
      );
    }
    expect(manifest).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="it-IT"/);
    expect(manifest).toContain("<FunctionName>validateObjective</FunctionName>");
    // The button checks every objective of the workbook, so its label says so (plural).
    expect(manifest).toMatch(
      /id="Validate\.Label" DefaultValue="Check objectives">\s*<bt:Override Locale="it-IT" Value="Controlla obiettivi"\/>/
    );
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.14"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  it("has icons at every size it names", () => {
    for (const match of manifest.matchAll(
      /<bt:Image id="Icon\.(\d+)" DefaultValue="https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)"\/>/g
    )) {
      const [, id, file, size] = match;
      expect(id).toBe(size);
      expect(pngSize(join(ROOT, file))).toEqual([Number(size), Number(size)]);
    }
  });

  it("builds for production with every URL on https at the given base, pointing at an emitted file", async () => {
    const out = mkdtempSync(join(tmpdir(), "objective-check-build-"));
    await build(out);
    const built = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(await xsdErrors(built)).toEqual([]);
    expect(built).not.toContain("localhost");
    expect(built).toContain("<AppDomain>https://addins.comune.example.it</AppDomain>");
    const urls = [...built.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(PROD_URL)).toBe(true);
      expect(
        readdirSync(join(out, ...url.slice(PROD_URL.length).split("/").slice(0, -1)))
      ).toContain(url.split("/").pop());
    }
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(4);
    const tooNew = scripts.flatMap((file) => {
      try {
        acorn.parse(readFileSync(join(out, file), "utf8"), {
          ecmaVersion: SHIPPED_ECMA,
          sourceType: "script",
        });
        return [];
      } catch (error) {
        return [`${file}: ${(error as Error).message}`];
      }
    });
    expect(tooNew).toEqual([]);
    // The unsupported-host check is inlined in each page and must parse in Internet Explorer 11.
    for (const page of ["taskpane.html", "commands.html", "dialog.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline.some((code) => code.includes("objectiveCheckUnsupported"))).toBe(true);
      for (const code of inline) {
        expect(() => acorn.parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
      }
    }
  }, 120_000);
});
