import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { BAR_STYLES, MARKER_COLOUR } from "../../../src/addin/taskpane/timeline-style";

/** WCAG 2.2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

// The pane's themes: index.tsx picks light or dark from Office; high contrast is Fluent's own.
const THEMES: [string, Theme][] = [
  ["light", webLightTheme],
  ["dark", webDarkTheme],
  ["high contrast", teamsHighContrastTheme],
];

describe("the Cronoprogramma's colours", () => {
  it.each(THEMES)(
    "keep every bar and the reference line at 3:1 or more against the pane's background (%s)",
    (_, theme) => {
      const background = theme.colorNeutralBackground1;
      const ratios = Object.fromEntries(
        [
          ...Object.entries(BAR_STYLES).map(([status, s]) => [status, s.colour] as const),
          ["marker", MARKER_COLOUR] as const,
        ].map(([name, token]) => [name, contrast(theme[token] as string, background)])
      );
      for (const [name, ratio] of Object.entries(ratios))
        expect({ name, ok: ratio >= 3 }).toEqual({ name, ok: true });
    }
  );

  it("tells every status apart by pattern or glyph, not by colour alone", () => {
    const cues = Object.values(BAR_STYLES).map((s) => `${s.pattern} ${s.glyph}`);
    expect(new Set(cues).size).toBe(cues.length);
    expect(new Set(Object.values(BAR_STYLES).map((s) => s.glyph)).size).toBe(cues.length);
  });
});
