import { localeOf } from '../../../shared/i18n/languages.ts';

const isLanguage = (l: string): l is keyof typeof localeOf => l in localeOf;
const locale = (language: string) => (isLanguage(language) ? localeOf[language] : language);

/** "måndag 1 december 06:00": when the branch opens, or staff are in, in the door's language and the branch's time zone. */
export function formatWhen(iso: string, language: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** "måndag 1 december 10:00–19:00". */
export function formatPeriod(from: string, to: string, language: string, timeZone?: string): string {
  const end = new Date(to).toLocaleTimeString(locale(language), { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
  return `${formatWhen(from, language, timeZone)}–${end}`;
}
