/**
 * `npm run bench`: speed and memory figures, printed, never asserted (shared
 * machines are noisy). Ratios compare two timings taken in the same run.
 */
import { execFileSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { validateWorkbook } from "../src/adapters/office/validate-workbook";
import { planWrites, runEngine } from "../src/engine";
import { workbookSnapshotSchema, type WorkbookSnapshot } from "../src/engine/snapshot";
import { FakeExcelHost } from "../src/fake-excel/fake-excel-host";
import { workbookStateFromSnapshot } from "../src/fake-excel/load-snapshot";
import { day } from "../test/support/engine";
import type { Frame, Page } from "playwright-core";
import { openPreview, openWorkbook } from "../test/support/preview";
import { launchChromium, offline, serve } from "../test/support/web-build";
import { buildXlsx } from "../test/support/xlsx-builder";
import { DIRECTORATE_SIZE, writeDirectorateFolder } from "./generate-folder";
import { BENCH_SIZE, generatePlan } from "./generate-plan";
import { generateFindingsPlan } from "./generate-findings-plan";
import { messageTexts } from "../src/i18n";

const RUNS = 5;
const asOf = day("2024-06-30");
const ms = (value: number) => value.toFixed(0);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(2);

function best(run: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** The same data as an .xlsx through the CLI's steps, in a fresh process for an honest peak memory. */
function cli(snapshot: WorkbookSnapshot, rows: number): string {
  const dir = mkdtempSync(join(tmpdir(), "objective-check-bench-"));
  const xlsx = join(dir, "plan.xlsx");
  writeFileSync(xlsx, buildXlsx(snapshot, { sharedStrings: true }));
  const output = execFileSync(
    process.execPath,
    [join(__dirname, "cli-phases.js"), xlsx, join(dir, "out")],
    {
      encoding: "utf8",
    }
  );
  const figures = JSON.parse(output) as {
    readMs: number;
    checkMs: number;
    writeMs: number;
    peakMb: number;
    startMb: number;
    findings: number;
  };
  const total = figures.readMs + figures.checkMs + figures.writeMs;
  console.log(
    `cli: ${mb(statSync(xlsx).size)} MB .xlsx, ${rows} rows, ${figures.findings} findings`
  );
  console.log(
    `cli: read ${ms(figures.readMs)} ms, check ${ms(figures.checkMs)} ms, write ${ms(figures.writeMs)} ms; check is ${((figures.checkMs / total) * 100).toFixed(0)}% of the whole; peak memory ${figures.peakMb.toFixed(0)} MB (${figures.startMb.toFixed(0)} MB of it Node's before reading; goal ≤ 300 MB)`
  );
  return xlsx;
}

/** Excel through Office.js, simulated by the strict fake: round trips and the size of each request. */
async function office(snapshot: () => WorkbookSnapshot): Promise<void> {
  const run = async (host: FakeExcelHost) => {
    const start = performance.now();
    const outcome = await validateWorkbook(host, asOf, "it");
    return { outcome, elapsed: performance.now() - start, stats: host.lastRun };
  };
  const { outcome, elapsed, stats } = await run(
    new FakeExcelHost(workbookStateFromSnapshot(snapshot()))
  );
  const { syncs, requestBytes, responseBytes } = stats;
  console.log(
    `office: ${syncs} syncs (${syncs - outcome.write.syncs} to read, ${outcome.write.syncs} to confirm the rows and write) in ${ms(elapsed)} ms through the fake`
  );
  console.log(
    `office: largest request ${mb(Math.max(...requestBytes))} MB, largest response ${mb(Math.max(...responseBytes))} MB (Excel on the web's limit: 5 MB)`
  );
  console.log(`office: MB per request ${requestBytes.map(mb).join(" ")}`);
  console.log(`office: MB per response ${responseBytes.map(mb).join(" ")}`);

  // The phases table filtered by owner, as a directorate filters it before clicking Validate.
  const filtered = new FakeExcelHost(workbookStateFromSnapshot(snapshot()));
  filtered.state.tables[1].filters.set(5, {
    criteria: { filterOn: "Values", values: ["RESPONSABILE 1", "RESPONSABILE 2"] },
  });
  const f = await run(filtered);
  console.log(
    `office: filtered phases table: ${f.stats.syncs} syncs in ${ms(f.elapsed)} ms, ${f.outcome.write.filtersLost.length} filters to set again, largest request ${mb(Math.max(...f.stats.requestBytes))} MB, largest response ${mb(Math.max(...f.stats.responseBytes))} MB`
  );

  // A co-author inserts a phase half way through the run: the rows are read again once.
  const moved = new FakeExcelHost(workbookStateFromSnapshot(snapshot()));
  moved.coauthorEdit(Math.floor(syncs / 2), {
    kind: "insert",
    table: "Fasi",
    row: 50_000,
    values: ["2024_A00000", "Fase inserita da un coautore", 0, 45_300, 45_310, "RESPONSABILE 1"],
  });
  const m = await run(moved);
  console.log(
    `office: co-author inserts a phase before sync ${Math.floor(syncs / 2) + 1}: ${m.stats.syncs} syncs in ${ms(m.elapsed)} ms, largest request ${mb(Math.max(...m.stats.requestBytes))} MB, largest response ${mb(Math.max(...m.stats.responseBytes))} MB`
  );
}

/** What the ribbon command's page and the task pane's page load, besides office.js. */
function bundles(): string {
  const out = mkdtempSync(join(tmpdir(), "objective-check-bundle-"));
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${out}`],
    {
      stdio: "ignore",
      cwd: join(__dirname, ".."),
    }
  );
  for (const [page, goal] of [
    ["commands", 60],
    ["taskpane", 350],
  ] as const) {
    const html = readFileSync(join(out, `${page}.html`), "utf8");
    const scripts = [...html.matchAll(/src="?([^"\s>]+\.js)"?/g)]
      .map((m) => m[1])
      .filter((src) => !src.startsWith("http"));
    const gzipped = scripts.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(out, src)), { level: 9 }).length,
      0
    );
    console.log(
      `bundle: ${page} page ${(gzipped / 1024).toFixed(1)} KB gzipped besides office.js (goal ≤ ${goal} KB)`
    );
  }
  return out;
}

/**
 * The pane in Chromium on the preview's fake Excel with 150 ms per sync: time
 * to its first paint, and from clicking Validate on the 100,000-phase workbook
 * to the results.
 */
async function pane(web: string, xlsx: string): Promise<void> {
  const { server, url } = await serve(web);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await offline(page, url);
    await page.goto(`${url}preview.html?latency=150`);
    const frame = (await (await page.waitForSelector("[data-testid=pane]")).contentFrame())!;
    await frame.waitForSelector("main button");
    const paint = await frame.evaluate(
      () =>
        window.performance.getEntriesByName("first-contentful-paint")[0]?.startTime ??
        window.performance.now()
    );
    console.log(`pane: first paint ${ms(paint)} ms after the pane's navigation started`);
    await page.setInputFiles("input[type=file]", xlsx);
    await page.waitForFunction(
      () => window.objectiveCheckPreview?.host.state.tables[1]?.rowCount === 100_000,
      undefined,
      {
        timeout: 120_000,
      }
    );
    const fresh = (await (await page.waitForSelector("[data-testid=pane]")).contentFrame())!;
    // The pane reloads beside a 100,000-phase workbook: slow on a busy machine.
    await fresh.waitForSelector("main button", { timeout: 120_000 });
    const runsBefore = await page.evaluate(() => window.objectiveCheckPreview!.host.runs.length);
    const start = performance.now();
    await fresh.getByRole("button", { name: "Controlla obiettivi" }).click();
    await fresh.getByText(/obiettivi controllati/).waitFor({ timeout: 600_000 });
    const total = performance.now() - start;
    console.log(
      `pane: Validate to results on the 100,000-phase workbook, 150 ms per sync: ${ms(total)} ms (goal ≤ 3000 ms)`
    );
    // The findings and then the Cronoprogramma draw after the verdict, each in tasks of their own.
    await fresh.locator("h3").first().waitFor({ timeout: 120_000 });
    await paneBreakdown(page, fresh, runsBefore, total);
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Where the Validate click's time went: the User Timing measures the adapter,
 * the worker seam and the pane record (src/adapters/office/timing.ts), and the
 * fake's own figures for each sync of the check's Excel.run.
 */
async function paneBreakdown(
  page: Page,
  frame: Frame,
  runsBefore: number,
  total: number
): Promise<void> {
  const measures = await frame.evaluate(() =>
    Object.fromEntries(
      window.performance
        .getEntriesByType("measure")
        .filter((entry) => entry.name.startsWith("objective-check:"))
        .map((entry) => [entry.name.slice("objective-check:".length), entry.duration])
    )
  );
  // The check's Excel.run is the one with the most syncs among those the click started.
  const stats = await page.evaluate(
    (from) =>
      window
        .objectiveCheckPreview!.host.runs.slice(from)
        .map((run) => run.stats)
        .sort((a, b) => b.syncs - a.syncs)[0],
    runsBefore
  );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const part = (name: string) => measures[name] ?? NaN;
  const wait = sum(stats.waitMs);
  const busy = sum(stats.busyMs);
  const transfer = part("worker") - part("engine");
  const untimed = total - part("validate") - part("render");
  console.log(
    `pane: ${stats.syncs} syncs, ${ms(wait)} ms waiting out their round trips, ${ms(busy)} ms in the fake's own work (Excel's side; ${stats.busyMs.map(ms).join(" ")})`
  );
  console.log(
    `pane: read ${ms(part("read"))} ms (rows handed to the worker meanwhile: ${ms(part("worker-stream"))} ms posting, ${ms(part("worker-rows"))} ms parsing in the worker), check ${ms(part("check"))} ms (engine in the worker ${ms(part("engine"))} ms; transfer ${ms(transfer)} ms: post ${ms(part("worker-post"))}, worker reads it ${ms(part("worker-receive"))}, answer read ${ms(part("worker-answer-read"))}), write ${ms(part("write"))} ms, validate in all ${ms(part("validate"))} ms`
  );
  console.log(
    `pane: render ${ms(part("render"))} ms to the findings drawn (goal < 300 ms), ${ms(part("render-timeline"))} ms to the Cronoprogramma; the rest (click, settings, paint) ${ms(untimed)} ms; total ${ms(total)} ms against the 3000 ms goal`
  );
}

/**
 * The findings list on the 400-objective plan (700 findings) in the preview
 * at 150 ms per sync: the spinner after the click, Validate to the first
 * findings drawn and to the Cronoprogramma, a search keystroke and a rule chip
 * to the updated list, each with the longest main-thread task meanwhile
 * (PerformanceObserver 'longtask', observed in the pane's frame).
 */
async function paneFindings(web: string): Promise<void> {
  const plan = generateFindingsPlan();
  const { server, url } = await serve(web);
  const browser = await launchChromium();
  try {
    const { page } = await openPreview(browser, url, {
      query: "?latency=150",
      viewport: { width: 1100, height: 760 },
    });
    const pane = await openWorkbook(page, plan);
    // From the next click or key press to the first frame where each condition holds. The
    // pane's frame shares its main thread with the preview's fake Excel and sheet view: a
    // long task's `name` tells the pane's own ("self") from the preview's ("…-ancestor").
    // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`.
    const arm = (conditions: string[]) =>
      pane.evaluate(`(() => {
        let longest = 0;
        let own = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            longest = Math.max(longest, entry.duration);
            if (entry.name === "self") own = Math.max(own, entry.duration);
          }
        }).observe({ type: "longtask" });
        const conditions = [${conditions.map((c) => `() => ${c}`).join(", ")}];
        window.benchResult = new Promise((resolve) => {
          let start = 0;
          const times = conditions.map(() => 0);
          const begin = () => (start = start || performance.now());
          document.addEventListener("pointerdown", begin, { capture: true, once: true });
          document.addEventListener("keydown", begin, { capture: true, once: true });
          const check = () => {
            if (start > 0)
              conditions.forEach((holds, i) => {
                if (times[i] === 0 && holds())
                  requestAnimationFrame(() => (times[i] = times[i] || performance.now() - start));
              });
            if (times.every((t) => t > 0)) return resolve({ times, longest, own });
            setTimeout(check, 1);
          };
          check();
        });
      })()`);
    const result = () =>
      pane.evaluate(
        () =>
          (
            window as unknown as {
              benchResult: Promise<{ times: number[]; longest: number; own: number }>;
            }
          ).benchResult
      );
    const tasks = (r: { longest: number; own: number }) =>
      `longest main-thread task ${ms(r.longest)} ms, the pane's own ${ms(r.own)} ms (goal ≤ 50 ms)`;
    await arm([
      "document.querySelector('[role=progressbar]') !== null",
      "document.querySelector(\"[role=treeitem][aria-level='2']\") !== null",
      "document.querySelector('h3') !== null",
    ]);
    await pane.getByRole("button", { name: "Controlla obiettivi" }).click();
    const validate = await result();
    const [spinner, shown, gantt] = validate.times;
    console.log(`pane findings: spinner ${ms(spinner)} ms after the click`);
    console.log(
      `pane findings: Validate to the first findings drawn (400 objectives, 700 findings, 150 ms per sync) ${ms(shown)} ms (goal ≤ 100 ms after the results), the Cronoprogramma ${ms(gantt)} ms; ${tasks(validate)}`
    );
    const measures = await pane.evaluate(() =>
      window.performance
        .getEntriesByType("measure")
        .filter((entry) => entry.name.startsWith("objective-check:"))
        .map((entry) => [entry.name.slice("objective-check:".length), entry.duration] as const)
    );
    const part = (name: string) => measures.find(([n]) => n === name)?.[1] ?? NaN;
    console.log(
      `pane findings: results to the first findings drawn ${ms(part("render"))} ms, to the Cronoprogramma ${ms(part("render-timeline"))} ms; the check before them ${ms(part("validate"))} ms`
    );
    // "2024_OB00" shows objectives 1-9; the keystroke "1" narrows it to objective 1.
    const search = pane.getByRole("searchbox", { name: "Cerca" });
    await search.fill("2024_OB00");
    await pane.getByTestId("position").filter({ hasNotText: "700 segnalazioni" }).waitFor();
    const before = await pane.getByTestId("position").textContent();
    await arm([
      `document.querySelector('[data-testid=position]').textContent !== ${JSON.stringify(before)}`,
    ]);
    await search.press("1");
    const keystroke = await result();
    console.log(
      `pane findings: a search keystroke to the updated list ${ms(keystroke.times[0])} ms; ${tasks(keystroke)}`
    );
    await pane.getByRole("searchbox", { name: "Cerca" }).fill("");
    await pane.getByTestId("position").filter({ hasText: "700 segnalazioni" }).waitFor();
    await arm([
      "document.querySelector('[data-testid=position]').textContent === '200 segnalazioni'",
    ]);
    await pane.getByRole("button", { name: "Date fuori anno (200)" }).click();
    const chip = await result();
    console.log(
      `pane findings: a rule chip to the updated list ${ms(chip.times[0])} ms; ${tasks(chip)}`
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/** The engine on the snapshot a host hands over, against the JSON.parse every Office.js host pays anyway. */
function engine(snapshot: WorkbookSnapshot, rows: number): void {
  const json = JSON.stringify(snapshot);
  const parseMs = best(() => JSON.parse(json));
  const validateMs = best(() => workbookSnapshotSchema.parse(JSON.parse(json)));
  const engineMs = best(() => planWrites(runEngine(snapshot, { asOf }, asOf), messageTexts));
  console.log(
    `engine: snapshot ${mb(json.length)} MB of JSON; JSON.parse ${ms(parseMs)} ms; JSON.parse + zod validation ${ms(validateMs)} ms`
  );
  console.log(`engine: ${Math.round(rows / (engineMs / 1000))} rows per second`);
  console.log(
    `engine: ${rows} rows in ${ms(engineMs)} ms; ratio to JSON.parse ${(engineMs / parseMs).toFixed(2)}`
  );
}

interface FolderFigures {
  readonly ms: number;
  readonly peakMb: number;
  readonly code: number;
  readonly outputMb: number;
}

/** `objective-check validate DIR` in a fresh process, so its peak memory is the run's alone. */
function folderRun(dir: string, flags: string[] = [], command = "validate"): FolderFigures {
  const script = join(__dirname, "cli-folder.js");
  const output = execFileSync(process.execPath, [script, command, dir, ...flags], {
    encoding: "utf8",
    maxBuffer: 1_048_576,
  });
  return JSON.parse(output) as FolderFigures;
}

interface ReportPhases {
  readonly times: { readCheck: number; model: number; summary: number; dashboard: number };
  readonly peaks: { files: number; summary: number };
}

/** `report`'s steps timed one by one (bench/report-phases.js), in a fresh process. */
function reportPhases(dir: string, outDir: string): ReportPhases {
  const output = execFileSync(
    process.execPath,
    [join(__dirname, "report-phases.js"), dir, outDir],
    { encoding: "utf8", maxBuffer: 1_048_576 }
  );
  return JSON.parse(output) as ReportPhases;
}

/** A folder holding the first `count` workbooks of `source`, linked rather than copied. */
function subset(source: string, count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `objective-check-subset-${count}-`));
  for (const name of readdirSync(source).sort().slice(0, count))
    symlinkSync(join(source, name), join(dir, name));
  return dir;
}

/**
 * A planning office's folder: 200 directorate workbooks of 400 objectives, 2,000 phases and
 * 800 indicators each, checked in text and in JSON; then memory against the number of files
 * (50 and 300 small workbooks), which must stay flat. Generation is not timed.
 */
function folder(): void {
  const root = mkdtempSync(join(tmpdir(), "objective-check-folder-"));
  const large = writeDirectorateFolder(join(root, "large"), 200, DIRECTORATE_SIZE);
  const sizeMb = readdirSync(large).reduce(
    (sum, name) => sum + statSync(join(large, name)).size,
    0
  );
  const rows =
    200 *
    DIRECTORATE_SIZE.objectives *
    (1 + DIRECTORATE_SIZE.phasesPerObjective + DIRECTORATE_SIZE.indicatorsPerObjective);
  for (const flags of [[], ["--json"]]) {
    const run = folderRun(large, flags);
    console.log(
      `folder: 200 workbooks (${mb(sizeMb)} MB, ${rows} rows)${flags.length > 0 ? " --json" : ""}: ${ms(run.ms)} ms, ${(run.ms / 200).toFixed(0)} ms per file, peak memory ${run.peakMb.toFixed(0)} MB, ${run.outputMb.toFixed(1)} MB of output, exit ${run.code}`
    );
  }
  // The monitoring round's deliverables over the same folder, against `validate` in the same run.
  const plain = folderRun(large);
  const out = join(root, "riepilogo.xlsx");
  const html = join(root, "cruscotto.html");
  const round = folderRun(large, ["--out", out, "--html", html], "report");
  console.log(
    `folder: report of 200 workbooks: ${ms(round.ms)} ms (goal < 30000), peak memory ${round.peakMb.toFixed(0)} MB (goal < 500), exit ${round.code}; summary ${mb(statSync(out).size)} MB, dashboard ${mb(statSync(html).size)} MB; ratio to validate ${(round.ms / plain.ms).toFixed(2)} (validate ${ms(plain.ms)} ms)`
  );
  const phases = reportPhases(large, root);
  console.log(
    `folder: report's steps: read+check ${ms(phases.times.readCheck)} ms, model ${ms(phases.times.model)} ms, summary workbook ${ms(phases.times.summary)} ms, dashboard ${ms(phases.times.dashboard)} ms; peak memory ${phases.peaks.files.toFixed(0)} MB after the files, ${phases.peaks.summary.toFixed(0)} MB after the summary`
  );
  const small = writeDirectorateFolder(join(root, "small"), 300, {
    objectives: 20,
    phasesPerObjective: 5,
    indicatorsPerObjective: 2,
  });
  const fifty = subset(small, 50);
  for (const flags of [[], ["--json"]]) {
    const [few, many] = [folderRun(fifty, flags), folderRun(small, flags)];
    console.log(
      `folder: peak memory${flags.length > 0 ? " --json" : ""} ${few.peakMb.toFixed(0)} MB after 50 small workbooks, ${many.peakMb.toFixed(0)} MB after 300 (${(((many.peakMb - few.peakMb) / 250) * 1024).toFixed(0)} KB per extra file)`
    );
  }
  // Some 60 MB of generated workbooks and summaries a run: not left behind in the shared /tmp.
  rmSync(fifty, { recursive: true });
  rmSync(root, { recursive: true });
}

/** `npm run bench` runs every section; `npm run bench -- office` (or cli, bundle, pane, engine, folder) only those named. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (section: string) => only.length === 0 || only.includes(section);
  if (["cli", "pane", "office", "engine"].some(wanted)) {
    const snapshot = generatePlan(BENCH_SIZE);
    const rows = snapshot.tables.reduce((sum, t) => sum + t.rows.length, 0);
    const xlsx = wanted("cli") || wanted("pane") ? cli(snapshot, rows) : "";
    if (wanted("office")) await office(() => generatePlan(BENCH_SIZE));
    const web = wanted("bundle") || wanted("pane") ? bundles() : "";
    if (wanted("pane")) await pane(web, xlsx);
    if (wanted("pane")) await paneFindings(web);
    if (wanted("engine")) engine(snapshot, rows);
  } else if (wanted("bundle")) bundles();
  // `npm run bench -- findings`: only the findings list's figures, without the 100,000-phase workbook.
  if (only.includes("findings")) await paneFindings(bundles());
  if (wanted("folder")) folder();
}

void main();
