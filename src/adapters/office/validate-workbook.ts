import type { Day } from "../../engine/days";
import type { EngineResult, WritePlan } from "../../engine";
import { checkAndPlanHere, type CheckAndPlan } from "../../engine/check-and-plan";
import { TABLE_KINDS, type DateSystem, type Language } from "../../engine/snapshot";
import { formatRangeRef, type RangeRef } from "../../engine/range-ref";
import { catalogue, messageTexts } from "../../i18n";
import type { ExcelHost } from "./excel-host";
import { readWorkbook, type OfficeWorkbook } from "./read-workbook";
import { readPlainSheets } from "./read-plain-ranges";
import { readStoredSettings, refreshStoredSettings } from "./stored-settings";
import { measured } from "../../engine/timing";
import {
  RowsMovedError,
  writeWorkbook,
  type OfficeWriteOutcome,
  type RowKeys,
} from "./write-workbook";

export interface ValidationOutcome {
  readonly result: EngineResult;
  readonly write: OfficeWriteOutcome;
  /** The stored settings did not match their schema and were not used. */
  readonly settingsIgnored: boolean;
  readonly dateSystem: DateSystem;
  /** Every table of the workbook with its headers, for mapping a table the engine did not recognise. */
  readonly tables: readonly { readonly name: string; readonly headers: readonly string[] }[];
  /** Excel table id → the worksheet columns (0 = A) that hold status columns after the write. */
  readonly statusColumns: Readonly<Record<string, readonly number[]>>;
  /** Each plain range as Convert to tables would take it after the write: header row, data and status columns. */
  readonly plainRanges: readonly { readonly sheet: string; readonly range: string }[];
}

/** The check reached its time limit before writing; nothing was written. */
export class TimeLimitError extends Error {
  constructor() {
    super("time limit reached before writing");
  }
}

/** When to give up: a Date.now() time, and the clock (a fake one in tests). */
export interface TimeLimit {
  readonly stopAt: number;
  readonly now?: () => number;
}

/**
 * The Validate objective command: read the tables, run the engine, write the
 * status columns, inside one Excel.run. It waits while the user is typing in a
 * cell (delayForCellEdit) and, where Excel supports it (ExcelApi 1.20), makes
 * the whole write one step of Undo.
 */
export async function validateWorkbook(
  host: ExcelHost,
  today: Day,
  defaultLanguage: Language,
  checkAndPlan: CheckAndPlan = checkAndPlanHere(messageTexts),
  limit?: TimeLimit
): Promise<ValidationOutcome> {
  // Checked between the read and the write: stopping there leaves the workbook as it was.
  const beforeWriting = () => {
    if (limit && (limit.now ?? Date.now)() >= limit.stopAt) throw new TimeLimitError();
  };
  // A co-author may have saved another reference date or language since this runtime started:
  // every co-author's check writes the same status strings only if each reads the saved settings.
  // The refresh is a round trip of its own (Excel on the web), under way while the tables are read.
  const stored = refreshStoredSettings(host.settings).then(() => readStoredSettings(host.settings));
  // Awaited after the read; a failure meanwhile is not left unhandled.
  void stored.catch(() => undefined);
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (host.isSetSupported("ExcelApi", "1.20")) options.mergeUndoGroup = true;
  return measured("validate", () =>
    host.run(options, async (context) => {
      const attempt = async () => {
        // A worker gets the rows while they are read (a fresh stream for each read).
        const stream = checkAndPlan.stream?.();
        const workbook = await measured("read", async () =>
          readPlainSheets(
            context,
            await readWorkbook(
              context,
              stored.then((read) => read.settings),
              stream
            )
          )
        );
        const check = stream ? stream.check.bind(stream) : checkAndPlan;
        const { result, plan } = await measured("check", () =>
          check(workbook.snapshot, { defaultStatusLanguage: defaultLanguage }, today)
        );
        beforeWriting();
        const write = await measured("write", () =>
          writeWorkbook(context, workbook, plan, catalogue(plan.language), rowKeys(result))
        );
        return { workbook, result, plan, write };
      };
      // A co-author moved rows between the read and the write: once more from a fresh read, which
      // also puts right any status cell the interrupted request wrote; a second move is the user's to hear.
      const { workbook, result, plan, write } = await attempt().catch((error: unknown) => {
        if (error instanceof RowsMovedError) return attempt();
        throw error;
      });
      return {
        result,
        write,
        settingsIgnored: (await stored).ignored,
        dateSystem: workbook.snapshot.dateSystem,
        tables: workbook.snapshot.tables.map((t) => ({ name: t.name, headers: t.headers })),
        statusColumns: statusColumnsOf(workbook, result, plan, write),
        plainRanges: plainRangesOf(result, plan, write),
      };
    })
  );
}

/** The columns that tell one row from another: the objective's code and title, a phase's or indicator's objective and description. */
function rowKeys(result: EngineResult): RowKeys {
  const keys: Record<string, number[]> = {};
  const fields = {
    objectives: ["code", "title"],
    phases: ["objective", "description"],
    indicators: ["objective", "description"],
  } as const;
  for (const kind of ["objectives", "phases", "indicators"] as const) {
    const mapped = result.mapping[kind];
    if (!mapped) continue;
    keys[mapped.table.name] = fields[kind].flatMap((field) => {
      const index = mapped.columns.get(field);
      return index === undefined ? [] : [index];
    });
  }
  return keys;
}

/** The status columns the write appended to a table: none where its right neighbours were in the way. */
function addedColumns(table: string, plan: WritePlan, write: OfficeWriteOutcome): number {
  if (write.skipped.some((s) => s.table === table)) return 0;
  return (
    plan.tables.find((t) => t.table === table)?.columns.filter((c) => c.existingIndex === null)
      .length ?? 0
  );
}

/** Where the status columns are now: those the tables had, and those the write appended. */
function statusColumnsOf(
  workbook: OfficeWorkbook,
  result: EngineResult,
  plan: WritePlan,
  write: OfficeWriteOutcome
): Record<string, number[]> {
  const columns: Record<string, number[]> = {};
  for (const mapped of Object.values(result.mapping)) {
    const table = mapped && workbook.tables.find((t) => t.name === mapped.table.name);
    if (!mapped || !table) continue;
    const existing = [...mapped.statusColumns.values()].map((index) => table.firstColumn + index);
    const added = addedColumns(table.name, plan, write);
    columns[table.id] = [
      ...existing,
      ...Array.from({ length: added }, (_, k) => table.firstColumn + table.columnCount + k),
    ];
  }
  return columns;
}

function plainRangesOf(
  result: EngineResult,
  plan: WritePlan,
  write: OfficeWriteOutcome
): { sheet: string; range: string }[] {
  return TABLE_KINDS.flatMap((kind) => {
    const table = result.mapping[kind]?.table;
    const planned = plan.tables.find((t) => t.table === table?.name);
    if (table?.plain !== true || planned === undefined) return [];
    // The rows as planned: the result may come back from the engine's worker without them.
    const ref: RangeRef = {
      firstRow: table.headerRow,
      lastRow: table.headerRow + planned.rowCount,
      firstColumn: table.firstColumn,
      lastColumn:
        table.firstColumn + table.headers.length - 1 + addedColumns(table.name, plan, write),
    };
    return [{ sheet: table.sheet, range: formatRangeRef(ref) }];
  });
}
