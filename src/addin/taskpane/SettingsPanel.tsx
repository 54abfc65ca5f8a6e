import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { DatePicker, type DatePickerProps } from "@fluentui/react-datepicker-compat";
import * as React from "react";
import { dayFromIso, dayFromYmd, formatDay, isoFromDay, ymdFromDay } from "../../engine/days";
import type { Language, WorkbookSettings } from "../../engine/snapshot";
import type { Catalogue } from "../../i18n";
import { parseReferenceDate, type DateTextProblem } from "./reference-date";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  quick: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  readonly settings: WorkbookSettings;
  readonly today: string;
  readonly words: Catalogue;
  /** Called with only the field the user changed, so saving it never touches a co-author's other choice. */
  readonly onChange: (change: WorkbookSettings) => void;
}

/** The calendar works in local Date objects; the workbook stores the day as YYYY-MM-DD. */
function dateOfIso(iso: string): Date {
  const { year, month, day } = ymdFromDay(dayFromIso(iso)!);
  return new Date(year, month - 1, day);
}

function isoOfDate(date: Date): string {
  return isoFromDay(dayFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate())!);
}

/** Module-level, so the control sees the same function each render: a new one makes it retype the stored date over the user's text. */
function formatDate(date?: Date): string {
  return date ? formatDay(dayFromIso(isoOfDate(date))!) : "";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Month and day names from the pane's language; the control's own labels from the catalogue. */
function calendarStrings(words: Catalogue): NonNullable<DatePickerProps["strings"]> {
  const locale = words.language === "it" ? "it-IT" : "en-GB";
  const month = (style: "long" | "short") =>
    Array.from({ length: 12 }, (_, i) =>
      capitalise(new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2024, i, 1)))
    );
  // 7 January 2024 was a Sunday: the calendar's days start on Sunday.
  const day = (style: "long" | "narrow") =>
    Array.from({ length: 7 }, (_, i) =>
      capitalise(
        new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2024, 0, 7 + i))
      )
    );
  const c = words.addin.calendar;
  return {
    months: month("long"),
    shortMonths: month("short"),
    days: day("long"),
    shortDays: day("narrow"),
    goToToday: c.goToToday,
    prevMonthAriaLabel: c.prevMonth,
    nextMonthAriaLabel: c.nextMonth,
    prevYearAriaLabel: c.prevYear,
    nextYearAriaLabel: c.nextYear,
    closeButtonAriaLabel: c.close,
  };
}

/** The monitoring date and the status columns' language, stored in the workbook for every co-author. */
export function SettingsPanel({
  settings,
  today,
  words,
  onChange,
}: SettingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const current = settings.asOf ?? today;
  const [problem, setProblem] = React.useState<string | null>(null);
  // The text the user typed, so that the inline message can quote it after the control resets.
  const typed = React.useRef("");
  const strings = React.useMemo(() => calendarStrings(words), [words]);
  // Stable while the date is: a new Date each render would also reset what the user is typing.
  const value = React.useMemo(() => dateOfIso(current), [current]);
  const todayDate = React.useMemo(() => dateOfIso(today), [today]);
  const save = (iso: string) => {
    setProblem(null);
    // The control re-selects the stored date after refusing a text: that is no change to save.
    if (iso !== current) onChange({ asOf: iso });
  };
  const refuse = (text: string, reason: DateTextProblem) =>
    setProblem(
      reason === "empty"
        ? words.addin.referenceDateEmpty
        : reason === "year"
          ? words.addin.referenceDateYear(text)
          : reason === "impossible"
            ? words.addin.referenceDateImpossible(text)
            : words.addin.referenceDateInvalid(text)
    );
  const year = ymdFromDay(dayFromIso(current)!).year;
  const quick = [
    [6, 30],
    [9, 30],
    [12, 31],
  ].map(([m, d]) => isoFromDay(dayFromYmd(year, m, d)!));
  return (
    <div className={styles.root}>
      <Field
        label={words.addin.referenceDate}
        hint={words.addin.referenceDateHint}
        validationMessage={problem}
        validationState={problem === null ? "none" : "error"}
      >
        <DatePicker
          allowTextInput
          value={value}
          today={todayDate}
          formatDate={formatDate}
          parseDateFromString={(text) => {
            typed.current = text;
            const parsed = parseReferenceDate(text);
            return "iso" in parsed ? dateOfIso(parsed.iso) : null;
          }}
          // Saved only when the control confirms a date (a day picked, Enter, leaving the field), never per keystroke.
          onSelectDate={(date) => {
            if (date) save(isoOfDate(date));
          }}
          onValidationResult={({ error }) => {
            if (error === undefined) return setProblem(null);
            const parsed = parseReferenceDate(typed.current);
            refuse(typed.current, "problem" in parsed ? parsed.problem : "format");
          }}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            typed.current = event.target.value;
          }}
          // Fluent greys the neighbouring months' days below 4.5:1 (axe color-contrast): drawn like the others.
          calendar={{ calendarDayProps: { lightenDaysOutsideNavigatedMonth: false } }}
          firstDayOfWeek={words.language === "it" ? 1 : 0}
          strings={strings}
          placeholder={words.addin.referenceDatePlaceholder}
        />
      </Field>
      <div className={styles.quick} role="group" aria-label={words.addin.referenceDateQuick}>
        {quick.map((iso) => (
          <ToggleButton key={iso} size="small" checked={iso === current} onClick={() => save(iso)}>
            {formatDay(dayFromIso(iso)!)}
          </ToggleButton>
        ))}
      </div>
      <Field label={words.addin.statusLanguage}>
        <RadioGroup
          layout="horizontal"
          value={settings.statusLanguage ?? words.language}
          onChange={(_, data) => onChange({ statusLanguage: data.value as Language })}
        >
          <Radio value="it" label="Italiano" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
    </div>
  );
}
