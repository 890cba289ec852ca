import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Language, languageSchema } from '../../../shared/config/branch.ts';
import { catalogs, formatDay, localeOf, translate } from '../../../shared/i18n/index.ts';
import { sourceFiles } from '../architecture/layer-rules.ts';

const root = resolve(import.meta.dirname, '../../..');
const LANGUAGES = languageSchema.options;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** Keys with plural forms folded into one ("holds.ready_one" -> "holds.ready#plural"). */
const baseKeys = (language: Language) => [...new Set(keys(catalogs[language]).map((k) => k.replace(PLURAL, '#plural')))].sort();

const has = (language: Language, key: string) => {
  const all = keys(catalogs[language]);
  return all.includes(key) || all.includes(`${key}_other`);
};

describe('message catalogs', () => {
  it('Swedish, English, Finnish and Arabic have the same keys', () => {
    for (const language of LANGUAGES) expect({ language, keys: baseKeys(language) }).toEqual({ language, keys: baseKeys('sv') });
  });

  it('every plural message has each form its language needs (Arabic: zero, one, two, few, many, other)', () => {
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(localeOf[language]).resolvedOptions().pluralCategories;
      const plurals = [
        ...new Set(
          keys(catalogs[language])
            .filter((k) => PLURAL.test(k))
            .map((k) => k.replace(PLURAL, '')),
        ),
      ];
      expect(plurals.length).toBeGreaterThan(2);
      const all = new Set(keys(catalogs[language]));
      const missing = plurals.flatMap((base) => needed.map((form) => `${base}_${form}`).filter((key) => !all.has(key)));
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it('every literal key the renderer uses exists in every language', () => {
    const used = sourceFiles(join(root, 'renderer')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => ({ file, key: m[1]! })),
    );
    expect(used.length).toBeGreaterThan(20);
    const missing = used.filter(({ key }) => LANGUAGES.some((language) => !has(language, key)));
    expect(missing).toEqual([]);
  });

  it('no text is left in English in another catalog (beyond names and symbols)', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const same = keys(catalogs.en).filter((k) => {
        const en = translate('en', k);
        return en.length > 12 && en === translate(language, k);
      });
      expect({ language, same }).toEqual({ language, same: [] });
    }
  });

  it('fills values, picks plural forms, writes Arabic numbers in Arabic-Indic digits, and shows unknown keys as themselves', () => {
    expect(translate('sv', 'attract.welcome', { branch: 'Sala bibliotek' })).toBe('Välkommen till Sala bibliotek');
    expect(translate('sv', 'menu.holdsReady', { count: 2 })).toBe('2 reservationer väntar på dig här.');
    expect(translate('sv', 'menu.holdsReady', { count: 1 })).toBe('1 reservation väntar på dig här.');
    expect(translate('ar', 'menu.holdsReady', { count: 2 })).toBe('حجزان ينتظرانك هنا.');
    expect(translate('ar', 'menu.holdsReady', { count: 5 })).toBe('٥ حجوزات تنتظرك هنا.');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('dates follow the language: Finnish day.month.year, Arabic in Arabic-Indic digits', () => {
    const due = '2026-12-28T12:00:00Z';
    expect(formatDay('fi', due, 'Europe/Stockholm')).toBe('ma 28.12.2026');
    expect(formatDay('ar', due, 'Europe/Stockholm')).toContain('٢٨');
    expect(formatDay('sv', due, 'Europe/Stockholm')).toMatch(/^mån 28 dec\.? 2026$/);
  });
});
