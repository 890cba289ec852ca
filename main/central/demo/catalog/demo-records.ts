import { DEMO_ITEMS, DEMO_LOANS, type DemoItem } from '../data.ts';
import { FORMATS, type FormatSpec } from './formats.ts';
import type { RecordSeedFacts } from './generate-record.ts';
import type { CatalogCopy } from './record-parts.ts';
import { GENRES, type GenreSpec } from './vocabulary.ts';

const genre = (term: string, thesaurus: 'saogf' | 'barngf' = 'saogf'): GenreSpec =>
  GENRES.find((g) => g.term === term && g.thesaurus === thesaurus)!;
const format = (kind: FormatSpec['kind']) => FORMATS.find((f) => f.kind === kind)!;

/** Author, year and genre of each title the demo ACS lends (the classics every Swedish library has). */
const FACTS: Readonly<Record<string, { author: readonly [string, string]; year: number; genre: GenreSpec }>> = {
  'Pippi Långstrump': { author: ['Lindgren', 'Astrid'], year: 1945, genre: genre('Kapitelböcker', 'barngf') },
  'Mio, min Mio': { author: ['Lindgren', 'Astrid'], year: 1954, genre: genre('Fantasy', 'barngf') },
  'Röda rummet': { author: ['Strindberg', 'August'], year: 1879, genre: genre('Historiska romaner') },
  'Doktor Glas': { author: ['Söderberg', 'Hjalmar'], year: 1905, genre: genre('Kärleksromaner') },
  'Utvandrarna (ljudbok, 3 cd)': { author: ['Moberg', 'Vilhelm'], year: 1949, genre: genre('Historiska romaner') },
  Hemsöborna: { author: ['Strindberg', 'August'], year: 1887, genre: genre('Humor') },
  'Nationalencyklopedin, band 1': { author: ['Nationalencyklopedin', 'redaktionen'], year: 1989, genre: genre('Populärvetenskap') },
  Kallocain: { author: ['Boye', 'Karin'], year: 1940, genre: genre('Science fiction') },
  'Populärmusik från Vittula': { author: ['Niemi', 'Mikael'], year: 2000, genre: genre('Humor') },
  Jerusalem: { author: ['Lagerlöf', 'Selma'], year: 1901, genre: genre('Historiska romaner') },
  'Gösta Berlings saga': { author: ['Lagerlöf', 'Selma'], year: 1891, genre: genre('Historiska romaner') },
  'Ronja rövardotter': { author: ['Lindgren', 'Astrid'], year: 1981, genre: genre('Fantasy', 'barngf') },
  'Bröderna Lejonhjärta': { author: ['Lindgren', 'Astrid'], year: 1973, genre: genre('Fantasy', 'barngf') },
  'Det blåser på månen': { author: ['Linklater', 'Eric'], year: 1944, genre: genre('Kapitelböcker', 'barngf') },
  'Hundraåringen som klev ut genom fönstret och försvann': { author: ['Jonasson', 'Jonas'], year: 2009, genre: genre('Humor') },
  'Män som hatar kvinnor': { author: ['Larsson', 'Stieg'], year: 2005, genre: genre('Deckare') },
  'Nils Holgerssons underbara resa': { author: ['Lagerlöf', 'Selma'], year: 1906, genre: genre('Kapitelböcker', 'barngf') },
  Frankenstein: { author: ['Shelley', 'Mary'], year: 1818, genre: genre('Skräck') },
  'Sagan om ringen': { author: ['Tolkien', 'J. R. R.'], year: 1954, genre: genre('Fantasy') },
  'Pelle Svanslös': { author: ['Peterson', 'Gösta Knutsson'], year: 1939, genre: genre('Kapitelböcker', 'barngf') },
  'Vi på Saltkråkan': { author: ['Lindgren', 'Astrid'], year: 1964, genre: genre('Kapitelböcker', 'barngf') },
  'Kejsarn av Portugallien': { author: ['Lagerlöf', 'Selma'], year: 1914, genre: genre('Historiska romaner') },
};

const ITEM_TYPE: Readonly<Record<DemoItem['mediaType'], string>> = { book: 'BOK', audiobook: 'LJUDBOK', dvd: 'FILM', reference: 'REF' };

/** The demo ACS's own items as the first records of the catalogue, with the same barcodes, owners and call numbers. */
export function demoItemFacts(today: Date): RecordSeedFacts[] {
  return DEMO_ITEMS.map((item) => {
    const facts = FACTS[item.title];
    if (!facts) throw new Error(`no catalogue facts for demo item "${item.title}"`);
    const loan = DEMO_LOANS.find((l) => l.itemId === item.itemId);
    const copy: CatalogCopy = {
      barcode: item.itemId,
      home: item.owner,
      holding: item.owner,
      callNumber: item.callNumber,
      itemType: ITEM_TYPE[item.mediaType],
      ...(loan ? { due: new Date(today.getTime() + loan.dueInDays * 86_400_000).toISOString().slice(0, 10) } : {}),
      ...(item.notForLoan ? { notForLoan: true } : {}),
    };
    return {
      title: item.title.replace(/ \(ljudbok.*\)$/, ''),
      author: facts.author,
      year: facts.year,
      genre: facts.genre,
      format: format(item.mediaType === 'audiobook' ? 'audiobook-cd' : 'book'),
      copies: [copy],
    };
  });
}
