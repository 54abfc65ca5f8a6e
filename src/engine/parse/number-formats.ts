/**
 * What a number format says about the number in the cell. Only the parts
 * outside quoted text, escapes and [colour/locale] brackets count: "0.0\%" is
 * not a percentage format and `[$-410]0.00` is not a date.
 */
function formatTokens(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
}

// A workbook has a handful of distinct formats and hundreds of thousands of cells: decide each format once.
const percentFormats = new Map<string, boolean>();
const dateFormats = new Map<string, boolean>();

export function isPercentFormat(format: string): boolean {
  let percent = percentFormats.get(format);
  if (percent === undefined) {
    percent = formatTokens(format).includes("%");
    percentFormats.set(format, percent);
  }
  return percent;
}

export function isDateFormat(format: string): boolean {
  let date = dateFormats.get(format);
  if (date === undefined) {
    date = decideDateFormat(format);
    dateFormats.set(format, date);
  }
  return date;
}

function decideDateFormat(format: string): boolean {
  if (format === "" || /^general$/i.test(format)) return false;
  // Only the first section (positive numbers) decides; elapsed-time formats like [h]:mm are not dates.
  const section = formatTokens(format.split(";")[0] ?? "").toLowerCase();
  return /[dy]/.test(section) || /m/.test(section.replace(/[hs]+:?m+|m+:?s+/g, ""));
}

export function isGeneralFormat(format: string): boolean {
  return format === "" || /^general$/i.test(format);
}

export function isTextFormat(format: string): boolean {
  return format === "@";
}
