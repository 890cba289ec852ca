import type { FormatSpec } from './formats.ts';
import { leader } from './formats.ts';
import { control, data, field008, isbn13, type MarcField } from './marc-fields.ts';
import { Random, recordSeed } from './random.ts';
import { AUDIENCE, type CatalogCopy, copies, itemField, pickFormat, pickGenre } from './record-parts.ts';
import {
  FIRST_NAMES,
  type GenreSpec,
  LANGUAGES,
  NARRATORS,
  PLACES,
  PUBLISHERS,
  SUMMARY_OPENINGS,
  SURNAMES,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  TITLE_PATTERNS,
} from './vocabulary.ts';

/** One bibliographic record of the demo catalogue, in marcjs's shape, with its copies. */
export interface CatalogRecord {
  /** Koha biblionumber (MARC 001). */
  readonly id: string;
  readonly leader: string;
  readonly fields: MarcField[];
  readonly copies: readonly CatalogCopy[];
}

/** What a hand-written record (the demo ACS's own items) fixes; the rest is generated. */
export interface RecordSeedFacts {
  readonly title: string;
  readonly author: readonly [string, string];
  readonly year: number;
  readonly genre: GenreSpec;
  readonly format: FormatSpec;
  readonly copies: readonly CatalogCopy[];
}

const dateEntered = (year: number) => `${String(Math.max(year, 2000)).slice(2)}0101`;

function title(r: Random): string {
  const t = r.pick(TITLE_PATTERNS).replace('{n}', r.pick(TITLE_NOUNS)).replace('{a}', r.pick(TITLE_ADJECTIVES));
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Record number `index` of the catalogue with `seed`: the same inputs give the same record, independent of the others. */
export function generateRecord(seed: number, index: number, today: Date, fixed?: RecordSeedFacts): CatalogRecord {
  const r = new Random(recordSeed(seed, index));
  const id = String(index + 1);
  const genre = fixed?.genre ?? pickGenre(r);
  const format = fixed?.format ?? pickFormat(r, genre);
  const [surname, first] = fixed?.author ?? [r.pick(SURNAMES), r.pick(FIRST_NAMES)];
  const main = fixed?.title ?? title(r);
  const year = fixed?.year ?? (r.chance(0.7) ? r.int(2015, 2026) : r.int(1950, 2014));
  const language = fixed ? 'swe' : r.weighted(LANGUAGES).code;
  const audience = AUDIENCE[genre.audience];
  const isbn = isbn13(`97891${String(r.int(0, 9_999_999)).padStart(7, '0')}`);
  const place = r.pick(PLACES);
  const sab =
    format.kind === 'film' ? 'Film' : format.kind === 'game' ? 'Spel' : format.kind === 'audiobook-cd' ? `${genre.sab}/LC` : genre.sab;
  const callNumber = `${sab} ${surname}`;
  const itemCopies = fixed?.copies ?? copies(r, index, format, callNumber, today);
  const subjects = [...new Set([r.pick(genre.subjects), r.pick(genre.subjects)])];
  const series = r.chance(0.25) ? { name: `${place}serien`, part: String(r.int(1, 9)) } : undefined;
  const summary = r
    .pick(SUMMARY_OPENINGS)
    .replace('{p}', `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`)
    .replace('{place}', place);
  const fields: MarcField[] = [
    control('001', id),
    control('003', 'SE-DEMO'),
    ...(format.f007 ? [control('007', format.f007)] : []),
    field008({
      entered: dateEntered(year),
      year,
      audience: audience.code,
      form: format.form,
      fiction: genre.fiction,
      biography: genre.term === 'Biografier',
      language,
    }),
    data('020', '  ', ['a', isbn]),
    data('041', '0 ', ['a', language]),
    data('100', '1 ', ['a', `${surname}, ${first}`], ['4', 'aut']),
    data('245', '10', ['a', main], ['c', `${first} ${surname}`]),
    data('264', ' 1', ['a', 'Stockholm'], ['b', r.pick(PUBLISHERS)], ['c', String(year)]),
    data('300', '  ', ['a', format.extent(r)]),
    data('336', '  ', ['a', format.content[0]], ['b', format.content[1]], ['2', 'rdacontent']),
    data('337', '  ', ['a', format.media[0]], ['b', format.media[1]], ['2', 'rdamedia']),
    data('338', '  ', ['a', format.carrier[0]], ['b', format.carrier[1]], ['2', 'rdacarrier']),
    data('385', '  ', ['a', audience.term]),
    ...(series ? [data('490', '1 ', ['a', series.name], ['v', series.part])] : []),
    // The classics of the demo ACS get no invented summary.
    ...(fixed ? [] : [data('520', '  ', ['a', summary])]),
    ...subjects.map((s) => data('650', ' 7', ['a', s], ['2', 'sao'])),
    ...(r.chance(0.4) ? [data('651', ' 7', ['a', place], ['2', 'sao'])] : []),
    data('655', ' 7', ['a', genre.term], ['2', genre.thesaurus]),
    ...(format.kind.startsWith('audiobook') ? [data('700', '1 ', ['a', r.pick(NARRATORS)], ['4', 'nrt'])] : []),
    ...(series ? [data('800', '1 ', ['a', `${surname}, ${first}`], ['t', series.name], ['v', series.part])] : []),
    ...(format.form === 'o' ? [data('856', '40', ['u', `https://emedia.example.org/titel/${isbn}`], ['z', 'Låna i e-mediatjänsten'])] : []),
    ...itemCopies.map(itemField),
  ];
  return { id, leader: leader(format.leaderType), fields, copies: itemCopies };
}
