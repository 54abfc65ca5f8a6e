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

describe("the verdict dialog's address", () => {
  it("keeps a very long verdict under the URL limit, shortened from its end", () => {
    const { dialogUrl, DIALOG_URL_LIMIT } =
      require("../../src/addin/commands/commands") as typeof import("../../src/addin/commands/commands");
    const text = `1 obiettivo controllato: 1 errore. ${"Il foglio «Fasi», cella H2: la data di fine è prima dell'inizio. ".repeat(2000)}`;
    const url = dialogUrl("https://localhost:3000/commands.html", "it", { tone: "error", text });
    expect(url.length).toBeLessThanOrEqual(DIALOG_URL_LIMIT);
    expect(url.length).toBeGreaterThan(DIALOG_URL_LIMIT - 40);
    const shown = new URL(url).searchParams.get("text")!;
    expect(shown.startsWith("1 obiettivo controllato: 1 errore. Il foglio «Fasi»")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(new URL(url).searchParams.get("tone")).toBe("error");
  });

  it("leaves a short verdict whole", () => {
    const { dialogUrl } =
      require("../../src/addin/commands/commands") as typeof import("../../src/addin/commands/commands");
    const url = dialogUrl("https://localhost:3000/commands.html", "en", {
      tone: "success",
      text: "1 objective checked.",
    });
    expect(new URL(url).searchParams.get("text")).toBe("1 objective checked.");
  });
});
