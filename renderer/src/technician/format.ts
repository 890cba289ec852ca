import { localeOf } from '../../../shared/i18n/languages.ts';

export interface Format {
  /** "30 nov. 2026 06:05" in the branch's zone. */
  dateTime(iso: string): string;
  /** "2026-11-30 06:05:09" style, with seconds, for log lines. */
  timestamp(iso: string): string;
  /** "06:05" in the branch's zone. */
  time(iso: string): string;
  /** A calendar date ("2026-12-24") or an instant's date in the branch's zone. */
  date(dateOrIso: string): string;
  /** An hour of the day as two digits in the language's numerals ("06"). */
  hour(hour: number): string;
  number(n: number): string;
  /** The branch's calendar date at an instant, "YYYY-MM-DD". */
  localDate(at: Date): string;
}

/**
 * Every time on the technician screen is shown in the branch's time zone
 * (the kiosk's own, from kiosk.info), never the browser's and never UTC,
 * in the technician's language.
 */
export function makeFormat(language: string, timeZone: string): Format {
  const locale = localeOf[language as keyof typeof localeOf] ?? language;
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const timestamp = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const instantDate = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const calendarDate = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const number = new Intl.NumberFormat(locale);
  const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    timestamp: (iso) => timestamp.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    date: (value) =>
      /^\d{4}-\d\d-\d\d$/.test(value) ? calendarDate.format(new Date(`${value}T12:00:00Z`)) : instantDate.format(new Date(value)),
    hour: (hour) => twoDigits.format(hour),
    number: (n) => number.format(n),
    localDate: (at) => isoDate.format(at),
  };
}

/** The calendar day before a "YYYY-MM-DD" date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
