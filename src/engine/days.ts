/**
 * Calendar days as whole numbers (days since 1970-01-01). Dates in planning
 * cards are calendar days, so they never go through a time zone: every
 * conversion here is plain arithmetic on UTC fields.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/**
 * Civil date of a day number, by Howard Hinnant's days-to-civil algorithm (no
 * Date object, no time zone), packed as yyyymmdd so that the year alone costs
 * no allocation: the outside-year rules ask it of every date in the plan.
 */
function packedCivil(day: Day): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + (doy - Math.floor((153 * mp + 2) / 5) + 1);
}

export function ymdFromDay(day: Day): { year: number; month: number; day: number } {
  const packed = packedCivil(day);
  return {
    year: Math.floor(packed / 10_000),
    month: Math.floor(packed / 100) % 100,
    day: packed % 100,
  };
}

export function yearOfDay(day: Day): number {
  return Math.floor(packedCivil(day) / 10_000);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `dd/mm/yyyy`, the way Italian planning cards write dates (also used in English messages). */
export function formatDay(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${pad2(d)}/${pad2(month)}/${String(year).padStart(4, "0")}`;
}

export function isoFromDay(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(d)}`;
}

export function dayFromIso(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** The calendar day a clock reading falls on where the user is (their local date). */
export function localToday(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// Serial 25569 is 1970-01-01 in the 1900 date system; 1904 serials are 1462 days behind.
const SERIAL_1900_EPOCH = 25_569;
const OFFSET_1904 = 1_462;
const FICTITIOUS_LEAP_DAY = 60;
const MAX_SERIAL_1900 = 2_958_465; // 31/12/9999

/**
 * An Excel serial number as a calendar day, or null when it names no real day.
 * The 1900 system counts a 29/02/1900 that never existed (serial 60, kept for
 * Lotus 1-2-3 compatibility), so serials 1–59 are one day later than plain
 * arithmetic says and serial 60 itself is not a date. A time of day (the
 * fraction) does not change the calendar day.
 */
export function dayFromSerial(serial: number, dateSystem: 1900 | 1904): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (dateSystem === 1904) {
    if (whole < 0 || whole + OFFSET_1904 > MAX_SERIAL_1900) return null;
    return whole + OFFSET_1904 - SERIAL_1900_EPOCH;
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === FICTITIOUS_LEAP_DAY) return null;
  return whole < FICTITIOUS_LEAP_DAY ? whole - SERIAL_1900_EPOCH + 1 : whole - SERIAL_1900_EPOCH;
}

export function serialFromDay(day: Day, dateSystem: 1900 | 1904): number {
  const serial1900 = day + SERIAL_1900_EPOCH;
  if (dateSystem === 1904) return serial1900 - OFFSET_1904;
  return serial1900 <= FICTITIOUS_LEAP_DAY ? serial1900 - 1 : serial1900;
}
