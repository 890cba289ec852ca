import type { Random } from './random.ts';

/** How each format is catalogued: leader/06, 007, RDA 336-338 (Swedish terms, codes in $b), item type, extent. */
export interface FormatSpec {
  readonly kind: 'book' | 'audiobook-cd' | 'audiobook-online' | 'ebook' | 'film' | 'game';
  readonly weight: number;
  readonly leaderType: string;
  readonly f007?: string;
  /** 008/23 form of item: ' ' regular print, 'o' online. */
  readonly form: string;
  readonly content: readonly [string, string];
  readonly media: readonly [string, string];
  readonly carrier: readonly [string, string];
  /** Koha item type (952$y); undefined: e-media, no copies. */
  readonly itemType?: string;
  extent(r: Random): string;
}

export const FORMATS: readonly FormatSpec[] = [
  {
    kind: 'book',
    weight: 55,
    leaderType: 'a',
    form: ' ',
    content: ['text', 'txt'],
    media: ['oförmedlad', 'n'],
    carrier: ['volym', 'nc'],
    itemType: 'BOK',
    extent: (r) => `${r.int(24, 620)} sidor`,
  },
  {
    kind: 'audiobook-cd',
    weight: 12,
    leaderType: 'i',
    f007: 'sd fsngnnmmned',
    form: ' ',
    content: ['talade ord', 'spw'],
    media: ['audio', 's'],
    carrier: ['ljudskiva', 'sd'],
    itemType: 'LJUDBOK',
    extent: (r) => `${r.int(4, 14)} CD-skivor (${r.int(5, 16)} tim., ${r.int(1, 59)} min.)`,
  },
  {
    kind: 'audiobook-online',
    weight: 10,
    leaderType: 'i',
    f007: 'cr una---uuuuu',
    form: 'o',
    content: ['talade ord', 'spw'],
    media: ['dator', 'c'],
    carrier: ['onlineresurs', 'cr'],
    extent: (r) => `1 ljudfil (${r.int(3, 18)} tim., ${r.int(1, 59)} min.)`,
  },
  {
    kind: 'ebook',
    weight: 13,
    leaderType: 'a',
    f007: 'cr |n|||||||||',
    form: 'o',
    content: ['text', 'txt'],
    media: ['dator', 'c'],
    carrier: ['onlineresurs', 'cr'],
    extent: () => '1 onlineresurs',
  },
  {
    kind: 'film',
    weight: 6,
    leaderType: 'g',
    f007: 'vd cvaizq',
    form: ' ',
    content: ['tvådimensionell rörlig bild', 'tdi'],
    media: ['video', 'v'],
    carrier: ['videoskiva', 'vd'],
    itemType: 'FILM',
    extent: (r) => `1 videoskiva (DVD) (${r.int(75, 160)} min.)`,
  },
  {
    kind: 'game',
    weight: 4,
    leaderType: 'm',
    f007: 'co |g|||||||',
    form: ' ',
    content: ['datorprogram', 'cop'],
    media: ['dator', 'c'],
    carrier: ['datorskiva', 'cd'],
    itemType: 'SPEL',
    extent: () => '1 datorskiva',
  },
];

export const leader = (type: string) => `00000n${type}m a2200000 i 4500`;
