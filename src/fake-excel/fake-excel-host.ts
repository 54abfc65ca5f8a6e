import type { DocumentSettings, ExcelHost } from "../adapters/office/excel-host";
import { applyCoauthorEdit, type CoauthorEdit } from "./coauthor-edits";
import { FakeWorkbook } from "./fake-workbook";
import { FakeRequestContext, type FakeContextOptions, type SyncStats } from "./request-context";
import { recordChanges, setCell, type WorkbookState } from "./workbook-state";

export interface FakeHostOptions extends FakeContextOptions {
  /** Highest ExcelApi version the simulated Excel supports, e.g. "1.7" (Excel 2019) or "1.20". */
  readonly excelApi?: string;
}

/** Excel as the add-in sees it, simulated over a WorkbookState. */
export class FakeExcelHost implements ExcelHost {
  readonly settings: DocumentSettings;
  readonly runs: { options: Excel.RunOptions; stats: SyncStats }[] = [];

  constructor(
    readonly state: WorkbookState,
    private readonly options: FakeHostOptions = {}
  ) {
    const saved = state.settings;
    const pending = new Map(saved);
    this.settings = {
      get: (name) => pending.get(name) ?? null,
      set: (name, value) => void pending.set(name, value),
      saveAsync: (callback) => {
        saved.clear();
        for (const [key, value] of pending) saved.set(key, value);
        callback?.({ status: "succeeded" });
      },
    };
  }

  async run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    const context = new FakeRequestContext(this.state, {
      ...this.options,
      beforeSync: () => this.mergeCoauthorEdits(),
    }) as FakeRequestContext & {
      workbook: FakeWorkbook;
    };
    context.workbook = new FakeWorkbook(context);
    this.runs.push({ options, stats: context.stats });
    return batch(context as unknown as Excel.RequestContext);
  }

  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && minor(version) <= minor(this.options.excelApi ?? "1.7");
  }

  /** A cell typed by the user (Local) or by a co-author (Remote), with the change event Excel raises. */
  simulateEdit(
    sheet: string,
    row: number,
    col: number,
    value: string | number | null,
    source: "Local" | "Remote" = "Local"
  ): void {
    const target = this.state.sheets.get(sheet);
    if (target === undefined) throw new Error(`no sheet ${sheet}`);
    recordChanges(this.state, source, () => setCell(target, row, col, { value }));
  }

  /**
   * A co-author's edit, merged after `syncs` more syncs of the add-in (in any
   * run) and before the next one: 0 means before the very next sync.
   */
  coauthorEdit(syncs: number, edit: CoauthorEdit): void {
    this.pendingEdits.push({ at: this.syncsSeen + syncs, edit });
  }

  private syncsSeen = 0;
  private pendingEdits: { at: number; edit: CoauthorEdit }[] = [];

  private mergeCoauthorEdits(): void {
    const due = this.pendingEdits.filter((p) => p.at === this.syncsSeen);
    this.pendingEdits = this.pendingEdits.filter((p) => p.at !== this.syncsSeen);
    for (const { edit } of due) applyCoauthorEdit(this.state, edit);
    this.syncsSeen++;
  }

  /** Syncs and payloads of the last Excel.run. */
  get lastRun(): SyncStats {
    return this.runs[this.runs.length - 1].stats;
  }
}

/** "1.20" → 20: requirement set versions compare by their minor number, not as decimals. */
function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}
