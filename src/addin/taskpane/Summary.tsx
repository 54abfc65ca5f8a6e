import { makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../engine/findings";
import type { Summary as Counts } from "../../engine/result";
import type { Catalogue } from "../../i18n";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Objectives, phases and indicators checked; errors and warnings; how many findings of each rule. */
export function Summary({
  counts,
  findings,
  words,
}: {
  counts: Counts;
  findings: readonly Finding[];
  words: Catalogue;
}): React.JSX.Element {
  const styles = useStyles();
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  return (
    <section aria-label={words.addin.summaryHeading}>
      <Text>{words.cli.summary(counts)}</Text>
      {byRule.size > 0 ? (
        <ul className={styles.list}>
          {[...byRule].map(([rule, count]) => (
            <li key={rule}>
              <Text font="monospace" size={200}>
                {rule}
              </Text>{" "}
              <Text size={200}>× {count}</Text>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
