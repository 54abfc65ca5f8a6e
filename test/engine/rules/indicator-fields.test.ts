import { cleanWorkbook, formatted } from "../../support/snapshot-builder";
import type { BuilderCell } from "../../support/snapshot-builder";
import { findings } from "../../support/engine";

const indicatorFindings = (description: BuilderCell, target: BuilderCell) =>
  findings(cleanWorkbook({ indicators: [["2018_AA01", description, "RISULTATO", target]] })).map(
    (f) => [f.rule, f.severity, f.cell]
  );

describe("indicator fields", () => {
  it("indicator.description.missing fires on a blank description", () => {
    expect(indicatorFindings(" ", "10")).toEqual([
      ["indicator.description.missing", "error", "B2"],
    ]);
  });

  it("indicator.target.missing fires on a blank expected value", () => {
    expect(indicatorFindings("Indicatore", "\u00a0")).toEqual([
      ["indicator.target.missing", "error", "D2"],
    ]);
  });

  it.each(["31/02/2018", "29/02/2018", "00/12/2018", { error: "#N/A" }])(
    "indicator.target.invalid fires on %j",
    (target) => {
      expect(indicatorFindings("Indicatore", target)).toEqual([
        ["indicator.target.invalid", "error", "D2"],
      ]);
    }
  );

  it.each(["30/09/2018", "maggiore o uguale a 65,00%", "30/09/18", 5000, "SI"])(
    "%j is a valid expected value",
    (target) => {
      expect(indicatorFindings("Indicatore", target)).toEqual([]);
    }
  );

  it("indicator.target.outside-year warns on a date target outside the plan year, text or formatted serial", () => {
    expect(indicatorFindings("Indicatore", "01/01/2019")).toEqual([
      ["indicator.target.outside-year", "warning", "D2"],
    ]);
    expect(indicatorFindings("Indicatore", formatted(43101, "dd/mm/yyyy"))).toEqual([]);
    expect(indicatorFindings("Indicatore", formatted(43100, "dd/mm/yyyy"))).toEqual([
      ["indicator.target.outside-year", "warning", "D2"],
    ]);
  });
});
