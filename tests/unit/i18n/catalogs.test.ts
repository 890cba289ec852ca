import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, translate } from '../../../shared/i18n/index.ts';
import { sourceFiles } from '../architecture/layer-rules.ts';

const root = resolve(import.meta.dirname, '../../..');

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const has = (language: 'sv' | 'en', key: string) => {
  const all = keys(catalogs[language]);
  return all.includes(key) || all.includes(`${key}_one`);
};

describe('message catalogs', () => {
  it('Swedish and English have exactly the same keys', () => {
    expect(keys(catalogs.sv).sort()).toEqual(keys(catalogs.en).sort());
  });

  it('every literal key the renderer uses exists in both languages', () => {
    const used = sourceFiles(join(root, 'renderer')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => ({ file, key: m[1]! })),
    );
    expect(used.length).toBeGreaterThan(20);
    const missing = used.filter(({ key }) => !has('sv', key) || !has('en', key));
    expect(missing).toEqual([]);
  });

  it('no Swedish text is the English text left untranslated (beyond names and symbols)', () => {
    const same = keys(catalogs.en).filter((k) => {
      const en = translate('en', k);
      return en.length > 12 && en === translate('sv', k);
    });
    expect(same).toEqual([]);
  });

  it('fills values and shows unknown keys as themselves', () => {
    expect(translate('sv', 'attract.welcome', { branch: 'Sala bibliotek' })).toBe('Välkommen till Sala bibliotek');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
