import { installOfficeGlobals } from "../../src/preview/office-globals";
import { fakeHost, valueAt } from "../support/fake-host";
import { seedWorkbook } from "../support/snapshot-builder";

describe("the Validate objective button", () => {
  it("validates the seed card, writes the status cells, shows the verdict and completes the event", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    Object.assign(globalThis, {
      window: { location: { href: "https://localhost:3000/commands.html" } },
    });
    const office = installOfficeGlobals(globalThis, host);
    // Loading the page's script registers the command, as office.js runs it in Excel.
    require("../../src/addin/commands/commands");
    const completed = jest.fn();
    await office.actions.get("validateObjective")!({ completed });

    expect(completed).toHaveBeenCalledTimes(1);
    expect(["H2", "I2", "H3", "I3"].map((a) => valueAt(host.state, "Fasi", a))).toEqual([
      "DATE MANCANTI",
      "ERRORE",
      "IN CORSO",
      "OK",
    ]);
    const dialog = new URL(office.dialogs[0]);
    expect(dialog.pathname).toBe("/dialog.html");
    expect(dialog.searchParams.get("tone")).toBe("error");
    expect(dialog.searchParams.get("text")).toMatch(
      /^1 obiettivo controllato: 1 errore, 0 avvisi\./
    );

    host.state.sheets.get("Fasi")!.protected = true;
    host.state.sheets.get("Fasi")!.cells.delete("2:7");
    const again = jest.fn();
    await office.actions.get("validateObjective")!({ completed: again });
    expect(again).toHaveBeenCalledTimes(1);
    expect(new URL(office.dialogs[1]).searchParams.get("text")).toMatch(
      /^Il foglio «Fasi» è protetto/
    );
  });
});
