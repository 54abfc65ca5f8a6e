require("tsx/cjs");
const { generatePlan, BENCH_SIZE } = require("/work/main/bench/generate-plan.ts");
const { runEngine, planWrites } = require("/work/main/dist/engine/index.js");
const s = generatePlan(BENCH_SIZE); const asOf = 19904;
for (let i = 0; i < 12; i++) { const t = performance.now(); planWrites(runEngine(s, { asOf }, asOf)); console.log("run", (performance.now() - t).toFixed(0)); }
