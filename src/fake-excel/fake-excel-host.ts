import type { DocumentSettings, ExcelHost } from "../adapters/office/excel-host";
import { applyCoauthorEdit, type CoauthorEdit } from "./coauthor-edits";
import { FakeWorkbook } from "./fake-workbook";
import { FakeRequestContext, type FakeContextOptions, type SyncStats } from "./request-context";
import { moveSelection, recordChanges, setCell, type WorkbookState } from "./workbook-state";

export interface FakeHostOptions extends FakeContextOptions {
  /** Highest ExcelApi version the simulated Excel supports, e.g. "1.7" (Excel 2019) or "1.20". */
  readonly excelApi?: string;
  /**
   * Excel on the web: the only client where SettingsChanged fires, when a
   * co-author saves the settings (Office.SettingsChangedEventArgs,
   * https://learn.microsoft.com/javascript/api/office/office.settingschangedeventargs).
   */
  readonly web?: boolean;
}

/** Excel as the add-in sees it, simulated over a WorkbookState. */
export class FakeExcelHost implements ExcelHost {
  readonly settings: DocumentSettings;
  readonly runs: { options: Excel.RunOptions; stats: SyncStats }[] = [];

  constructor(
    readonly state: WorkbookState,
    private readonly options: FakeHostOptions = {}
  ) {
    // Each runtime (a pane, a command, a co-author's pane) holds its own copy of the
    // settings, loaded when it started and reloaded only by refreshAsync; saveAsync
    // writes that whole copy, so the last writer's copy wins
    // (https://learn.microsoft.com/javascript/api/office/office.settings).
    let copy = cloneSettings(state.settings);
    const handlers: (() => void)[] = [];
    state.settingsSaved.add((by) => {
      if (by === this || !options.web) return;
      // The event arrives later than the save, from the service.
      setTimeout(() => handlers.forEach((handler) => handler()), 0);
    });
    this.settings = {
      get: (name) => structuredClone(copy.get(name) ?? null),
      set: (name, value) => void copy.set(name, structuredClone(value)),
      saveAsync: (callback) => {
        state.settings.clear();
        for (const [key, value] of cloneSettings(copy)) state.settings.set(key, value);
        for (const saved of state.settingsSaved) saved(this);
        callback?.({ status: "succeeded" });
      },
      refreshAsync: (callback) => {
        copy = cloneSettings(state.settings);
        callback({ status: "succeeded" });
      },
      onChanged: (handler) => {
        handlers.push(handler);
        return Promise.resolve();
      },
    };
  }

  /** Another runtime on the same workbook: a co-author's pane, with its own copy of the settings. */
  coauthor(options: FakeHostOptions = this.options): FakeExcelHost {
    return new FakeExcelHost(this.state, options);
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
  /** The user clicks a cell: the selection moves and onSelectionChanged is raised. */
  simulateSelect(sheet: string, address: string): void {
    if (!this.state.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
    moveSelection(this.state, sheet, address);
  }

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

function cloneSettings(settings: Map<string, unknown>): Map<string, unknown> {
  return new Map([...settings].map(([key, value]) => [key, structuredClone(value)]));
}

/** "1.20" → 20: requirement set versions compare by their minor number, not as decimals. */
function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}
