import { isoFromDay } from "../../../src/engine/days";
import {
  isBlank,
  looksLikeDate,
  parseDate,
  parsePoints,
  parseText,
} from "../../../src/engine/parse/cells";

const iso = (parsed: ReturnType<typeof parseDate>) =>
  parsed.kind === "ok" ? isoFromDay(parsed.value) : parsed;

describe("blank cells", () => {
  it.each([null, "", "   ", "\u00a0", "\u00a0 \t", "\u2007"])("%j is blank", (value) => {
    expect(isBlank(value)).toBe(true);
  });
  it.each([0, false, "x", { error: "#N/A" }])("%j is not blank", (value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe("text fields", () => {
  it("trims text and reports Excel errors", () => {
    expect(parseText("  2018_ZN12 ")).toEqual({ kind: "ok", value: "2018_ZN12" });
    expect(parseText({ error: "#REF!" })).toEqual({
      kind: "invalid",
      problem: { type: "excel-error", error: "#REF!" },
    });
    expect(parseText("\u00a0")).toEqual({ kind: "blank" });
  });
});

describe("percentage points", () => {
  it.each([
    [70, "General", 70],
    ["70,00", "General", 70],
    ["70", "General", 70],
    ["1.234,5", "General", 1234.5],
    ["100%", "General", 100],
    ["45,5 %", "General", 45.5],
    [0.7, "0%", 70],
    [0.455, "0.00%", 45.5],
    ["-5", "General", -5],
  ])("%j with format %s reads as %d", (value, format, expected) => {
    expect(parsePoints(value, format)).toEqual({ kind: "ok", value: expected });
  });

  it("calls a dotted decimal ambiguous and suggests the comma", () => {
    expect(parsePoints("70.00", "General")).toEqual({
      kind: "invalid",
      problem: { type: "ambiguous-decimal", text: "70.00", suggestion: "70,00" },
    });
  });

  it("keeps a thousands dot in groups of three as thousands", () => {
    expect(parsePoints("1.000", "General")).toEqual({ kind: "ok", value: 1000 });
  });

  it.each(["settanta", "70,", "1.23,4", "7 0", "70%%"])("rejects %j", (value) => {
    expect(parsePoints(value, "General").kind).toBe("invalid");
  });

  it("rejects booleans and names Excel errors", () => {
    expect(parsePoints(true, "General").kind).toBe("invalid");
    expect(parsePoints({ error: "#VALUE!" }, "General")).toEqual({
      kind: "invalid",
      problem: { type: "excel-error", error: "#VALUE!" },
    });
  });
});

describe("dates", () => {
  it.each([
    ["01/02/2018", "2018-02-01"],
    ["1/2/2018", "2018-02-01"],
    ["01-02-2018", "2018-02-01"],
    ["01.02.2018", "2018-02-01"],
    ["2018-02-01", "2018-02-01"],
    [" 30/06/2018 ", "2018-06-30"],
    ["29/02/2020", "2020-02-29"],
  ])("reads text %j", (text, expected) => {
    expect(iso(parseDate(text, "General", 1900))).toBe(expected);
  });

  it("reads serials formatted as dates, in both date systems", () => {
    expect(iso(parseDate(43132, "dd/mm/yyyy", 1900))).toBe("2018-02-01");
    expect(iso(parseDate(43132 - 1462, "dd/mm/yyyy", 1904))).toBe("2018-02-01");
    expect(iso(parseDate(43132, "m/d/yyyy", 1900))).toBe("2018-02-01");
    expect(iso(parseDate(43132, "[$-410]d mmmm yyyy", 1900))).toBe("2018-02-01");
  });

  it("reads serials when the host cannot tell the format", () => {
    expect(iso(parseDate(43132, null, 1900))).toBe("2018-02-01");
  });

  it("does not take a number formatted as a number for a date", () => {
    expect(parseDate(43132, "General", 1900)).toEqual({
      kind: "invalid",
      problem: { type: "number-not-formatted-as-date", value: 43132 },
    });
    expect(parseDate(43132, "0.00", 1900).kind).toBe("invalid");
  });

  it.each([
    ["31/02/2018", "impossible-date"],
    ["29/02/2019", "impossible-date"],
    ["00/01/2018", "impossible-date"],
    ["01/13/2018", "impossible-date"],
    ["01/02/18", "not-a-date"],
    ["1 febbraio 2018", "not-a-date"],
    ["2018/02/01", "not-a-date"],
    ["01/02-2018", "not-a-date"],
  ])("rejects %j as %s", (text, type) => {
    const parsed = parseDate(text, "General", 1900);
    expect(parsed.kind === "invalid" && parsed.problem.type).toBe(type);
  });

  it("rejects serial 60, the 29/02/1900 that never was", () => {
    const parsed = parseDate(60, "dd/mm/yyyy", 1900);
    expect(parsed.kind === "invalid" && parsed.problem.type).toBe("impossible-date");
  });

  it("tells which text looks like a date", () => {
    expect(looksLikeDate("30/09/2018")).toBe(true);
    expect(looksLikeDate("31/02/2018")).toBe(true);
    expect(looksLikeDate("30/09/18")).toBe(false);
    expect(looksLikeDate("maggiore o uguale a 65,00%")).toBe(false);
  });
});
