import { isDateFormat, isPercentFormat } from "../../../src/engine/parse/number-formats";

describe("number formats", () => {
  it.each([
    "dd/mm/yyyy",
    "m/d/yyyy",
    "d-mmm-yy",
    "mmm-yy",
    "[$-410]dddd d mmmm yyyy",
    "yyyy-mm-dd h:mm:ss",
    "dd/mm/yyyy;@",
  ])("%s is a date format", (format) => expect(isDateFormat(format)).toBe(true));
  it.each(["General", "0.00", "0%", "#,##0", "h:mm", "[h]:mm:ss", "mm:ss", '"giorno" 0', "@", ""])(
    "%s is not a date format",
    (format) => expect(isDateFormat(format)).toBe(false)
  );
  it("finds percentages outside quotes and escapes", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
  });
});
