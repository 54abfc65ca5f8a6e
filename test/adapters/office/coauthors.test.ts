import { paneActions } from "../../../src/adapters/office/pane-actions";
import {
  validateWorkbook,
  type ValidationOutcome,
} from "../../../src/adapters/office/validate-workbook";
import { RowsMovedError } from "../../../src/adapters/office/write-workbook";
import { describeFailure } from "../../../src/addin/validation-message";
import { applyCoauthorEdit, type CoauthorEdit } from "../../../src/fake-excel/coauthor-edits";
import type { FakeExcelHost } from "../../../src/fake-excel/fake-excel-host";
import type { WorkbookState } from "../../../src/fake-excel/workbook-state";
import { catalogue } from "../../../src/i18n";
import { SEED_AS_OF } from "../../support/engine";
import { fakeHost } from "../../support/fake-host";
import { cleanWorkbook, date } from "../../support/snapshot-builder";

const AS_OF = { asOf: "2018-06-30" };
const validate = (host: FakeExcelHost) => validateWorkbook(host, SEED_AS_OF, "it");

function plan(): FakeExcelHost {
  return fakeHost(
    cleanWorkbook({
      objectives: [
        ["2018_AA01", "Primo obiettivo", "AFFARI GENERALI"],
        ["2018_BB02", "Secondo obiettivo", "CULTURA"],
      ],
      phases: [
        ["2018_AA01", "Prima", 30, date("2018-01-10"), date("2018-02-28"), "ROSSI"],
        ["2018_BB02", "Unica", 100, date("2018-07-01"), date("2018-08-31"), "VERDI"],
        ["2018_AA01", "Seconda", 30, date("2018-03-01"), date("2018-09-30"), "BIANCHI"],
        ["2018_AA01", "Terza", 40, date("2018-10-01"), null, "ROSSI"],
      ],
      indicators: [
        ["2018_AA01", "Atto approvato entro", "RISULTATO", "30/11/2018"],
        ["2018_BB02", "Mostre", "EFFICACIA", "3"],
      ],
    }),
    AS_OF
  );
}

/** Every cell's value, by sheet and position: where each status landed. */
function values(state: WorkbookState): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const sheet of state.sheets.values())
    for (const [key, cell] of sheet.cells)
      if (cell.value !== null) cells.set(`${sheet.name}!${key}`, cell.value);
  return cells;
}

const EDITS: [string, CoauthorEdit][] = [
  [
    "inserts a phase",
    {
      kind: "insert",
      table: "Fasi",
      row: 1,
      values: ["2018_BB02", "Nuova", 0, 43282, 43300, "NERI"],
    },
  ],
  ["deletes a phase", { kind: "delete", table: "Fasi", row: 0 }],
  ["sorts the phases", { kind: "sort", table: "Fasi", column: 1, ascending: true }],
  [
    "retypes a phase's objective",
    { kind: "edit", table: "Fasi", row: 2, column: 0, value: "2018_BB02" },
  ],
  ["deletes an objective", { kind: "delete", table: "Obiettivi", row: 0 }],
  ["sorts the indicators", { kind: "sort", table: "Indicatori", column: 1, ascending: false }],
];

describe("a co-author's rows moving while Validate runs", () => {
  // A first Validate of this workbook takes 4 syncs (2 to read, 1 to confirm its rows, 1 to write); an edit before each.
  describe.each(EDITS)("a co-author %s", (_name, edit) => {
    it.each([0, 1, 2, 3])("before sync %i: every status lands on its own row", async (at) => {
      const reference = plan();
      applyCoauthorEdit(reference.state, edit);
      await validate(reference);

      const host = plan();
      host.coauthorEdit(at, edit);
      await validate(host);
      expect(values(host.state)).toEqual(values(reference.state));
    });
  });

  it("checks again from a fresh read once, and tells the user when the rows move again", async () => {
    const host = plan();
    // Before the first attempt's write (sync 2) and the second attempt's write (sync 5).
    host.coauthorEdit(2, { kind: "sort", table: "Fasi", column: 1, ascending: true });
    host.coauthorEdit(5, { kind: "sort", table: "Fasi", column: 1, ascending: false });
    const failure = await validate(host).catch((error: unknown) => error);
    expect(failure).toEqual(new RowsMovedError("Fasi", "Fasi"));
    expect(describeFailure(failure, catalogue("en")).text).toBe(
      "While the check was running, a co-author kept inserting, deleting, sorting or retyping rows of table Fasi (sheet Fasi): click Check objectives again once their changes are done, and every status will be on its own row."
    );
    expect(host.lastRun.syncs).toBe(6);
  });

  it("confirms the rows in one request before writing when nobody moves anything", async () => {
    const host = plan();
    await validate(host);
    expect(host.lastRun.syncs).toBe(4);
  });

  it("does not mark the pane's results stale for a co-author's rows", async () => {
    const host = plan();
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    let outcome: ValidationOutcome | null = null;
    const changes = jest.fn();
    await actions.watchChanges(() => outcome, changes);
    host.coauthorEdit(2, EDITS[0][1]);
    outcome = await actions.validate();
    applyCoauthorEdit(host.state, EDITS[2][1]);
    expect(changes).not.toHaveBeenCalled();
    host.simulateEdit("Fasi", 2, 2, 35, "Local");
    expect(changes).toHaveBeenCalledTimes(1);
  });
});
