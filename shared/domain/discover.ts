import type { Audience, CatalogFormat } from './catalog.ts';

/**
 * The large choices of "Tips för mig", in words a patron uses, mapped to
 * what the catalogue says: genre/form terms (655 $a, saogf/barngf), formats,
 * MARC language codes, age groups. Keys name catalog messages
 * (discover.genre.<key>, ...); the renderer words them.
 */
export const GENRE_CHOICES = [
  { key: 'deckare', terms: ['Deckare'] },
  { key: 'spanning', terms: ['Thrillers', 'Spänning'] },
  { key: 'karlek', terms: ['Kärleksromaner', 'Feelgood'] },
  { key: 'historiskt', terms: ['Historiska romaner'] },
  { key: 'fantasy', terms: ['Fantasy', 'Science fiction'] },
  { key: 'skrack', terms: ['Skräck'] },
  { key: 'humor', terms: ['Humor'] },
  { key: 'noveller', terms: ['Noveller'] },
  { key: 'verklighet', terms: ['Biografier', 'Självbiografier', 'Populärvetenskap'] },
  { key: 'mat', terms: ['Kokböcker'] },
  { key: 'bilderbocker', terms: ['Bilderböcker'] },
  { key: 'kapitelbocker', terms: ['Kapitelböcker'] },
] as const;
export type GenreChoice = (typeof GENRE_CHOICES)[number]['key'];

export const FORMAT_CHOICES = [
  { key: 'print', formats: ['book'] },
  { key: 'audiobook', formats: ['audiobook'] },
  { key: 'ebook', formats: ['ebook'] },
  { key: 'film', formats: ['film'] },
] as const satisfies readonly { key: string; formats: readonly CatalogFormat[] }[];
export type FormatChoice = (typeof FORMAT_CHOICES)[number]['key'];

/** The languages most asked for in a Swedish public library, as MARC codes. */
export const LANGUAGE_CHOICES = ['swe', 'eng', 'ara', 'fin', 'per', 'som', 'ger'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const AGE_CHOICES = ['children', 'youth', 'adult'] as const satisfies readonly Audience[];
export type AgeChoice = (typeof AGE_CHOICES)[number];

export type DiscoverFacet = 'genre' | 'format' | 'language' | 'age';

/** What a patron has picked; lives only as long as the session. */
export interface Preferences {
  readonly genre: readonly GenreChoice[];
  readonly format: readonly FormatChoice[];
  readonly language: readonly LanguageChoice[];
  readonly age: readonly AgeChoice[];
  /** A copy from the patron's own loans: "more like this one". */
  readonly like?: string;
}

export const NO_PREFERENCES: Preferences = { genre: [], format: [], language: [], age: [] };

export const CHOICES: Readonly<Record<DiscoverFacet, readonly string[]>> = {
  genre: GENRE_CHOICES.map((g) => g.key),
  format: FORMAT_CHOICES.map((f) => f.key),
  language: LANGUAGE_CHOICES,
  age: AGE_CHOICES,
};

/** Where a match is: on the shelf here, to reserve from elsewhere, in the e-media service, or not to be had. */
export type MatchGroup = 'here' | 'reserve' | 'emedia' | 'none';

/** One part of "why this title": a catalog key and the value to word (e.g. discover.genre.deckare). */
export interface Reason {
  readonly key: string;
  readonly values?: Readonly<Record<string, string>>;
}
