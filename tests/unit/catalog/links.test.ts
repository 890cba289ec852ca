import { describe, expect, it } from 'vitest';
import { fillLink, phoneList } from '../../../main/catalog/links.ts';
import { configSchema } from '../../../shared/config/schema.ts';

describe('links to the e-media service and the public catalogue', () => {
  it('fills {id} and {isbn}, escaped; no link when the record lacks what the template needs', () => {
    expect(fillLink('https://opac.example/detail?biblionumber={id}', { id: '12 3' })).toBe(
      'https://opac.example/detail?biblionumber=12%203',
    );
    expect(fillLink('https://emedia.example/isbn/{isbn}', { id: '1', isbn: '9789100000001' })).toBe(
      'https://emedia.example/isbn/9789100000001',
    );
    expect(fillLink('https://emedia.example/isbn/{isbn}', { id: '1' })).toBeUndefined();
    expect(fillLink(undefined, { id: '1' })).toBeUndefined();
  });

  it('the phone list carries titles and their links only, at most eight', () => {
    const titles = Array.from({ length: 12 }, (_, i) => ({ id: String(i + 1), title: `Titel ${i + 1}` }));
    const text = phoneList('https://opac.example/{id}', titles)!;
    expect(text.split('\n')).toHaveLength(16);
    expect(text.startsWith('Titel 1\nhttps://opac.example/1\n')).toBe(true);
    expect(phoneList(undefined, titles)).toBeUndefined();
  });

  it('config: catalog is strict, and a template must be a web address with {id} or {isbn} and nothing else in braces', () => {
    expect(configSchema.safeParse({ catalog: { oaiUrl: 'https://koha.example/cgi-bin/koha/oai.pl' } }).success).toBe(true);
    const problems = (catalog: unknown) =>
      (configSchema.safeParse({ catalog }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ oaiUrl: 'ftp://x' })).toEqual(['catalog.oaiUrl: must be an http(s) address']);
    expect(problems({ opacLinkTemplate: 'https://opac.example/x' })).toEqual(['catalog.opacLinkTemplate: must contain {id} or {isbn}']);
    expect(problems({ emediaLinkTemplate: 'https://e.example/{isbn}/{patron}' })).toEqual([
      'catalog.emediaLinkTemplate: only {id} and {isbn} may be used',
    ]);
    expect(problems({ schedule: { everyMinute: 5 } })[0]).toMatch(/^catalog\.schedule: /);
  });
});
