import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../../shared/i18n/index.ts';

/** All UI text comes from the shared catalogs; the kiosk view says which language is active. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { sv: { translation: catalogs.sv }, en: { translation: catalogs.en } },
    lng: 'sv',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
