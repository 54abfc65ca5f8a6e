import { paneActions } from "../../../src/adapters/office/pane-actions";
import { SETTINGS_KEY } from "../../../src/adapters/office/stored-settings";
import { SEED_AS_OF } from "../../support/engine";
import { fakeHost } from "../../support/fake-host";
import { seedWorkbook } from "../../support/snapshot-builder";

describe("settings shared by co-authors", () => {
  it("keeps a co-author's choice when another field is saved from a pane started earlier", async () => {
    const mine = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    const theirs = mine.coauthor();
    const me = paneActions(mine, () => SEED_AS_OF, "it");
    const coauthor = paneActions(theirs, () => SEED_AS_OF, "it");
    // Both panes started on the same saved settings; the co-author saves a language first.
    expect(await coauthor.saveSettings({ statusLanguage: "en" })).toEqual({
      asOf: "2018-06-30",
      statusLanguage: "en",
    });
    expect(await me.saveSettings({ asOf: "2018-09-30" })).toEqual({
      asOf: "2018-09-30",
      statusLanguage: "en",
    });
    expect(await coauthor.saveSettings({ planYear: 2018 })).toEqual({
      asOf: "2018-09-30",
      statusLanguage: "en",
      planYear: 2018,
    });
    expect(mine.state.settings.get(SETTINGS_KEY)).toEqual({
      asOf: "2018-09-30",
      statusLanguage: "en",
      planYear: 2018,
    });
  });

  it("changes the mapping table by table", async () => {
    const mine = fakeHost(seedWorkbook(), {
      mapping: { phases: { table: "Fasi", columns: {} } },
    });
    const me = paneActions(mine, () => SEED_AS_OF, "it");
    const coauthor = paneActions(mine.coauthor(), () => SEED_AS_OF, "it");
    await coauthor.saveSettings({ mapping: { indicators: { table: "Indicatori", columns: {} } } });
    expect(
      await me.saveSettings({ mapping: { objectives: { table: "Obiettivi", columns: {} } } })
    ).toEqual({
      mapping: {
        objectives: { table: "Obiettivi", columns: {} },
        phases: { table: "Fasi", columns: {} },
        indicators: { table: "Indicatori", columns: {} },
      },
    });
  });

  it("checks with the language a co-author saved after this pane started", async () => {
    const mine = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    await paneActions(mine.coauthor(), () => SEED_AS_OF, "it").saveSettings({
      statusLanguage: "en",
    });
    const outcome = await paneActions(mine, () => SEED_AS_OF, "it").validate();
    expect(outcome.result.settings.statusLanguage).toBe("en");
  });

  it("hears a co-author's save only in Excel on the web, with the settings saved", async () => {
    for (const web of [true, false]) {
      const mine = fakeHost(seedWorkbook(), { asOf: "2018-06-30" }, { web });
      const heard = jest.fn();
      await paneActions(mine, () => SEED_AS_OF, "it").watchSettings(heard);
      await paneActions(mine.coauthor(), () => SEED_AS_OF, "it").saveSettings({
        statusLanguage: "en",
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (web) expect(heard).toHaveBeenCalledWith({ asOf: "2018-06-30", statusLanguage: "en" });
      else expect(heard).not.toHaveBeenCalled();
    }
  });
});
