import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { writeDirectorateFolder } from "../../bench/generate-folder";
import { launchChromium } from "../support/web-build";
import { runCommand } from "../support/run-report";

const SCREENSHOTS = join(__dirname, "../../test-output/screenshots");

let browser: Browser;
let html: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "objective-check-dashboard-"));
  // Ten directorates' workbooks from the project's builder, small enough for a test.
  const source = writeDirectorateFolder(join(dir, "round"), 10, {
    objectives: 12,
    phasesPerObjective: 5,
    indicatorsPerObjective: 2,
  });
  html = join(dir, "cruscotto.html");
  const { code } = await runCommand([
    "report",
    source,
    "--as-of",
    "2024-06-30",
    "--out",
    join(dir, "riepilogo.xlsx"),
    "--html",
    html,
  ]);
  expect(code).toBe(1);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function open(width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // Nothing may be fetched: the file must open from a mail attachment, offline.
  const requests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  await page.goto(`file://${html}`);
  expect(requests).toEqual([]);
  return page;
}

describe("the round's dashboard", () => {
  it("has its three charts, each labelled, and the late objectives' table", async () => {
    const page = await open();
    const charts = page.locator("figure svg");
    expect(await charts.count()).toBe(3);
    for (const label of [
      "Obiettivi per stato e direzione",
      "Avanzamento atteso ed effettivo per direzione",
      "Obiettivi in ritardo e scaduti",
    ])
      await page.getByRole("heading", { name: label }).waitFor();
    // Each chart is an image named by its title and description.
    const names = await charts.evaluateAll((svgs) =>
      svgs.map(
        (svg) => svg.getAttribute("aria-label") ?? svg.querySelector("title")?.textContent ?? ""
      )
    );
    expect(names).toEqual([
      expect.stringMatching(/^Obiettivi per stato e direzione\. Grafico a barre/),
      expect.stringMatching(/^Avanzamento atteso ed effettivo per direzione\. Grafico/),
      expect.stringMatching(/^Obiettivi in ritardo e scaduti\. /),
    ]);
    expect(await page.getByRole("img").count()).toBe(3);
    expect(await page.getByRole("table", { name: "Riepilogo per direzione" }).count()).toBe(1);
    expect(await page.locator("script").count()).toBe(0);
    await page.close();
  });

  it("does not scroll sideways at 1280 px, and prints on A4 landscape without overflow", async () => {
    const page = await open(1280);
    const wide = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth
      );
    expect(await wide()).toBe(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "dashboard-it.png") });
    await page.emulateMedia({ media: "print" });
    // A4 landscape less 12 mm margins each side, in CSS pixels (96 per inch).
    await page.setViewportSize({ width: Math.floor(((297 - 24) / 25.4) * 96), height: 700 });
    expect(await wide()).toBe(false);
    const pdf = await page.pdf({ format: "A4", landscape: true, preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.close();
  });

  it("is reachable from the keyboard: the scrolling tables take focus", async () => {
    const page = await open();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("role"));
    expect(focused).toBe("region");
    expect(readFileSync(html, "utf8")).toContain('lang="it"');
    await page.close();
  });
});
