import type { Frame, Page } from "playwright-core";
import { generateFindingsPlan } from "../../bench/generate-findings-plan";
import { axeViolations } from "../support/axe";
import { openPreview, openWorkbook, previewSuite, xlsxFile } from "../support/preview";

const suite = previewSuite();
const plan = generateFindingsPlan();
let planFile: string;

beforeAll(() => {
  planFile = xlsxFile(plan);
});

/** The preview at the pane's real size (320 × 700), the plan loaded and checked. */
async function checkedPlan(): Promise<{ page: Page; pane: Frame }> {
  const { page } = await openPreview(suite.browser, suite.url, {
    viewport: { width: 1100, height: 760 },
  });
  const pane = await openWorkbook(page, plan, planFile);
  await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
  await position(pane, "700 segnalazioni");
  return { page, pane };
}

const position = (pane: Frame, text: string) =>
  pane
    .getByTestId("position")
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();

const selection = (page: Page) =>
  page.evaluate(() => window.objectiveCheckPreview!.host.state.selection);

/** The findings drawn, as their cell references, top to bottom. */
const drawnCells = (pane: Frame) =>
  pane.evaluate(() =>
    [...document.querySelectorAll("[role=treeitem][aria-level='2']")]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map(
        (el) => /(?:Fasi|Obiettivi|Indicatori)![A-Z]+\d+/.exec(el.textContent ?? "")?.[0] ?? null
      )
  );

const focusedRole = (pane: Frame) =>
  pane.evaluate(() => document.activeElement?.getAttribute("role") ?? null);

async function noAxeViolations(pane: Frame): Promise<void> {
  expect(await axeViolations(pane)).toEqual([]);
}

describe("navigating 700 findings in the pane (400 objectives)", () => {
  it("draws a constant number of rows, the first findings on the first screen, headings with code, title and Direzione", async () => {
    const { page, pane } = await checkedPlan();
    const rows = await pane.locator("[role=treeitem]").count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(40);
    expect(await pane.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(1500);
    const heading = pane.getByRole("treeitem", {
      name: /2024_OB001 · Obiettivo numero 1 · SERVIZI SOCIALI \(2\)/,
    });
    await heading.waitFor();
    const firstFinding = pane.locator("[role=treeitem][aria-level='2']").first();
    const box = (await firstFinding.boundingBox())!;
    const frame = (await (await page.$("[data-testid=pane]"))!.boundingBox())!;
    expect(frame.height).toBeGreaterThanOrEqual(690);
    expect(box.y + box.height - frame.y).toBeLessThanOrEqual(700);
    // One tab stop into the list.
    expect(await pane.locator("[role=tree] [tabindex='0']").count()).toBe(0);
    await noAxeViolations(pane);
  }, 120_000);

  it("searches by Direzione, groups by rule with counts, folds a group, filters by a rule chip", async () => {
    const { pane } = await checkedPlan();
    await pane.getByRole("searchbox", { name: "Cerca" }).fill("servizi sociali");
    // Objectives 1, 5, 9… (100): 100 owners, 100 missing ends, no next-year ends.
    await position(pane, "200 segnalazioni");
    await noAxeViolations(pane);
    await pane.getByRole("searchbox", { name: "Cerca" }).fill("");
    await position(pane, "700 segnalazioni");
    await pane.getByRole("combobox", { name: "Raggruppa per" }).click();
    await pane.getByRole("option", { name: "Regola" }).click();
    const group = pane.getByRole("treeitem", { name: /^▾ Fine mancante \(100\)/ });
    await group.waitFor();
    const drawn = await pane.locator("[role=treeitem][aria-level='2']").count();
    await group.click();
    await pane.getByRole("treeitem", { name: /^▸ Fine mancante \(100\)/ }).waitFor();
    expect(
      await pane
        .getByRole("treeitem", { name: /Fine mancante/ })
        .first()
        .getAttribute("aria-expanded")
    ).toBe("false");
    expect(await pane.locator("[role=treeitem][aria-level='2']").count()).toBeLessThanOrEqual(
      drawn
    );
    expect(
      await pane.locator("[role=treeitem][aria-level='2']", { hasText: "Fine mancante" }).count()
    ).toBe(0);
    await noAxeViolations(pane);
    await pane.getByRole("button", { name: "Date fuori anno (200)" }).click();
    await position(pane, "200 segnalazioni");
    await noAxeViolations(pane);
  }, 120_000);

  it("accepts a warning for every co-author (stored in the workbook, not counted as open) and restores it", async () => {
    const { page, pane } = await checkedPlan();
    const verdict = (text: RegExp) => pane.getByText(text).first().waitFor();
    // 600 warnings: 400 owners missing, 200 ends in the next year.
    await verdict(/100 errori, 600 avvisi/);
    const stored = () =>
      page.evaluate(
        () =>
          (
            window.objectiveCheckPreview!.host.settings.get("objectiveCheck") as {
              acceptedWarnings?: { rule: string; key: string }[];
            } | null
          )?.acceptedWarnings ?? []
      );
    // Objective 2's second phase ends on 15/02/2025: a multi-year phase the office accepts.
    const finding = pane.getByRole("treeitem", { name: /Fasi!E5/ });
    await pane.getByRole("searchbox", { name: "Cerca" }).fill("2024_OB002");
    await finding.click();
    // Errors have no Accept: only this warning does.
    await pane.getByRole("button", { name: "Accetta l'avviso" }).click();
    await verdict(/100 errori, 599 avvisi, 1 avviso accettato/);
    expect(await stored()).toEqual([
      {
        rule: "phase.dates.outside-year",
        key: expect.stringMatching(/^2024_OB002\tSECONDA FASE$/),
      },
    ]);
    await pane
      .locator("[role=treeitem]", { hasText: "Fasi!E5" })
      .filter({ hasText: "Accettato" })
      .waitFor();
    expect(await focusedRole(pane)).toBe("tree");
    await noAxeViolations(pane);
    await pane.getByRole("button", { name: "Ripristina l'avviso" }).click();
    await verdict(/100 errori, 600 avvisi/);
    expect(await stored()).toEqual([]);
  }, 120_000);

  it("walks the findings in screen order: the first Previous goes to the last, Next wraps to the first", async () => {
    const { page, pane } = await checkedPlan();
    const screen = (await drawnCells(pane)).slice(0, 3);
    for (const [i, cell] of screen.entries()) {
      await pane.getByRole("button", { name: "Successiva" }).click();
      await position(pane, `${i + 1} di 700`);
      await page.waitForFunction((c) => {
        const s = window.objectiveCheckPreview!.host.state.selection;
        return s !== null && `${s.sheet}!${s.address}` === c;
      }, cell);
      expect(await pane.locator("[role=treeitem][aria-selected=true]").textContent()).toContain(
        cell!
      );
    }
    const fresh = await checkedPlan();
    await fresh.pane.getByRole("button", { name: "Precedente" }).click();
    await position(fresh.pane, "700 di 700");
    // The last objective (400, BILANCIO): its second phase's end in the next year, on row 801.
    await fresh.page.waitForFunction(
      () => window.objectiveCheckPreview!.host.state.selection?.address === "E801"
    );
    await fresh.pane.locator("[role=treeitem][aria-selected=true]").waitFor();
    await fresh.pane.getByRole("button", { name: "Successiva" }).click();
    await position(fresh.pane, "1 di 700");
    await noAxeViolations(fresh.pane);
  }, 120_000);

  it("moves the cursor to the finding on a cell the user clicks in the sheet", async () => {
    const { page, pane } = await checkedPlan();
    await page.getByRole("tab", { name: "Fasi" }).click();
    // Objective 5's first phase (row 10) has no end date: the 8th finding on screen (1 to 4 have 7).
    await page.locator("td[data-cell=E10]").click();
    expect(await selection(page)).toEqual({ sheet: "Fasi", address: "E10" });
    await position(pane, "8 di 700");
    expect(await pane.locator("[role=treeitem][aria-selected=true]").textContent()).toContain(
      "Fasi!E10"
    );
  }, 120_000);

  it("gives focus back to the list after Escape on the fix dialog and after a fix, and goes on to the next finding", async () => {
    const { page, pane } = await checkedPlan();
    await pane.getByRole("button", { name: "Successiva" }).click();
    await position(pane, "1 di 700");
    await pane.getByRole("button", { name: "Usa 30/11/2024" }).click();
    await pane.getByRole("dialog").waitFor();
    await noAxeViolations(pane);
    await page.keyboard.press("Escape");
    await pane.getByRole("dialog").waitFor({ state: "detached" });
    await pane.waitForFunction(() => document.activeElement?.getAttribute("role") === "tree");
    await pane.getByRole("button", { name: "Usa 30/11/2024" }).click();
    await pane.getByRole("button", { name: "Scrivi" }).click();
    // Fasi!E2 is filled: 699 left, and the cursor is on the one that followed it.
    await position(pane, "1 di 699");
    expect(await pane.locator("[role=treeitem][aria-selected=true]").textContent()).toContain(
      "Fasi!F3"
    );
    await pane.waitForFunction(() => document.activeElement?.getAttribute("role") === "tree");
    expect(await focusedRole(pane)).toBe("tree");
    await noAxeViolations(pane);
  }, 120_000);
});
