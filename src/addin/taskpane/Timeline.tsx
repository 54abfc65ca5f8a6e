import { makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatDay } from "../../engine/days";
import type { ObjectiveTimeline, TimelineBar } from "../../engine/timeline";
import type { Catalogue } from "../../i18n";

const WIDTH = 288;
const ROW = 34;
const TOP = 18;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  svg: { width: "100%", height: "auto", overflow: "visible" },
});

const FILL: Record<TimelineBar["status"], string> = {
  late: tokens.colorPaletteRedBackground3,
  "past-due": tokens.colorPaletteDarkOrangeBackground3,
  "missing-dates": "none",
  completed: tokens.colorPaletteGreenBackground3,
  "in-progress": tokens.colorBrandBackground,
  "not-started": tokens.colorNeutralBackground5,
};

/** One objective's phases as a Gantt: bars over the plan year, the reference date as a line. */
export function Timeline({
  timeline,
  words,
}: {
  timeline: ObjectiveTimeline;
  words: Catalogue;
}): React.JSX.Element {
  const styles = useStyles();
  const span = timeline.to - timeline.from;
  const x = (day: number) => ((day - timeline.from) / span) * WIDTH;
  const height = TOP + timeline.bars.length * ROW;
  const summary = timeline.bars
    .map(
      (bar) =>
        `${bar.label}: ${bar.start !== null ? formatDay(bar.start) : "?"} – ${bar.end !== null ? formatDay(bar.end) : "?"}, ${words.status[bar.status]}`
    )
    .join("; ");
  return (
    <figure className={styles.figure}>
      <Text as="h3" weight="semibold" size={300}>
        {timeline.code}
      </Text>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${timeline.code}. ${summary}`}
      >
        <text x={0} y={10} fontSize={9} fill={tokens.colorNeutralForeground3}>
          {formatDay(timeline.from)}
        </text>
        <text x={WIDTH} y={10} fontSize={9} textAnchor="end" fill={tokens.colorNeutralForeground3}>
          {formatDay(timeline.to)}
        </text>
        {timeline.bars.map((bar, i) => (
          <Bar key={bar.row} bar={bar} y={TOP + i * ROW} x={x} to={timeline.to} words={words} />
        ))}
        <line
          x1={x(timeline.asOf)}
          x2={x(timeline.asOf)}
          y1={TOP - 4}
          y2={height}
          stroke={tokens.colorNeutralForeground1}
          strokeDasharray="2 2"
        />
        <text
          x={x(timeline.asOf)}
          y={height + 10}
          fontSize={9}
          textAnchor="middle"
          fill={tokens.colorNeutralForeground1}
        >
          {formatDay(timeline.asOf)}
        </text>
      </svg>
    </figure>
  );
}

function Bar({
  bar,
  y,
  x,
  to,
  words,
}: {
  bar: TimelineBar;
  y: number;
  x: (day: number) => number;
  to: number;
  words: Catalogue;
}): React.JSX.Element {
  const label = bar.label.length > 38 ? `${bar.label.slice(0, 37)}…` : bar.label;
  const weight = bar.weight === null ? "" : ` · ${words.number(bar.weight)}%`;
  const start = bar.start === null ? null : x(bar.start);
  const end = bar.end !== null ? x(bar.end + 1) : bar.open ? x(to) : null;
  const marked =
    bar.status === "late" || bar.status === "past-due" || bar.status === "missing-dates";
  return (
    <g>
      <title>{`${bar.label}${weight}: ${words.status[bar.status]}`}</title>
      <text x={0} y={y + 9} fontSize={9} fill={tokens.colorNeutralForeground2}>
        {label}
        {weight}
      </text>
      {start !== null && end !== null ? (
        <rect
          x={start}
          y={y + 13}
          width={Math.max(2, end - start)}
          height={10}
          rx={2}
          fill={FILL[bar.status]}
          stroke={bar.open ? tokens.colorPaletteRedBorder2 : "none"}
          strokeDasharray={bar.open ? "4 2" : undefined}
          strokeWidth={bar.open ? 1.5 : 0}
        />
      ) : null}
      {marked ? (
        // Not colour alone: the late, past-due and missing-date phases carry their status in words.
        <text
          x={x(to)}
          y={y + 9}
          fontSize={8}
          textAnchor="end"
          fontWeight={600}
          fill={tokens.colorPaletteRedForeground1}
        >
          {words.status[bar.status]}
        </text>
      ) : null}
    </g>
  );
}
