import { readFileSync } from "node:fs";
import type { Frame, Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One axe violation, reduced to what a failing test should print. */
export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly targets: string[];
}

interface RawViolation {
  id: string;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Fluent's focus traps (tabster) put `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * sentinels at the edges of dialogs and lists: they catch Tab and hand focus on, and are
 * meant to be hidden from assistive technology. axe's `aria-hidden-focus` names them; only
 * those nodes of only that rule are set aside, every other node of the rule still fails.
 */
function isTabsterSentinel(ruleId: string, html: string): boolean {
  return ruleId === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/** Runs axe-core (WCAG 2.x A and AA, best practices) on the page or frame as it is now. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  // Colours are read as drawn: a dialog or message still fading in or out has text at part
  // opacity, which axe rightly fails. Finite animations end first; a spinner's never does.
  await target.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity
      )
  );
  const loaded = await target.evaluate(() => "axe" in window);
  if (!loaded) await target.evaluate(AXE_SOURCE);
  const raw = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    })) as { violations: RawViolation[] };
    return results.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html })),
    }));
  });
  return raw
    .map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes
        .filter((n) => !isTabsterSentinel(v.id, n.html))
        .map((n) => n.target.join(" ")),
    }))
    .filter((v) => v.targets.length > 0);
}
