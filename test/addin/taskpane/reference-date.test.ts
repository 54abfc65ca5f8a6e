import { parseReferenceDate } from "../../../src/addin/taskpane/reference-date";

describe("the reference date as typed in the pane", () => {
  it.each([
    ["30/06/2024", "2024-06-30"],
    [" 1/7/2024 ", "2024-07-01"],
    ["31.12.2018", "2018-12-31"],
    ["29-02-2024", "2024-02-29"],
  ])("reads %s as %s (day first, as the pane's hint says)", (text, iso) => {
    expect(parseReferenceDate(text)).toEqual({ iso });
  });

  it.each([
    ["", "empty"],
    ["06/30", "format"],
    ["2024-06-30", "format"],
    ["30 giugno 2024", "format"],
    ["30/09/0002", "year"],
    ["30/06/24", "year"],
    ["30/06/202", "year"],
    ["31/06/2024", "impossible"],
    ["29/02/2023", "impossible"],
    ["06/30/2024", "impossible"],
  ])("refuses %j: %s", (text, problem) => {
    expect(parseReferenceDate(text)).toEqual({ problem });
  });
});
