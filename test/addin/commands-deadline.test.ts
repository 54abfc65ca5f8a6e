import { installOfficeGlobals } from "../../src/preview/office-globals";
import { fakeHost, valueAt } from "../support/fake-host";
import { seedWorkbook } from "../support/snapshot-builder";

// Its own file: Office's globals can be installed once per test file.
describe("the Validate objective button near Office's five minutes", () => {
  afterEach(() => jest.restoreAllMocks());

  it("stops before writing once the deadline has passed, says so and completes the event; writes before it", async () => {
    const host = fakeHost(seedWorkbook(), { asOf: "2018-06-30" });
    Object.assign(globalThis, {
      window: { location: { href: "https://localhost:3000/commands.html" } },
    });
    const office = installOfficeGlobals(globalThis, host);
    const { WRITE_DEADLINE_MS } =
      require("../../src/addin/commands/commands") as typeof import("../../src/addin/commands/commands");
    const before = ["H2", "I2"].map((a) => valueAt(host.state, "Fasi", a));

    // The click at 0; every later reading of the clock is at the deadline, as after a slow read.
    jest.spyOn(Date, "now").mockReturnValueOnce(0).mockReturnValue(WRITE_DEADLINE_MS);
    const completed = jest.fn();
    await office.actions.get("validateObjective")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(["H2", "I2"].map((a) => valueAt(host.state, "Fasi", a))).toEqual(before);
    const dialog = new URL(office.dialogs[0]);
    expect(dialog.searchParams.get("tone")).toBe("error");
    expect(dialog.searchParams.get("text")).toMatch(/^Il controllo si è fermato prima di scrivere/);

    jest
      .spyOn(Date, "now")
      .mockReturnValueOnce(0)
      .mockReturnValue(WRITE_DEADLINE_MS - 1);
    await office.actions.get("validateObjective")!({ completed: jest.fn() });
    expect(valueAt(host.state, "Fasi", "H2")).toBe("DATE MANCANTI");
  });
});
