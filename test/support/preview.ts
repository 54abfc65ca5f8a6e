import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, Frame, Page } from "playwright-core";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { buildWeb, launchChromium, offline, serve } from "./web-build";
import { buildXlsx } from "./xlsx-builder";

/**
 * A browser test file's setup, registered as its beforeAll and afterAll: the
 * add-in's pages built (once for every file, see buildWeb) and served, and a
 * browser launched. Its tests read `browser` and `url` once it has run.
 */
export function previewSuite(): { readonly browser: Browser; readonly url: string } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url = "";
  beforeAll(async () => {
    ({ server, url } = await serve(await buildWeb()));
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error("the browser is launched in beforeAll");
      return browser;
    },
    get url() {
      return url;
    },
  };
}

/** The value of a cell of the preview's fake workbook (row 1-based, column 0-based as the fake keeps them). */
export function cellValue(page: Page, sheet: string, row: number, col: number): Promise<unknown> {
  return page.evaluate(
    ([s, r, c]) =>
      window.objectiveCheckPreview!.host.state.sheets.get(s as string)!.cells.get(`${r}:${c}`)
        ?.value ?? null,
    [sheet, row, col] as const
  );
}

export interface PreviewOptions {
  /** preview.html's query: `?latency=150`, `?theme=dark&lang=en`, `?workbook=empty`… */
  readonly query?: string;
  /** The page's size; the pane's frame inside it is 320 px wide whatever the page's width. */
  readonly viewport?: { width: number; height: number };
  readonly forcedColors?: "active" | "none";
}

/** The pane's frame, once its page has drawn (after a load or a workbook dropped on the preview). */
export async function paneFrame(page: Page): Promise<Frame> {
  const pane = (await (await page.waitForSelector("[data-testid=pane]")).contentFrame())!;
  await pane.waitForSelector("main button");
  return pane;
}

/** The preview (the pane beside the fake Excel's sheets), served offline at `url`. */
export async function openPreview(
  browser: Browser,
  url: string,
  {
    query = "",
    viewport = { width: 1280, height: 800 },
    forcedColors = "none",
  }: PreviewOptions = {}
): Promise<{ page: Page; pane: Frame }> {
  const page = await browser.newPage({ viewport, forcedColors });
  await offline(page, url);
  await page.goto(`${url}preview.html${query}`);
  return { page, pane: await paneFrame(page) };
}

/** A workbook as an .xlsx in a fresh temporary folder. */
export function xlsxFile(snapshot: WorkbookSnapshot, name = "piano.xlsx"): string {
  const file = join(mkdtempSync(join(tmpdir(), "objective-check-preview-")), name);
  writeFileSync(file, buildXlsx(snapshot));
  return file;
}

/**
 * Loads a workbook into the preview as if dropped on it (`file`, its .xlsx,
 * written from the snapshot unless given), waits until the fake Excel holds
 * it (each table named and with as many rows as the snapshot's) and returns
 * the reloaded pane.
 */
export async function openWorkbook(
  page: Page,
  snapshot: WorkbookSnapshot,
  file = xlsxFile(snapshot)
): Promise<Frame> {
  await page.setInputFiles("input[type=file]", file);
  const expected = snapshot.tables.map((t) => [t.name, t.rows.length] as const);
  await page.waitForFunction(
    (tables) =>
      tables.every(([name, rows], i) => {
        const held = window.objectiveCheckPreview?.host.state.tables[i];
        return held?.name === name && held.rowCount === rows;
      }),
    expected,
    { timeout: 300_000 }
  );
  return paneFrame(page);
}
