import { describe, expect, it } from 'vitest';
import { queryFor, rankMatches } from '../../../main/catalog/recommend.ts';
import type { SearchHit } from '../../../main/catalog/search.ts';
import type { CatalogCopy } from '../../../shared/domain/catalog.ts';
import { NO_PREFERENCES, type Preferences } from '../../../shared/domain/discover.ts';

const copy = (holding: string, status: CatalogCopy['status'], callNumber = `Hc ${holding}`): CatalogCopy => ({
  barcode: `${holding}-${status}`,
  home: holding,
  holding,
  callNumber,
  status,
});
const hit = (id: string, o: Partial<SearchHit> = {}): SearchHit => ({
  id,
  title: `Titel ${id}`,
  languages: ['swe'],
  language: 'swe',
  format: 'audiobook',
  online: false,
  genres: [{ term: 'Deckare', thesaurus: 'saogf' }],
  subjects: [],
  copies: [],
  onShelfHere: false,
  ...o,
});
const prefs = (p: Partial<Preferences>): Preferences => ({ ...NO_PREFERENCES, ...p });
const deckareLjudbokSvenska = prefs({ genre: ['deckare'], format: ['audiobook'], language: ['swe'] });

describe('"Tips för mig" ranking', () => {
  it('maps the plain choices to what the catalogue says: 655 terms, formats, MARC languages, audiences', () => {
    expect(
      queryFor(prefs({ genre: ['deckare', 'fantasy'], format: ['print', 'audiobook'], language: ['swe'], age: ['youth'] }), 'VAS'),
    ).toEqual({
      genres: ['Deckare', 'Fantasy', 'Science fiction'],
      formats: ['book', 'audiobook'],
      languages: ['swe'],
      audiences: ['youth'],
      here: 'VAS',
      limit: 40,
    });
    // "Like this one" without a genre: its own genres, never itself.
    const like = hit('7', { genres: [{ term: 'Thrillers', thesaurus: 'saogf' }] });
    expect(queryFor(prefs({ like: 'x' }), 'VAS', like)).toMatchObject({ genres: ['Thrillers'], exclude: ['7'], limit: 200 });
  });

  it('on the shelf here first (with the shelf), then to reserve from other branches, then e-media, then nothing to lend', () => {
    const ranked = rankMatches(
      [
        hit('none', { copies: [copy('KOP', 'not-for-loan')] }),
        hit('emedia', { online: true }),
        hit('elsewhere', { copies: [copy('KOP', 'available'), copy('VAS', 'on-loan')], year: 2025 }),
        hit('here', { copies: [copy('KOP', 'on-loan'), copy('VAS', 'available', 'Hc/LC Ek')], year: 2001 }),
      ],
      deckareLjudbokSvenska,
      'VAS',
    );
    expect(ranked.map((m) => [m.id, m.group])).toEqual([
      ['here', 'here'],
      ['elsewhere', 'reserve'],
      ['emedia', 'emedia'],
      ['none', 'none'],
    ]);
    expect(ranked[0]).toMatchObject({ shelf: 'Hc/LC Ek', branches: ['KOP', 'VAS'] });
    expect(ranked[1]?.branches).toEqual(['KOP', 'VAS']);
  });

  it('explains each match by the choices it meets, in the order of the questions', () => {
    const [m] = rankMatches([hit('1', { audience: 'adult' })], prefs({ ...deckareLjudbokSvenska, age: ['adult'] }), 'VAS');
    expect(m!.reasons.map((r) => r.key)).toEqual([
      'discover.genre.deckare',
      'discover.format.audiobook',
      'discover.language.swe',
      'discover.age.adult',
    ]);
    // A barngf "Deckare" is a Deckare too; a choice the title does not meet is not claimed.
    const [child] = rankMatches(
      [hit('2', { genres: [{ term: 'Deckare', thesaurus: 'barngf' }], language: 'eng' })],
      deckareLjudbokSvenska,
      'VAS',
    );
    expect(child!.reasons.map((r) => r.key)).toEqual(['discover.genre.deckare', 'discover.format.audiobook']);
  });

  it("within a group, the most like the patron's own loan first (same author, series, subjects), then the newest", () => {
    const like = hit('mine', { author: 'Ek, Sara', series: 'Sala-serien', subjects: ['Mord', 'Småstäder'] });
    const ranked = rankMatches(
      [
        hit('new', { year: 2026, copies: [copy('KOP', 'available')] }),
        hit('same-author', { author: 'Ek, Sara', year: 2001, copies: [copy('KOP', 'available')] }),
        hit('series', { series: 'Sala-serien', subjects: ['Mord'], year: 1999, copies: [copy('KOP', 'available')] }),
      ],
      prefs({ like: 'x' }),
      'VAS',
      like,
    );
    expect(ranked.map((m) => m.id)).toEqual(['series', 'same-author', 'new']);
    expect(ranked[0]!.reasons).toEqual([{ key: 'discover.reason.like', values: { title: 'Titel mine' } }]);
  });
});
