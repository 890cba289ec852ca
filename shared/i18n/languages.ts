/**
 * The kiosk's languages and how each is written, with no schema library behind them: the patron
 * page needs these before its first screen, and the config schema builds its enum from the same list.
 * Swedish, English, Finnish (a national minority language) and Arabic (right to left).
 */
export const LANGUAGES = ['sv', 'en', 'fi', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/**
 * The locale each language formats dates and numbers with. Arabic uses
 * Arabic-Indic digits (٠-٩) in running text, as in Syria and Iraq where
 * most Arabic-speaking patrons of Swedish libraries come from; card
 * numbers, PINs and barcodes stay in the digits printed on card and keypad.
 */
export const localeOf: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI', ar: 'ar-u-nu-arab' };
export const directionOf = (language: Language): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');
