// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, FIRST_LANGUAGE, initI18n, loadAllLanguages, loadLanguage } from '../../../renderer/src/i18n.ts';
import { catalogs } from '../../../shared/i18n/index.ts';

const loaded = () => ['sv', 'en', 'fi', 'ar'].filter((l) => i18next.hasResourceBundle(l, 'translation'));
const switched = (language: string) =>
  new Promise<void>((resolve) => {
    const on = (lng: string) => {
      if (lng !== language) return;
      i18next.off('languageChanged', on);
      resolve();
    };
    i18next.on('languageChanged', on);
  });

// The words load one language at a time: the first before the first screen, another when it is asked for.
describe('the page’s words, one language at a time', () => {
  beforeAll(async () => {
    await initI18n();
  });

  it('starts with the first language’s words only', () => {
    expect(FIRST_LANGUAGE).toBe('sv');
    expect(loaded()).toEqual(['sv']);
    expect(i18next.t('attract.start')).toBe(catalogs.sv.attract.start);
  });

  it('a language asked for is loaded, then the texts, lang and direction switch together', async () => {
    const done = switched('ar');
    applyLanguage('ar');
    // Not switched before its words are there.
    expect(document.documentElement.lang).not.toBe('ar');
    await done;
    expect(loaded()).toContain('ar');
    expect(i18next.t('attract.start')).toBe(catalogs.ar.attract.start);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
  });

  it('the latest choice wins when an earlier one is still loading', async () => {
    await loadLanguage('en');
    expect(loaded()).not.toContain('fi');
    applyLanguage('fi');
    // English is there already: it applies at once, and Finnish, arriving later, must not override it.
    applyLanguage('en');
    await loadLanguage('fi');
    await new Promise((r) => setTimeout(r, 0));
    expect(i18next.language).toBe('en');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en', 'ltr']);
    expect(i18next.t('attract.start')).toBe(catalogs.en.attract.start);
  });

  it('loads every language once the page has drawn', async () => {
    await loadAllLanguages();
    expect(loaded()).toEqual(['sv', 'en', 'fi', 'ar']);
  });
});
