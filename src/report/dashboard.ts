import { parse as parseVega, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { formatDay, isoFromDay } from "../engine/days";
import { catalogue } from "../i18n";
import { reportTexts } from "../i18n/report-texts";
import { OBJECTIVE_STATUSES, type RoundReport } from "./report-model";

/**
 * The round's dashboard: one HTML file with its charts drawn beforehand as SVG
 * by Vega-Lite (compiled to Vega, rendered by Vega's headless view, which needs
 * no DOM or canvas in Node). It holds no script and loads nothing, so it opens
 * from a mail attachment, offline, where scripts are blocked.
 */
export async function dashboardHtml(report: RoundReport): Promise<string> {
  const { language } = report;
  const words = reportTexts(language);
  const d = words.dashboard;
  const statusWords = catalogue(language).status;
  const directorates = report.directorates();
  const name = (directorate: string) => (directorate === "" ? words.noDirectorate : directorate);
  const statusNames = [...OBJECTIVE_STATUSES.map((s) => statusWords[s]), words.columns.noStatus];

  const byStatus = await svg(
    {
      description: d.byStatusDescription,
      width: 560,
      data: {
        values: directorates.flatMap((line) =>
          [...OBJECTIVE_STATUSES, "none" as const].map((s) => ({
            directorate: name(line.directorate),
            status: s === "none" ? words.columns.noStatus : statusWords[s],
            count: line.byStatus[s],
          }))
        ),
      },
      mark: { type: "bar", stroke: "white", strokeWidth: 1 },
      encoding: {
        y: { field: "directorate", type: "nominal", title: null, sort: null },
        x: { field: "count", type: "quantitative", title: words.columns.objectives, stack: "zero" },
        color: {
          field: "status",
          type: "nominal",
          title: words.columns.status,
          scale: { domain: statusNames, range: STATUS_COLOURS },
          legend: { orient: "bottom", columns: 4 },
        },
        tooltip: [{ field: "directorate" }, { field: "status" }, { field: "count" }],
      },
    },
    d.byStatus
  );

  const progress = await svg(
    {
      description: d.progressDescription,
      width: 560,
      data: {
        values: directorates
          .filter((line) => line.measured > 0)
          .flatMap((line) => [
            { directorate: name(line.directorate), kind: d.expected, value: line.expectedProgress },
            { directorate: name(line.directorate), kind: d.actual, value: line.actualProgress },
          ]),
      },
      encoding: {
        y: { field: "directorate", type: "nominal", title: null, sort: null },
        yOffset: { field: "kind", sort: [d.expected, d.actual] },
        x: {
          field: "value",
          type: "quantitative",
          title: null,
          scale: { domain: [0, 1] },
          axis: { format: "%" },
        },
      },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            color: {
              field: "kind",
              type: "nominal",
              title: null,
              scale: { domain: [d.expected, d.actual], range: ["#9db7d5", "#1f4e79"] },
              legend: { orient: "bottom" },
            },
          },
        },
        {
          // The figure written at the end of each bar: the value never depends on reading a colour.
          mark: { type: "text", align: "left", dx: 3, fontSize: 10 },
          encoding: { text: { field: "value", type: "quantitative", format: ".0%" } },
        },
      ],
    },
    d.progress
  );

  const behind = report.behind;
  const timeline =
    behind.length === 0
      ? ""
      : await svg(
          {
            description: d.timelineDescription(behind.map((o) => o.code ?? "").join(", ")),
            width: 760,
            data: {
              values: behind.flatMap((o) =>
                o.phases
                  .filter((p) => p.start !== null && p.end !== null)
                  .map((p) => ({
                    objective: `${o.code ?? ""} ${statusWords[o.status]}`,
                    phase: p.description ?? "",
                    start: isoFromDay(p.start as number),
                    end: isoFromDay((p.end as number) + 1),
                    status: statusWords[p.status],
                  }))
              ),
            },
            layer: [
              {
                mark: { type: "bar", height: 10, stroke: "#333", strokeWidth: 0.5 },
                encoding: {
                  y: { field: "objective", type: "nominal", title: null, sort: null },
                  x: { field: "start", type: "temporal", title: null, axis: { format: "%d/%m" } },
                  x2: { field: "end" },
                  color: {
                    field: "status",
                    type: "nominal",
                    title: d.phase,
                    scale: { domain: statusNames, range: STATUS_COLOURS },
                    legend: { orient: "bottom", columns: 4 },
                  },
                  tooltip: [{ field: "phase" }, { field: "status" }],
                },
              },
              {
                data: { values: [{ date: isoFromDay(report.asOf), label: d.asOfLine }] },
                layer: [
                  {
                    mark: { type: "rule", strokeDash: [4, 3], color: "#000" },
                    encoding: { x: { field: "date", type: "temporal" } },
                  },
                  {
                    mark: { type: "text", align: "left", dx: 3, baseline: "top", y: 0 },
                    encoding: { x: { field: "date", type: "temporal" }, text: { field: "label" } },
                  },
                ],
              },
            ],
          },
          d.behind
        );

  const unchecked = report.files.filter((f) => f.error !== null);
  const objectivesCount = report.objectives.length;
  const percent = (value: number | null) => (value === null ? "" : `${Math.round(value * 100)}%`);
  const lang = language;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(d.title)}</h1>
<p>${esc(d.subtitle(formatDay(report.asOf), report.files.length, objectivesCount))}</p>
</header>
<main>
<section aria-labelledby="by-status"><h2 id="by-status">${esc(d.byStatus)}</h2>
<figure>${byStatus}<figcaption>${esc(d.byStatusDescription)}</figcaption></figure>
</section>
<section aria-labelledby="progress"><h2 id="progress">${esc(d.progress)}</h2>
<figure>${progress}<figcaption>${esc(d.progressDescription)}</figcaption></figure>
<div class="scroll" tabindex="0" role="region" aria-labelledby="table-title">
<table><caption id="table-title">${esc(d.directorateTable)}</caption>
<thead><tr><th scope="col">${esc(words.columns.directorate)}</th><th scope="col">${esc(words.columns.objectives)}</th><th scope="col">${esc(words.columns.late)}</th><th scope="col">${esc(words.columns.pastDue)}</th><th scope="col">${esc(words.columns.errors)}</th><th scope="col">${esc(words.columns.warnings)}</th><th scope="col">${esc(d.expected)}</th><th scope="col">${esc(d.actual)}</th></tr></thead>
<tbody>${directorates
    .map(
      (line) =>
        `<tr><th scope="row">${esc(name(line.directorate))}</th><td>${line.objectives}</td><td>${line.late}</td><td>${line.pastDue}</td><td>${line.errors}</td><td>${line.warnings}</td><td>${percent(line.expectedProgress)}</td><td>${percent(line.actualProgress)}</td></tr>`
    )
    .join("\n")}</tbody></table></div>
</section>
<section aria-labelledby="behind"><h2 id="behind">${esc(d.behind)}</h2>
${
  behind.length === 0
    ? `<p>${esc(d.noBehind)}</p>`
    : `<p>${esc(d.behindIntro(behind.length, report.behindCount))}</p>
<figure>${timeline}<figcaption>${esc(d.timelineDescription(""))}</figcaption></figure>
<div class="scroll" tabindex="0" role="region" aria-labelledby="behind-table">
<table><caption id="behind-table">${esc(d.behind)}</caption>
<thead><tr><th scope="col">${esc(words.columns.code)}</th><th scope="col">${esc(words.columns.title)}</th><th scope="col">${esc(words.columns.directorate)}</th><th scope="col">${esc(words.columns.status)}</th><th scope="col">${esc(d.expected)}</th><th scope="col">${esc(d.actual)}</th><th scope="col">${esc(words.columns.file)}</th></tr></thead>
<tbody>${behind
        .map(
          (o) =>
            `<tr><th scope="row">${esc(o.code ?? "")}</th><td>${esc(o.title ?? "")}</td><td>${esc(o.directorate ?? words.noDirectorate)}</td><td>${esc(statusWords[o.status])}</td><td>${percent(o.expectedProgress)}</td><td>${percent(o.actualProgress)}</td><td>${esc(o.file)}</td></tr>`
        )
        .join("\n")}</tbody></table></div>`
}
</section>
<section aria-labelledby="unchecked"><h2 id="unchecked">${esc(d.unchecked)}</h2>
${
  unchecked.length === 0
    ? `<p>${esc(d.allChecked)}</p>`
    : `<ul>${unchecked.map((f) => `<li><strong>${esc(f.file)}</strong>: ${esc(f.error ?? "")}</li>`).join("\n")}</ul>`
}
</section>
</main>
</body>
</html>
`;
}

/** Late red, past due and missing dates amber, then blues and green; one per status, in OBJECTIVE_STATUSES order. */
const STATUS_COLOURS = [
  "#c00000",
  "#e69f00",
  "#f0d060",
  "#b4c7e7",
  "#2e75b6",
  "#548235",
  "#a6a6a6",
];

/** A Vega-Lite chart drawn as SVG, with its title and description as the SVG's accessible name. */
async function svg(spec: TopLevelSpec, title: string): Promise<string> {
  const full = {
    ...spec,
    title,
    config: { font: "Segoe UI, Helvetica, Arial, sans-serif", view: { stroke: null } },
  } as TopLevelSpec;
  const view = new View(parseVega(compile(full).spec), { renderer: "none" });
  const markup = await view.toSVG();
  view.finalize();
  // A screen reader announces the chart by its title and description (Vega's string renderer names neither).
  const label = esc(`${title}. ${(spec as { description?: string }).description ?? ""}`);
  return markup.replace("<svg ", `<svg role="img" aria-label="${label}" `);
}

function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch
  );
}

/**
 * Fits 1280 px without sideways scrolling (charts shrink to their column), and
 * A4 landscape when printed: charts kept whole on a page, tables unclipped.
 */
const STYLE = `
:root { color-scheme: light; font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 24px 0 8px; border-bottom: 1px solid #ccc; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: #444; }
.scroll { max-width: 100%; overflow-x: auto; }
.scroll:focus-visible, a:focus-visible { outline: 3px solid #1f4e79; outline-offset: 2px; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
thead th { background: #eef2f7; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  section { break-inside: avoid-page; }
  figure { break-inside: avoid; }
  .scroll { overflow: visible; }
  table { width: 100%; }
}
`;
