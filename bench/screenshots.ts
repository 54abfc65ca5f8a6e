/**
 * `npm run screenshots`: remakes the README's pictures of the planning pane
 * (docs/pane-*.png) from the preview, on the 400-objective plan the findings
 * bench and the browser tests load, at the pane's 320 px.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { openPreview, openWorkbook } from "../test/support/preview";
import { buildWeb, launchChromium, serve } from "../test/support/web-build";
import { generateFindingsPlan } from "./generate-findings-plan";

const DOCS = join(__dirname, "../docs");

/** Each picture: the pane's theme and language, and the words the script clicks. */
const SHOTS = [
  {
    file: "pane-light-it.png",
    query: "?theme=light&lang=it",
    validate: "Controlla obiettivi",
    all: "700 segnalazioni",
    groupBy: "Raggruppa per",
    department: "Direzione",
    next: "Successiva",
    position: "3 di 700",
  },
  {
    file: "pane-dark-en.png",
    query: "?theme=dark&lang=en",
    validate: "Check objectives",
    all: "700 findings",
    groupBy: "Group by",
    department: "Direzione",
    next: "Next",
    position: "3 of 700",
  },
];

async function main(): Promise<void> {
  const plan = generateFindingsPlan();
  const { server, url } = await serve(await buildWeb());
  const browser = await launchChromium();
  try {
    for (const shot of SHOTS) {
      // Tall enough for the pane to show the findings and the Cronoprogramma without scrolling.
      const { page } = await openPreview(browser, url, {
        query: shot.query,
        viewport: { width: 1100, height: 1560 },
      });
      const pane = await openWorkbook(page, plan);
      await pane.getByRole("button", { name: shot.validate }).click();
      const position = pane.getByTestId("position");
      await position.filter({ hasText: new RegExp(`^${shot.all}$`) }).waitFor();
      await pane.getByRole("combobox", { name: shot.groupBy }).click();
      await pane.getByRole("option", { name: shot.department }).click();
      for (let i = 0; i < 3; i++)
        await pane.getByRole("button", { name: shot.next, exact: true }).click();
      await position.filter({ hasText: new RegExp(`^${shot.position}$`) }).waitFor();
      // The Gantt follows the current finding's objective.
      const current = await pane.getByRole("treeitem", { selected: true }).textContent();
      const code = /2024_OB\d{3}/.exec(
        (await pane.getByRole("region").first().textContent()) ?? current ?? ""
      )?.[0];
      if (code) await pane.getByRole("heading", { level: 3, name: new RegExp(code) }).waitFor();
      await pane.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const path = join(DOCS, shot.file);
      await (await page.$("[data-testid=pane]"))!.screenshot({ path });
      console.log(`${path}: ${(statSync(path).size / 1024).toFixed(0)} KB`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
