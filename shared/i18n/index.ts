import type { Language } from '../config/branch.ts';
import { ar } from './ar.ts';
import { type Catalog, en } from './en.ts';
import { fi } from './fi.ts';
import { sv } from './sv.ts';

export type { Catalog };
export const catalogs: Record<Language, Catalog> = { sv, en, fi, ar };

/**
 * The locale each language formats dates and numbers with. Arabic uses
 * Arabic-Indic digits (٠-٩) in running text, as in Syria and Iraq where
 * most Arabic-speaking patrons of Swedish libraries come from; card
 * numbers, PINs and barcodes stay in the digits printed on card and keypad.
 */
export const localeOf: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI', ar: 'ar-u-nu-arab' };
export const directionOf = (language: Language): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');

const isLanguage = (l: string): l is Language => l in catalogs;
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

function lookup(language: Language, key: string): string | undefined {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * Looks up "a.b.c" in a catalog and fills {{values}} ({{n, num}} in the
 * language's digits); with a numeric `count` it picks the plural form
 * (key_one, key_few, ...) the language's rules ask for, as i18next does in
 * the renderer. Unknown keys come back as the key (visible in tests).
 */
export function translate(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const count = values.count;
  const plural =
    typeof count === 'number' ? lookup(language, `${key}_${new Intl.PluralRules(localeOf[language]).select(count)}`) : undefined;
  const text = plural ?? lookup(language, key) ?? (typeof count === 'number' ? lookup(language, `${key}_other`) : undefined);
  if (text === undefined) return key;
  return text.replace(/\{\{(\w+)(?:,\s*(\w+))?\}\}/g, (_, name: string, format: string | undefined) => {
    const value = values[name];
    if (value === undefined) return `{{${name}}}`;
    return format === 'num' && typeof value === 'number' ? formatNumber(language, value) : String(value);
  });
}
