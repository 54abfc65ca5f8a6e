import { Badge, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import * as React from "react";
import type { Catalogue } from "../../i18n";
import type { FindingEntry, GroupHeading, ViewRow } from "./findings-view";
import { useNextTask } from "./staged-render";

/**
 * Every row has a fixed height (a heading on up to two lines, a finding's
 * first line and two lines of its message), so the list needs no measuring:
 * measuring each row and drawing the list again cost more than the first draw.
 */
const GROUP_HEIGHT = 49;
const FINDING_HEIGHT = 61;

const useStyles = makeStyles({
  tree: {
    height: "min(26rem, 60vh)",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  canvas: { position: "relative", width: "100%" },
  row: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    boxSizing: "border-box",
    cursor: "pointer",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  group: {
    height: `${GROUP_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  heading: {
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  finding: { height: `${FINDING_HEIGHT}px`, paddingInlineStart: tokens.spacingHorizontalL },
  active: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  line: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    whiteSpace: "nowrap",
    overflow: "hidden",
  },
  // The rule's name gives way (shortened with an ellipsis) to the severity and the cell.
  ruleName: { overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  message: {
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
});

/** A group's heading: «2018_ZN12 · Avvio e realizzazione… · SERVIZI SOCIALI», or a rule's name… */
export function headingText(heading: GroupHeading, words: Catalogue): string {
  const texts = words.addin.navigation;
  switch (heading.kind) {
    case "objective":
      return [heading.code, heading.title, heading.department].filter(Boolean).join(" · ");
    case "department":
      return heading.department;
    case "rule":
      return heading.name;
    case "severity":
      return words.addin.severity[heading.severity];
    case "workbook":
      return texts.workbook;
    case "no-objective":
      return texts.noObjective;
    case "no-department":
      return texts.noDepartment;
  }
}

export interface FindingsListProps {
  readonly rows: readonly ViewRow[];
  readonly currentKey: string | null;
  readonly words: Catalogue;
  /** The user chose a finding (click, Enter): it becomes the current one and its cell is selected. */
  readonly onChoose: (entry: FindingEntry) => void;
  readonly onToggle: (groupKey: string) => void;
}

export interface FindingsListHandle {
  focus(): void;
}

const NO_ROWS: readonly ViewRow[] = [];

const BADGE_COLOURS = { error: "danger", warning: "warning", info: "informative" } as const;

const rowId = (row: ViewRow) =>
  row.kind === "group" ? `group-${row.group.key}` : `finding-${row.entry.key}`;
/** Ids must be valid in aria-activedescendant: no spaces. */
const domId = (row: ViewRow) => `oc-${encodeURIComponent(rowId(row)).replace(/%/g, "_")}`;

/**
 * A finding row's content, memoised: when the virtualizer measures the rows
 * and moves them, only their positions render again (on a large plan that
 * second render cost as much as the first).
 */
const FindingContent = React.memo(function FindingContent({
  entry,
  isCurrent,
  words,
}: {
  entry: FindingEntry;
  isCurrent: boolean;
  words: Catalogue;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <span className={styles.line}>
        <Badge
          color={BADGE_COLOURS[entry.finding.severity]}
          appearance={isCurrent ? "filled" : "tint"}
        >
          {words.addin.severity[entry.finding.severity]}
        </Badge>
        {entry.finding.accepted ? (
          <Text size={200} weight="semibold">
            {words.addin.acceptedBadge}
          </Text>
        ) : null}
        {entry.where ? <Text font="monospace">{entry.where}</Text> : null}
        <Text size={200} title={entry.finding.rule} className={styles.ruleName}>
          {entry.ruleName}
        </Text>
      </span>
      <Text className={styles.message} size={200}>
        {entry.message}
      </Text>
    </>
  );
});

/**
 * The findings as a tree (WAI-ARIA tree pattern): one tab stop, arrow keys
 * inside, groups folding with Left/Right, Enter choosing a finding. Only the
 * rows on screen are in the DOM, so 700 findings cost what 20 do. Memoised:
 * the pane's later render stages (the Cronoprogramma) do not draw it again.
 */
const FindingsListInner = React.forwardRef<FindingsListHandle, FindingsListProps>(
  function FindingsList({ rows: latestRows, currentKey, words, onChoose, onToggle }, ref) {
    const styles = useStyles();
    // The rows draw in a task after the list's controls, each task well under 50 ms.
    const rows = useNextTask(latestRows, NO_ROWS);
    const scroller = React.useRef<HTMLDivElement>(null);
    const [activeId, setActiveId] = React.useState<string | null>(null);
    React.useImperativeHandle(ref, () => ({ focus: () => scroller.current?.focus() }), []);
    const virtualizer = useVirtualizer({
      count: rows.length,
      getScrollElement: () => scroller.current,
      estimateSize: (i) => (rows[i].kind === "group" ? GROUP_HEIGHT : FINDING_HEIGHT),
      getItemKey: (i) => rowId(rows[i]),
      overscan: 3,
    });
    const currentIndex = rows.findIndex((r) => r.kind === "finding" && r.entry.key === currentKey);
    // The current finding comes into view and takes the keyboard's place when it changes.
    React.useEffect(() => {
      if (currentIndex === -1) return;
      setActiveId(rowId(rows[currentIndex]));
      virtualizer.scrollToIndex(currentIndex, { align: "auto" });
    }, [currentKey, currentIndex]);
    let activeIndex = activeId === null ? -1 : rows.findIndex((r) => rowId(r) === activeId);
    if (activeIndex === -1 && rows.length > 0) activeIndex = Math.max(currentIndex, 0);
    const moveTo = (index: number) => {
      const target = Math.min(Math.max(index, 0), rows.length - 1);
      if (target < 0) return;
      setActiveId(rowId(rows[target]));
      virtualizer.scrollToIndex(target, { align: "auto" });
    };
    const onKeyDown = (event: React.KeyboardEvent) => {
      const row = rows[activeIndex];
      if (row === undefined) return;
      const handled = () => event.preventDefault();
      switch (event.key) {
        case "ArrowDown":
          handled();
          return moveTo(activeIndex + 1);
        case "ArrowUp":
          handled();
          return moveTo(activeIndex - 1);
        case "Home":
          handled();
          return moveTo(0);
        case "End":
          handled();
          return moveTo(rows.length - 1);
        case "ArrowRight":
          handled();
          if (row.kind === "group" && row.group.collapsed) onToggle(row.group.key);
          else if (row.kind === "group") moveTo(activeIndex + 1);
          return;
        case "ArrowLeft":
          handled();
          if (row.kind === "group" && !row.group.collapsed) onToggle(row.group.key);
          else if (row.kind === "finding")
            moveTo(rows.findIndex((r) => r.kind === "group" && r.group.key === row.group.key));
          return;
        case "Enter":
        case " ":
          handled();
          if (row.kind === "group") onToggle(row.group.key);
          else onChoose(row.entry);
          return;
      }
    };
    const active = rows[activeIndex];
    return (
      <div
        ref={scroller}
        role="tree"
        aria-label={words.addin.findingsHeading}
        tabIndex={0}
        aria-activedescendant={active ? domId(active) : undefined}
        className={styles.tree}
        onKeyDown={onKeyDown}
        data-testid="findings-tree"
      >
        <div
          role="presentation"
          className={styles.canvas}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const isActive = item.index === activeIndex;
            const common = {
              key: item.key,
              id: domId(row),
              "data-index": item.index,
              style: { transform: `translateY(${item.start}px)` },
            };
            if (row.kind === "group") {
              const { group } = row;
              return (
                <div
                  {...common}
                  role="treeitem"
                  aria-level={1}
                  aria-expanded={!group.collapsed}
                  aria-selected={false}
                  className={mergeClasses(styles.row, styles.group, isActive && styles.active)}
                  onClick={() => {
                    setActiveId(rowId(row));
                    onToggle(group.key);
                  }}
                >
                  <span className={styles.heading}>
                    {group.collapsed ? "▸ " : "▾ "}
                    {headingText(group.heading, words)} ({group.entries.length})
                  </span>
                </div>
              );
            }
            const { entry } = row;
            const isCurrent = entry.key === currentKey;
            return (
              <div
                {...common}
                role="treeitem"
                aria-level={2}
                aria-selected={isCurrent}
                className={mergeClasses(
                  styles.row,
                  styles.finding,
                  isCurrent && styles.current,
                  isActive && styles.active
                )}
                onClick={() => {
                  setActiveId(rowId(row));
                  onChoose(entry);
                }}
              >
                <FindingContent entry={entry} isCurrent={isCurrent} words={words} />
              </div>
            );
          })}
        </div>
      </div>
    );
  }
);

export const FindingsList = React.memo(FindingsListInner);
