import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/config/branch.ts';
import { catalogs, directionOf, formatNumber } from '../../shared/i18n/index.ts';

/** All UI text comes from the shared catalogs; the kiosk view says which language is active. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogs).map(([lang, catalog]) => [lang, { translation: catalog }])),
    lng: 'sv',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // {{count, num}}: numbers in the language's own digits (Arabic-Indic in Arabic).
  i18next.services.formatter?.add('num', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatNumber(lng ?? 'sv', value) : String(value),
  );
  return i18next;
}

/** Switches the texts, and the page's language and direction (Arabic is right to left). */
export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}
