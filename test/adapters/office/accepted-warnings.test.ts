import { paneActions } from "../../../src/adapters/office/pane-actions";
import {
  SETTINGS_KEY,
  TooManyAcceptedWarnings,
} from "../../../src/adapters/office/stored-settings";
import { MAX_ACCEPTED_WARNINGS } from "../../../src/engine/accepted-warnings";
import type { WorkbookSettings } from "../../../src/engine/snapshot";
import { SEED_AS_OF } from "../../support/engine";
import { fakeHost, valueAt } from "../../support/fake-host";
import { cleanWorkbook, date } from "../../support/snapshot-builder";

/** Two warnings on the second phase: weight 0 and no owner. */
function workbookWithWarnings() {
  return cleanWorkbook({
    phases: [
      ["2018_AA01", "Prima fase", 100, date("2018-01-10"), date("2018-05-31"), "ROSSI"],
      ["2018_AA01", "Seconda fase", 0, date("2018-06-01"), date("2018-12-15"), null],
    ],
  });
}

const ZERO = { rule: "phase.weight.zero", key: "2018_AA01\tSECONDA FASE" };
const OWNER = { rule: "phase.owner.missing", key: "2018_AA01\tSECONDA FASE" };

describe("accepting warnings from the pane", () => {
  it("two co-authors accept different warnings and neither loses the other's", async () => {
    const mine = fakeHost(workbookWithWarnings(), { asOf: "2018-06-30" });
    const me = paneActions(mine, () => SEED_AS_OF, "it");
    const coauthor = paneActions(mine.coauthor(), () => SEED_AS_OF, "it");
    // Both panes checked before either accepted anything.
    const [mineChecked, theirsChecked] = [await me.validate(), await coauthor.validate()];
    const zero = mineChecked.result.findings.find((f) => f.rule === "phase.weight.zero")!;
    const owner = theirsChecked.result.findings.find((f) => f.rule === "phase.owner.missing")!;

    expect(await coauthor.acceptWarning(owner)).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [OWNER],
    });
    expect(await me.acceptWarning(zero)).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [OWNER, ZERO],
    });
    expect(mine.state.settings.get(SETTINGS_KEY)).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [OWNER, ZERO],
    });
    // Accepting twice stores it once.
    expect((await me.acceptWarning(zero)).acceptedWarnings).toEqual([OWNER, ZERO]);

    const checked = await me.validate();
    expect(checked.result.summary).toMatchObject({ warnings: 0, accepted: 2 });
    expect(valueAt(mine.state, "Fasi", "I3")).toBe("OK");

    // The co-author restores theirs; mine stays accepted.
    expect(await coauthor.restoreWarning(owner)).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [ZERO],
    });
    const after = await me.validate();
    expect(after.result.summary).toMatchObject({ warnings: 1, accepted: 1 });
    expect(valueAt(mine.state, "Fasi", "I3")).toBe("AVVISO");
    expect(await me.restoreWarning(zero)).toEqual({ asOf: "2018-06-30" });
  });

  it("an error cannot be accepted: nothing is stored", async () => {
    const host = fakeHost(
      cleanWorkbook({
        phases: [["2018_AA01", "Unica", 90, date("2018-01-10"), date("2018-05-31"), "ROSSI"]],
      })
    );
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    const error = (await actions.validate()).result.findings.find(
      (f) => f.rule === "objective.weight.sum"
    )!;
    expect(await actions.acceptWarning(error)).toEqual({});
    expect(host.state.settings.get(SETTINGS_KEY)).toBeUndefined();
  });

  it("a full list refuses one more rather than dropping someone's acceptance", async () => {
    const full = Array.from({ length: MAX_ACCEPTED_WARNINGS }, (_, i) => ({
      rule: "phase.weight.zero" as const,
      key: `2018_ZZ${i}\tFASE`,
    }));
    const host = fakeHost(workbookWithWarnings(), { acceptedWarnings: full });
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    const zero = (await actions.validate()).result.findings.find(
      (f) => f.rule === "phase.weight.zero"
    )!;
    await expect(actions.acceptWarning(zero)).rejects.toBeInstanceOf(TooManyAcceptedWarnings);
    expect(host.state.settings.get(SETTINGS_KEY)).toEqual({ acceptedWarnings: full });
  });

  it("a stored list with bad entries is still read, without them", async () => {
    // As a hand edit or a later version might leave it: not what the schema's type says.
    const stored = {
      asOf: "2018-06-30",
      acceptedWarnings: [ZERO, { rule: "phase.weight.zero" }, "garbage", OWNER],
    } as unknown as WorkbookSettings;
    const host = fakeHost(workbookWithWarnings(), stored);
    const actions = paneActions(host, () => SEED_AS_OF, "it");
    expect(actions.readSettings()).toEqual({
      asOf: "2018-06-30",
      acceptedWarnings: [ZERO, OWNER],
    });
    expect((await actions.validate()).result.summary.accepted).toBe(2);
  });
});
