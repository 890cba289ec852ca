import { isLanguage, localeOf } from './languages.ts';

// Dates and numbers as each language writes them, with no catalog behind them (the patron page formats before all words are loaded).

const locale = (language: string): string => (isLanguage(language) ? localeOf[language] : language);

/** A count or other number in running text, in the language's digits. */
export function formatNumber(language: string, value: number): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A due date as a patron reads it: "fre 12 dec. 2026", "Fri, 12 Dec 2026", "pe 12.12.2026", "الجمعة، ١٢ ديسمبر ٢٠٢٦". */
export function formatDay(language: string, iso: string | undefined, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** A date and time on a receipt or a notice: short date, hours and minutes. */
export function formatDateTime(language: string, at: Date, timeZone?: string): string {
  return at.toLocaleString(locale(language), { dateStyle: 'short', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}

/** A clock time: "06:00" (Arabic: "٠٦:٠٠"). */
export function formatTime(language: string, at: Date, timeZone?: string): string {
  return at.toLocaleTimeString(locale(language), { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}
