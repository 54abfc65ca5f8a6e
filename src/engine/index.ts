export { runEngine } from "./run-engine";
export { planWrites, type MessagesIn, type MessageTexts } from "./plan/plan-writes";
export type { WritePlan, TablePlan, ColumnPlan, PlanValue } from "./plan/write-plan";
export type { EngineResult, ObjectiveRow, PhaseRow, IndicatorRow, Summary } from "./result";
export type { Finding, RuleId, Severity } from "./findings";
export type { RunOverrides, RunSettings } from "./settings";
export * from "./snapshot";
