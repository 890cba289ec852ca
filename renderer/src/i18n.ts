import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/format.ts';
import { directionOf, LANGUAGES, type Language } from '../../shared/i18n/languages.ts';
import { loadCatalog } from '../../shared/i18n/load.ts';

/** The words the page loads before it knows the branch's language: the region's own, the page's `lang`. */
export const FIRST_LANGUAGE: Language = 'sv';

/**
 * All UI text comes from the shared catalogs, one language at a time: the first before the first
 * screen, another when the kiosk view (or a patron) asks for it, the rest once the page has drawn.
 */
export async function initI18n(): Promise<typeof i18next> {
  const words = await loadCatalog(FIRST_LANGUAGE);
  await i18next.use(initReactI18next).init({
    resources: { [FIRST_LANGUAGE]: { translation: words } },
    partialBundledLanguages: true,
    lng: FIRST_LANGUAGE,
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

const loading = new Map<Language, Promise<void>>();

/** A language's words, fetched once (a failed fetch is tried again at the next ask). */
export function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = loadCatalog(language).then(
      (words) => {
        i18next.addResourceBundle(language, 'translation', words);
      },
      (e: unknown) => {
        loading.delete(language);
        throw e;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Every language's words, for a patron who picks another language a moment from now (called once the page has drawn). */
export function loadAllLanguages(): Promise<void> {
  return Promise.all(LANGUAGES.map(loadLanguage)).then(() => undefined);
}

let wanted: Language | undefined;

/**
 * Switches the texts, and the page's language and direction (Arabic is right to left), once that
 * language's words are there; the latest call wins if an earlier one is still loading.
 */
export function applyLanguage(language: Language): void {
  wanted = language;
  const apply = () => {
    if (wanted !== language) return;
    if (i18next.language !== language) void i18next.changeLanguage(language);
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  };
  if (i18next.hasResourceBundle(language, 'translation')) apply();
  else loadLanguage(language).then(apply, () => {});
}
