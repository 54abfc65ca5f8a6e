import {
  dayFromSerial,
  dayFromYmd,
  formatDay,
  isoFromDay,
  localToday,
  serialFromDay,
} from "../../src/engine/days";
import { day } from "../support/engine";

describe("calendar days from Excel serials", () => {
  it("reads the 1900 system, including before and after its fictitious 29/02/1900", () => {
    expect(isoFromDay(dayFromSerial(1, 1900)!)).toBe("1900-01-01");
    expect(isoFromDay(dayFromSerial(59, 1900)!)).toBe("1900-02-28");
    expect(dayFromSerial(60, 1900)).toBeNull();
    expect(isoFromDay(dayFromSerial(61, 1900)!)).toBe("1900-03-01");
    expect(isoFromDay(dayFromSerial(43132, 1900)!)).toBe("2018-02-01");
  });

  it("reads the 1904 system", () => {
    expect(isoFromDay(dayFromSerial(0, 1904)!)).toBe("1904-01-01");
    expect(isoFromDay(dayFromSerial(43132 - 1462, 1904)!)).toBe("2018-02-01");
  });

  it("keeps the calendar day of a serial with a time of day", () => {
    expect(isoFromDay(dayFromSerial(43132.99, 1900)!)).toBe("2018-02-01");
  });

  it("rejects serials that name no day", () => {
    expect(dayFromSerial(0, 1900)).toBeNull();
    expect(dayFromSerial(-1, 1904)).toBeNull();
    expect(dayFromSerial(2_958_466, 1900)).toBeNull();
    expect(dayFromSerial(Number.NaN, 1900)).toBeNull();
  });

  it("round-trips serials in both systems", () => {
    for (const iso of [
      "1900-01-01",
      "1900-02-28",
      "1900-03-01",
      "1904-01-01",
      "2018-06-30",
      "9999-12-31",
    ]) {
      for (const system of [1900, 1904] as const) {
        const serial = serialFromDay(day(iso), system);
        if (system === 1904 && serial < 0) continue;
        expect(isoFromDay(dayFromSerial(serial, system)!)).toBe(iso);
      }
    }
  });
});

describe("calendar days", () => {
  it("rejects impossible dates instead of rolling them over", () => {
    expect(dayFromYmd(2018, 2, 31)).toBeNull();
    expect(dayFromYmd(2019, 2, 29)).toBeNull();
    expect(dayFromYmd(2020, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
  });

  it("formats days the Italian way", () => {
    expect(formatDay(day("2018-09-30"))).toBe("30/09/2018");
  });

  it("takes today's date from the local calendar, whatever the time zone", () => {
    const lateEvening = new Date(2018, 5, 30, 23, 59);
    expect(isoFromDay(localToday(lateEvening))).toBe("2018-06-30");
    const earlyMorning = new Date(2018, 5, 30, 0, 1);
    expect(isoFromDay(localToday(earlyMorning))).toBe("2018-06-30");
  });
});
