import { validateWorkbook } from "./src/adapters/office/validate-workbook";
import { FakeExcelHost } from "./src/fake-excel/fake-excel-host";
import { workbookStateFromSnapshot } from "./src/fake-excel/load-snapshot";
import { generatePlan, BENCH_SIZE } from "./bench/generate-plan";
import { day } from "./test/support/engine";
(async () => {
  const state = workbookStateFromSnapshot(generatePlan(BENCH_SIZE));
  state.tableListeners.add(() => undefined);
  const host = new FakeExcelHost(state, { excelApi: "1.20" });
  const t = performance.now();
  await validateWorkbook(host, day("2024-06-30"), "it");
  console.log("total", performance.now() - t, "syncs", host.lastRun.syncs, "busy", host.lastRun.busyMs.map(Math.round).join(" "));
  console.log("resp", host.lastRun.responseBytes.map(b => (b/1e6).toFixed(2)).join(" "));
  console.log("req", host.lastRun.requestBytes.map(b => (b/1e6).toFixed(2)).join(" "));
  console.log(performance.getEntriesByType("measure").map(e => `${e.name} ${Math.round(e.duration)}`).join("\n"));
})();
