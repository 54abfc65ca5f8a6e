import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { sheetCellReference } from "../../engine/cell-address";
import type { Finding } from "../../engine/findings";
import type { SuggestedFix } from "../../engine/suggested-fix";
import type { Catalogue } from "../../i18n";
import { renderMessage } from "../../i18n";

/** An info is advice: an informative badge, not a warning's (domain.md §4). */
const BADGE_COLOURS = { error: "danger", warning: "warning", info: "informative" } as const;

/** Errors, then warnings, then infos. */
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    height: "auto",
    textAlign: "start",
    whiteSpace: "normal",
    paddingBlock: tokens.spacingVerticalXS,
  },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  entry: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  fix: { marginInlineStart: tokens.spacingHorizontalS },
});

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  readonly words: Catalogue;
  readonly onSelect: (finding: Finding) => void;
  /** The domain's suggested fix for a finding, if it has one. */
  readonly fixFor: (finding: Finding) => SuggestedFix | null;
  readonly onFix: (fix: SuggestedFix) => void;
}

/** Findings grouped by objective, errors first; each one jumps to its cell. */
export function FindingsList({
  findings,
  words,
  onSelect,
  fixFor,
  onFix,
}: FindingsListProps): React.JSX.Element {
  const styles = useStyles();
  if (findings.length === 0) return <Text>{words.addin.noFindings}</Text>;
  const groups = new Map<string, Finding[]>();
  for (const finding of [...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  )) {
    const key = finding.objective ?? "—";
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return (
    <div>
      {[...groups].map(([objective, items]) => (
        <section key={objective} className={styles.group} aria-label={objective}>
          <Text weight="semibold">{objective}</Text>
          {items.map((finding, i) => {
            const fix = fixFor(finding);
            return (
              <div key={i} className={styles.entry}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  onClick={() => onSelect(finding)}
                  disabled={finding.cell === null}
                >
                  <span className={styles.line}>
                    <Badge color={BADGE_COLOURS[finding.severity]}>
                      {words.addin.severity[finding.severity]}
                    </Badge>
                    {finding.sheet && finding.cell ? (
                      <Text font="monospace">
                        {sheetCellReference(finding.sheet, finding.cell)}
                      </Text>
                    ) : null}
                  </span>
                  <Text>{renderMessage(finding, words.language)}</Text>
                </Button>
                {fix ? (
                  <Button size="small" className={styles.fix} onClick={() => onFix(fix)}>
                    {words.addin.useSuggestion(fix.display)}
                  </Button>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
