import { DEMO_BRANCHES } from '../data.ts';
import { FORMATS, type FormatSpec } from './formats.ts';
import { barcode, data, type MarcField } from './marc-fields.ts';
import type { Random } from './random.ts';
import { GENRES, type GenreSpec } from './vocabulary.ts';

/** A copy as the demo catalogue holds it; becomes a 952 field and a SIP2 item of the demo ACS. */
export interface CatalogCopy {
  readonly barcode: string;
  readonly home: string;
  readonly holding: string;
  readonly callNumber: string;
  readonly itemType: string;
  /** YYYY-MM-DD when on loan. */
  readonly due?: string;
  readonly notForLoan?: boolean;
}

const BRANCH_WEIGHTS: Readonly<Record<string, number>> = {
  VAS: 30,
  KOP: 10,
  SALA: 10,
  FAG: 8,
  ARB: 8,
  KUN: 6,
  HAL: 8,
  SUR: 6,
  NOR: 6,
  SKB: 4,
};
const BRANCHES = DEMO_BRANCHES.map((b) => ({ code: b.code, weight: BRANCH_WEIGHTS[b.code] ?? 5 }));
const DAY = 86_400_000;

/** 952 as Koha exports items in MARCXML (a home, b holding, o call number, p barcode, y type, q due, 7 not for loan). */
export function itemField(c: CatalogCopy): MarcField {
  return data(
    '952',
    '  ',
    ['7', c.notForLoan ? '1' : undefined],
    ['a', c.home],
    ['b', c.holding],
    ['o', c.callNumber],
    ['p', c.barcode],
    ['q', c.due],
    ['y', c.itemType],
  );
}

/** 1-5 copies over the region's branches (more in the big town), about a third on loan. */
export function copies(r: Random, index: number, format: FormatSpec, callNumber: string, today: Date): CatalogCopy[] {
  if (!format.itemType) return [];
  const n = r.weighted([
    { n: 1, weight: 35 },
    { n: 2, weight: 30 },
    { n: 3, weight: 18 },
    { n: 4, weight: 10 },
    { n: 5, weight: 7 },
  ]).n;
  return Array.from({ length: n }, (_, k) => {
    const home = r.weighted(BRANCHES).code;
    const onLoan = r.chance(0.32);
    return {
      barcode: barcode(`391${String(index * 8 + k).padStart(10, '0')}`),
      home,
      holding: home,
      callNumber,
      itemType: format.itemType!,
      ...(onLoan ? { due: new Date(today.getTime() + r.int(1, 28) * DAY).toISOString().slice(0, 10) } : {}),
      ...(r.chance(0.01) ? { notForLoan: true } : {}),
    };
  });
}

export const pickFormat = (r: Random, genre: GenreSpec): FormatSpec => {
  // Films and games are not catalogued under the book genres of picture books.
  const allowed = genre.term === 'Bilderböcker' ? FORMATS.filter((f) => f.kind === 'book' || f.kind === 'ebook') : FORMATS;
  return r.weighted(allowed);
};

export const pickGenre = (r: Random): GenreSpec => r.weighted(GENRES);

/** 008/22 target audience and the 385 term the Swedish libraries use. */
export const AUDIENCE: Readonly<Record<GenreSpec['audience'], { readonly code: string; readonly term: string }>> = {
  adult: { code: 'e', term: 'Vuxna' },
  youth: { code: 'd', term: 'Ungdomar' },
  children: { code: 'j', term: 'Barn' },
};
