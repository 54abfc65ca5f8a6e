import type { Theme } from "@fluentui/react-components";
import type { PhaseStatus } from "../../engine/compute/statuses";

/** How a bar is drawn besides its colour, so that colour is never the only cue (WCAG 1.4.1). */
export type BarPattern = "solid" | "stripes" | "dots" | "outline" | "dashed";

export interface BarStyle {
  /** A Fluent theme colour token: its value in every theme is ≥ 3:1 against colorNeutralBackground1 (WCAG 1.4.11). */
  readonly colour: keyof Theme;
  readonly pattern: BarPattern;
  /** A glyph before the status word, read as a shape rather than a colour. */
  readonly glyph: string;
}

/**
 * The phase statuses as bars. Foreground tokens rather than the palettes'
 * Background3 ones: those fall to 2.7–2.95:1 on the dark theme's background.
 */
export const BAR_STYLES: Readonly<Record<PhaseStatus, BarStyle>> = {
  late: { colour: "colorPaletteRedForeground1", pattern: "stripes", glyph: "‼" },
  "past-due": { colour: "colorPaletteDarkOrangeForeground1", pattern: "dots", glyph: "!" },
  "missing-dates": { colour: "colorPaletteBerryForeground1", pattern: "dashed", glyph: "?" },
  completed: { colour: "colorPaletteGreenForeground1", pattern: "solid", glyph: "✓" },
  "in-progress": { colour: "colorBrandForeground1", pattern: "solid", glyph: "▶" },
  "not-started": { colour: "colorNeutralStrokeAccessible", pattern: "outline", glyph: "○" },
};

/** The line of the reference date, drawn over the bars. */
export const MARKER_COLOUR: keyof Theme = "colorNeutralForeground1";

/** The order statuses are listed in the legend: the ones that need action first. */
export const LEGEND_ORDER: readonly PhaseStatus[] = [
  "late",
  "past-due",
  "missing-dates",
  "in-progress",
  "not-started",
  "completed",
];
