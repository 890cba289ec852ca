import { ar } from './ar.ts';
import { type Catalog, en } from './en.ts';
import { fi } from './fi.ts';
import { formatNumber } from './format.ts';
import { type Language, localeOf } from './languages.ts';
import { sv } from './sv.ts';

export { formatDateTime, formatDay, formatNumber, formatTime } from './format.ts';
export { directionOf, type Language, localeOf } from './languages.ts';
export type { Catalog };
/** Every language's words at once (the main process: receipts, speech, e-mail). The patron page loads one at a time (load.ts). */
export const catalogs: Record<Language, Catalog> = { sv, en, fi, ar };

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
