import type { TimelineChoice } from "../../engine/timeline";

/**
 * The most options the open chooser draws: a plan of 20,000 objectives would
 * otherwise put 20,000 options in the page. The rest are reached by typing.
 */
export const MAX_CHOOSER_OPTIONS = 50;

/** The matches the chooser shows, grouped by Direzione in table order, and how many it leaves out. */
export function chooserGroups(
  choices: readonly TimelineChoice[],
  query: string,
  noDepartment: string,
  limit = MAX_CHOOSER_OPTIONS
): { groups: Map<string, TimelineChoice[]>; matches: number } {
  const needle = query.trim().toLowerCase();
  const groups = new Map<string, TimelineChoice[]>();
  let matches = 0;
  for (const choice of choices) {
    if (
      needle !== "" &&
      ![choice.code, choice.title ?? "", choice.department ?? ""].some((text) =>
        text.toLowerCase().includes(needle)
      )
    )
      continue;
    matches++;
    if (matches > limit) continue;
    const department = choice.department ?? noDepartment;
    const members = groups.get(department);
    if (members) members.push(choice);
    else groups.set(department, [choice]);
  }
  return { groups, matches };
}
