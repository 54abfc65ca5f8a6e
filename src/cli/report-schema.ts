import * as z from "zod/mini";

/** The `--json` document: one entry per file. Kept as a schema so that consumers and tests share its shape. */
const nullableString = z.nullable(z.string());
const nullableNumber = z.nullable(z.number());

export const findingReportSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  table: nullableString,
  sheet: nullableString,
  row: nullableNumber,
  column: nullableString,
  cell: nullableString,
  objective: nullableString,
  message: z.string(),
  /** A warning the workbook's settings accept: not counted in `summary.warnings` nor the exit code. */
  accepted: z.boolean(),
});

export const fileReportSchema = z.object({
  file: z.string(),
  asOf: z.string(),
  error: nullableString,
  summary: z.object({
    objectives: z.number(),
    phases: z.number(),
    indicators: z.number(),
    errors: z.number(),
    warnings: z.number(),
    accepted: z.number(),
    /** Advice (`info` findings): listed, never counted among errors and warnings, never in the exit code. */
    infos: z.number(),
  }),
  findings: z.array(findingReportSchema),
  objectives: z.array(
    z.object({
      code: nullableString,
      sheet: z.string(),
      row: z.number(),
      weightTotal: nullableNumber,
      expectedProgress: nullableNumber,
      actualProgress: nullableNumber,
      status: nullableString,
      check: z.string(),
    })
  ),
  phases: z.array(
    z.object({
      objective: nullableString,
      sheet: z.string(),
      row: z.number(),
      expectedProgress: nullableNumber,
      status: z.string(),
      check: z.string(),
    })
  ),
  indicators: z.array(
    z.object({ objective: nullableString, sheet: z.string(), row: z.number(), check: z.string() })
  ),
});

export const reportSchema = z.object({ files: z.array(fileReportSchema) });

export type FindingReport = z.infer<typeof findingReportSchema>;
export type FileReport = z.infer<typeof fileReportSchema>;
export type Report = z.infer<typeof reportSchema>;
