import {
  Combobox,
  Field,
  makeStyles,
  Option,
  OptionGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { sheetCellReference } from "../../engine/cell-address";
import { formatDay } from "../../engine/days";
import type { EngineResult } from "../../engine/result";
import {
  timelineIndex,
  type ObjectiveTimeline,
  type TimelineBar,
  type TimelineChoice,
} from "../../engine/timeline";
import type { Catalogue } from "../../i18n";
import { chooserGroups, MAX_CHOOSER_OPTIONS } from "./timeline-chooser";
import { BAR_STYLES, LEGEND_ORDER, MARKER_COLOUR, type BarStyle } from "./timeline-style";

export interface CronoprogrammaProps {
  readonly result: EngineResult;
  /** The current finding's objective code: the Gantt follows it; null lets the user choose. */
  readonly objective: string | null;
  readonly words: Catalogue;
  readonly onSelectPhase: (sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  chooser: { minWidth: 0, width: "100%" },
  title: { fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "24px", height: "10px", boxSizing: "border-box", flexShrink: 0 },
  markerSwatch: { width: 0, height: "14px", flexShrink: 0 },
  axis: {
    display: "flex",
    // Level with the bars' tracks, which sit inside the phase buttons' padding and border.
    paddingInline: `calc(${tokens.spacingHorizontalXS} + 1px)`,
    justifyContent: "space-between",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  phases: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  phase: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  label: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground2 },
  track: { position: "relative", height: "12px", width: "100%" },
  bar: { position: "absolute", top: "1px", height: "10px", boxSizing: "border-box" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  marker: { position: "absolute", top: "-2px", bottom: "-2px", width: 0 },
});

/** A bar's look: its colour, and a pattern that tells the status apart without the colour. */
function barLook(style: BarStyle): React.CSSProperties {
  const colour = tokens[style.colour as keyof typeof tokens];
  switch (style.pattern) {
    case "solid":
      // The border too: forced colours drop backgrounds but keep borders (as CanvasText).
      return { backgroundColor: colour, border: `1px solid ${colour}` };
    case "stripes":
      return {
        border: `1px solid ${colour}`,
        backgroundImage: `repeating-linear-gradient(135deg, ${colour} 0 3px, transparent 3px 6px)`,
      };
    case "dots":
      return {
        border: `1px solid ${colour}`,
        backgroundImage: `radial-gradient(${colour} 1.5px, transparent 1.6px)`,
        backgroundSize: "5px 5px",
      };
    case "outline":
      return { border: `2px solid ${colour}` };
    case "dashed":
      return { border: `2px dashed ${colour}` };
  }
}

function choiceLabel(choice: TimelineChoice): string {
  return choice.title ? `${choice.code} – ${choice.title}` : choice.code;
}

function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/**
 * The Cronoprogramma of one objective: its phases as bars over the plan year,
 * the reference date as a line. It follows the current finding's objective;
 * a chooser grouped by Direzione reaches any other of the plan's objectives.
 */
export function Cronoprogramma({
  result,
  objective,
  words,
  onSelectPhase,
}: CronoprogrammaProps): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  const index = React.useMemo(() => timelineIndex(result), [result]);
  const { choices } = index;
  const [picked, setPicked] = React.useState<string | null>(null);
  // A new current finding wins over an earlier choice: the Gantt follows the user's place in the list.
  React.useEffect(() => setPicked(null), [objective]);
  const code =
    picked ??
    choices.find((c) => objective !== null && sameCode(c.code, objective))?.code ??
    choices[0]?.code ??
    null;
  const current = choices.find((c) => c.code === code) ?? null;
  const timeline = React.useMemo(
    () => (code === null ? null : index.timeline(code)),
    [index, code]
  );
  const [query, setQuery] = React.useState<string | null>(null);
  const [open, setOpen] = React.useState(false);
  const shownQuery = query ?? (current ? choiceLabel(current) : "");
  // The options exist only while the list is open: closed, the chooser costs nothing per objective.
  const { groups, matches } = open
    ? chooserGroups(choices, query ?? "", words.addin.timelineNoDepartment)
    : { groups: new Map<string, TimelineChoice[]>(), matches: 0 };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {words.addin.timelineHeading}
      </Text>
      {choices.length === 0 ? (
        <Text>{words.addin.timelineNone}</Text>
      ) : (
        <>
          <Field
            label={words.addin.timelineObjective}
            hint={words.addin.timelineChooserHint(choices.length)}
          >
            <Combobox
              className={styles.chooser}
              freeform
              value={shownQuery}
              selectedOptions={code === null ? [] : [code]}
              onChange={(event) => setQuery(event.target.value)}
              onOpenChange={(_, data) => {
                setOpen(data.open);
                if (!data.open) setQuery(null);
              }}
              // Typing text that matches no option "clears" the selection: that is no choice, keep the query.
              onOptionSelect={(_, data) => {
                if (!data.optionValue) return;
                setPicked(data.optionValue);
                setQuery(null);
              }}
            >
              {!open ? null : matches === 0 ? (
                <Option disabled value="" text="">
                  {words.addin.timelineNoMatch}
                </Option>
              ) : (
                <>
                  {[...groups].map(([department, members]) => (
                    <OptionGroup key={department} label={department}>
                      {members.map((choice) => (
                        <Option key={choice.code} value={choice.code} text={choiceLabel(choice)}>
                          {choiceLabel(choice)}
                        </Option>
                      ))}
                    </OptionGroup>
                  ))}
                  {matches > MAX_CHOOSER_OPTIONS ? (
                    <Option disabled value="" text="">
                      {words.addin.timelineMoreMatches(matches - MAX_CHOOSER_OPTIONS)}
                    </Option>
                  ) : null}
                </>
              )}
            </Combobox>
          </Field>
          {timeline ? (
            <Gantt timeline={timeline} words={words} onSelectPhase={onSelectPhase} />
          ) : null}
        </>
      )}
    </section>
  );
}

function Gantt({
  timeline,
  words,
  onSelectPhase,
}: {
  timeline: ObjectiveTimeline;
  words: Catalogue;
  onSelectPhase: (sheet: string, cell: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const span = timeline.to + 1 - timeline.from;
  const percent = (day: number) => `${((day - timeline.from) / span) * 100}%`;
  const shown = new Set(timeline.bars.map((b) => b.status));
  return (
    <>
      <Text as="h3" weight="semibold" className={styles.title}>
        {timeline.title ? `${timeline.code} – ${timeline.title}` : timeline.code}
      </Text>
      <ul className={styles.legend} aria-label={words.addin.timelineLegend}>
        {LEGEND_ORDER.filter((status) => shown.has(status)).map((status) => (
          <li key={status} className={styles.legendItem}>
            <span
              aria-hidden="true"
              className={styles.swatch}
              style={barLook(BAR_STYLES[status])}
            />
            {`${BAR_STYLES[status].glyph} ${words.status[status]}`}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span
            aria-hidden="true"
            className={styles.markerSwatch}
            style={{ borderLeft: `2px solid ${tokens[MARKER_COLOUR as keyof typeof tokens]}` }}
          />
          {words.addin.timelineReference(formatDay(timeline.asOf))}
        </li>
      </ul>
      <div className={styles.axis} aria-hidden="true">
        <span>{formatDay(timeline.from)}</span>
        <span>{formatDay(timeline.to)}</span>
      </div>
      <ul className={styles.phases}>
        {timeline.bars.map((bar) => (
          <li key={bar.row}>
            <PhaseBar
              bar={bar}
              timeline={timeline}
              percent={percent}
              words={words}
              onSelect={() => onSelectPhase(bar.sheet, bar.cell)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function PhaseBar({
  bar,
  timeline,
  percent,
  words,
  onSelect,
}: {
  bar: TimelineBar;
  timeline: ObjectiveTimeline;
  percent: (day: number) => string;
  words: Catalogue;
  onSelect: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const style = BAR_STYLES[bar.status];
  const weight = bar.weight === null ? "" : ` · ${words.number(bar.weight)}%`;
  const dates =
    bar.start === null && bar.end === null
      ? words.addin.timelineNoDate
      : `${bar.start !== null ? formatDay(bar.start) : "?"} – ${
          bar.end !== null ? formatDay(bar.end) : words.addin.timelineOpenEnd
        }`;
  const start = bar.start;
  const end = bar.end !== null ? bar.end + 1 : bar.open ? timeline.to + 1 : null;
  const status = words.status[bar.status];
  return (
    // A native button named by its own text: a click, Enter and Space all select the phase's cell.
    <button type="button" className={styles.phase} onClick={onSelect}>
      <span className={styles.label}>
        {bar.label}
        {weight}
      </span>
      <span className={styles.meta}>
        <span aria-hidden="true">{`${style.glyph} `}</span>
        {`${status} · ${dates}`}
      </span>
      {/* Read out, not shown: the cell the button selects. */}
      <span className={styles.hidden}>
        {` ${words.addin.timelineSelect(sheetCellReference(bar.sheet, bar.cell))}`}
      </span>
      <span className={styles.track} aria-hidden="true">
        {start !== null && end !== null ? (
          <span
            className={styles.bar}
            style={{
              left: percent(start),
              width: `max(3px, calc(${percent(end)} - ${percent(start)}))`,
              ...barLook(style),
            }}
          />
        ) : null}
        <span
          className={styles.marker}
          style={{
            left: `calc(${percent(timeline.asOf)} - 1px)`,
            // A border, not a background, so that forced colours keep the line.
            borderLeft: `2px solid ${tokens[MARKER_COLOUR as keyof typeof tokens]}`,
          }}
        />
      </span>
    </button>
  );
}
