import { chooserGroups } from "../../../src/addin/taskpane/timeline-chooser";
import type { TimelineChoice } from "../../../src/engine/timeline";

const DIREZIONI = ["CULTURA", "AMBIENTE", null];
/** 20,000 objectives of three Direzioni (one third with none), as a large plan's chooser holds. */
const choices: TimelineChoice[] = Array.from({ length: 20_000 }, (_, i) => ({
  code: `2024_OB${String(i + 1).padStart(5, "0")}`,
  title: `Obiettivo numero ${i + 1}`,
  department: DIREZIONI[i % 3],
}));

describe("the Cronoprogramma's chooser", () => {
  it("shows the first 50 objectives grouped by Direzione in table order, and counts the rest", () => {
    const { groups, matches } = chooserGroups(choices, "", "Senza direzione");
    expect(matches).toBe(20_000);
    expect([...groups.keys()]).toEqual(["CULTURA", "AMBIENTE", "Senza direzione"]);
    expect([...groups.values()].flat().map((c) => c.code)).toHaveLength(50);
    expect(
      groups
        .get("CULTURA")!
        .map((c) => c.code)
        .slice(0, 2)
    ).toEqual(["2024_OB00001", "2024_OB00004"]);
  });

  it("finds by code, title or Direzione, case-insensitively", () => {
    const byCode = chooserGroups(choices, " ob01234 ", "Senza direzione");
    expect(byCode.matches).toBe(1);
    expect([...byCode.groups.values()].flat()[0].code).toBe("2024_OB01234");
    expect(chooserGroups(choices, "numero 19999", "Senza direzione").matches).toBe(1);
    expect(chooserGroups(choices, "ambiente", "Senza direzione").matches).toBe(6_667);
    expect(chooserGroups(choices, "nessuno", "Senza direzione")).toEqual({
      groups: new Map(),
      matches: 0,
    });
  });
});
