import { FakeExcelHost, type FakeHostOptions } from "../../src/fake-excel/fake-excel-host";
import { workbookStateFromSnapshot } from "../../src/fake-excel/load-snapshot";
import { SETTINGS_KEY } from "../../src/adapters/office/stored-settings";
import type { WorkbookSettings, WorkbookSnapshot } from "../../src/engine/snapshot";
import { parseRangeRef } from "../../src/engine/range-ref";
import type { CellState, WorkbookState } from "../../src/fake-excel/workbook-state";

export function fakeHost(
  snapshot: WorkbookSnapshot,
  settings: WorkbookSettings = {},
  options: FakeHostOptions = {}
): FakeExcelHost {
  const state = workbookStateFromSnapshot(snapshot);
  if (Object.keys(settings).length > 0) state.settings.set(SETTINGS_KEY, settings);
  return new FakeExcelHost(state, options);
}

/** The value of a cell by A1 address. */
export function cell(state: WorkbookState, sheet: string, address: string): CellState | undefined {
  const range = parseRangeRef(address)!;
  return state.sheets.get(sheet)!.cells.get(`${range.firstRow}:${range.firstColumn}`);
}

export function valueAt(state: WorkbookState, sheet: string, address: string): unknown {
  return cell(state, sheet, address)?.value ?? null;
}

/** Every cell of the workbook, for before/after comparisons. */
export function allCells(state: WorkbookState): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  for (const sheet of state.sheets.values())
    for (const [key, value] of sheet.cells) cells.set(`${sheet.name}!${key}`, { ...value });
  return cells;
}
