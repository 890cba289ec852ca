/**
 * The demo region: ten municipal libraries of a Västmanland-like county
 * sharing one Koha. Every patron and item is here for a reason a newcomer
 * can try at the kiosk (`openbranch demo patrons|items` lists them).
 */
export interface DemoBranch {
  readonly code: string;
  readonly name: string;
  readonly isil: string;
}

export interface DemoPatron {
  readonly cardNumber: string;
  readonly pin: string;
  readonly name: string;
  readonly birthDate: string;
  readonly category: 'ADULT' | 'CHILD' | 'STAFF';
  readonly home: string;
  /** Meröppet permission (a Koha patron attribute mapped to SIP2 field ZM). */
  readonly meroppet: boolean;
  readonly blocked?: boolean;
  readonly fines?: number;
  readonly expired?: boolean;
  readonly email?: string;
  readonly note: string;
}

export interface DemoItem {
  readonly itemId: string;
  readonly title: string;
  readonly owner: string;
  readonly parts: number;
  readonly mediaType: 'book' | 'audiobook' | 'dvd' | 'reference';
  readonly callNumber: string;
  readonly notForLoan?: boolean;
  readonly note: string;
  /** The bibliographic record (MARC 001 in the demo catalogue) this copy belongs to. */
  readonly biblio?: string;
}

export interface DemoLoan {
  readonly itemId: string;
  readonly cardNumber: string;
  /** Days from today; negative = overdue. */
  readonly dueInDays: number;
}

export interface DemoHold {
  readonly itemId: string;
  readonly cardNumber: string;
  readonly pickup: string;
  /** Already on the hold shelf at the pick-up branch. */
  readonly waiting: boolean;
}

export const DEMO_BRANCHES: readonly DemoBranch[] = [
  { code: 'VAS', name: 'Västerås stadsbibliotek', isil: 'SE-Vå' },
  { code: 'KOP', name: 'Köpings bibliotek', isil: 'SE-Kö' },
  { code: 'SALA', name: 'Sala stadsbibliotek', isil: 'SE-Sa' },
  { code: 'FAG', name: 'Fagersta bibliotek', isil: 'SE-Fa' },
  { code: 'ARB', name: 'Arboga bibliotek', isil: 'SE-Ar' },
  { code: 'KUN', name: 'Kungsörs bibliotek', isil: 'SE-Ku' },
  { code: 'HAL', name: 'Hallstahammars bibliotek', isil: 'SE-Ha' },
  { code: 'SUR', name: 'Surahammars bibliotek', isil: 'SE-Su' },
  { code: 'NOR', name: 'Norbergs bibliotek', isil: 'SE-No' },
  { code: 'SKB', name: 'Skinnskattebergs bibliotek', isil: 'SE-Sk' },
];

export const DEMO_PATRONS: readonly DemoPatron[] = [
  {
    cardNumber: '23000000000017',
    pin: '1234',
    name: 'Anna Lindqvist',
    birthDate: '1985-04-12',
    category: 'ADULT',
    home: 'VAS',
    meroppet: true,
    email: 'anna@example.org',
    note: 'Ordinary adult with meröppet permission; has loans (one overdue) and a reservation ready here.',
  },
  {
    cardNumber: '23000000000025',
    pin: '2345',
    name: 'Erik Johansson',
    birthDate: '1979-09-30',
    category: 'ADULT',
    home: 'VAS',
    meroppet: true,
    blocked: true,
    note: 'Blocked by the library: may not borrow or enter.',
  },
  {
    cardNumber: '23000000000033',
    pin: '3456',
    name: 'Maria Nilsson',
    birthDate: '1992-01-05',
    category: 'ADULT',
    home: 'KOP',
    meroppet: true,
    fines: 350,
    note: 'Owes 350 kr, over the 200 kr limit.',
  },
  {
    cardNumber: '23000000000041',
    pin: '4567',
    name: 'Elsa Berg',
    birthDate: '2011-06-15',
    category: 'CHILD',
    home: 'VAS',
    meroppet: true,
    note: 'Child, 15 years old: refused at the door where the age limit is 18.',
  },
  {
    cardNumber: '23000000000058',
    pin: '5678',
    name: 'Olle Karlsson',
    birthDate: '1968-11-02',
    category: 'ADULT',
    home: 'FAG',
    meroppet: false,
    note: 'Adult without meröppet permission; has a reservation to pick up in Fagersta.',
  },
  {
    cardNumber: '23000000000066',
    pin: '6789',
    name: 'Sara Ek',
    birthDate: '1975-03-21',
    category: 'STAFF',
    home: 'VAS',
    meroppet: true,
    note: 'Staff card: the door always opens for staff.',
  },
  {
    cardNumber: '23000000000074',
    pin: '7890',
    name: 'Gunnar Ström',
    birthDate: '1950-08-08',
    category: 'ADULT',
    home: 'SALA',
    meroppet: true,
    expired: true,
    note: 'Card expired.',
  },
  {
    cardNumber: '23000000000082',
    pin: '8901',
    name: 'Leila Haddad',
    birthDate: '1990-12-24',
    category: 'ADULT',
    home: 'VAS',
    meroppet: true,
    note: 'Adult with meröppet; has reserved items that other patrons are returning.',
  },
];

const book = (itemId: string, title: string, owner: string, callNumber: string, note: string): DemoItem => ({
  itemId,
  title,
  owner,
  parts: 1,
  mediaType: 'book',
  callNumber,
  note,
});

export const DEMO_ITEMS: readonly DemoItem[] = [
  book('39000000000011', 'Pippi Långstrump', 'VAS', 'Hc Lindgren', 'Available: borrow it.'),
  book('39000000000029', 'Mio, min Mio', 'VAS', 'Hc Lindgren', 'Available: borrow it.'),
  book('39000000000037', 'Röda rummet', 'KOP', 'Hc Strindberg', "Köping's book: returned here it goes to the transport crate for Köping."),
  book(
    '39000000000045',
    'Doktor Glas',
    'VAS',
    'Hc Söderberg',
    'On loan to Olle; reserved by Leila for pick-up here: a return goes to the hold shelf.',
  ),
  {
    itemId: '39000000000052',
    title: 'Utvandrarna (ljudbok, 3 cd)',
    owner: 'VAS',
    parts: 3,
    mediaType: 'audiobook',
    callNumber: 'Hc/LC Moberg',
    note: 'Three-part audiobook: all three discs must be on the pad.',
  },
  book(
    '39000000000060',
    'Hemsöborna',
    'SALA',
    'Hc Strindberg',
    'On loan to Maria; reserved by Olle for pick-up in Fagersta: a return goes to the crate for Fagersta.',
  ),
  {
    itemId: '39000000000078',
    title: 'Nationalencyklopedin, band 1',
    owner: 'VAS',
    parts: 1,
    mediaType: 'reference',
    callNumber: 'R Ab',
    notForLoan: true,
    note: 'Reference: not for loan.',
  },
  book('39000000000086', 'Kallocain', 'VAS', 'Hc Boye', 'On the shelf but reserved for Leila: others may not borrow it.'),
  book('39000000000094', 'Populärmusik från Vittula', 'VAS', 'Hc Niemi', 'On loan to Anna: borrowing it again offers a renewal.'),
  book('39000000000102', 'Jerusalem', 'VAS', 'Hc Lagerlöf', 'On loan to Anna, overdue, and reserved by Leila: it cannot be renewed.'),
  book('39000000000110', 'Gösta Berlings saga', 'VAS', 'Hc Lagerlöf', 'Waiting on the hold shelf for Anna: only she may borrow it.'),
  book('39000000000128', 'Ronja rövardotter', 'VAS', 'Hc Lindgren', 'Available.'),
  book('39000000000136', 'Bröderna Lejonhjärta', 'ARB', 'Hc Lindgren', "Arboga's book, available here."),
  book('39000000000144', 'Det blåser på månen', 'VAS', 'Hc Linklater', 'Available.'),
  book('39000000000152', 'Hundraåringen som klev ut genom fönstret och försvann', 'VAS', 'Hc Jonasson', 'Available.'),
  book('39000000000160', 'Män som hatar kvinnor', 'NOR', 'Hc Larsson', "Norberg's book: returned here it goes to the crate for Norberg."),
  book('39000000000178', 'Nils Holgerssons underbara resa', 'VAS', 'Hc Lagerlöf', 'Available.'),
  book('39000000000186', 'Frankenstein', 'VAS', 'Hce Shelley', 'Available.'),
  book('39000000000194', 'Sagan om ringen', 'VAS', 'Hce Tolkien', 'Available.'),
  book('39000000000202', 'Pelle Svanslös', 'VAS', 'Hc Peterson', 'Available.'),
  book('39000000000210', 'Vi på Saltkråkan', 'VAS', 'Hc Lindgren', 'Available.'),
  book('39000000000228', 'Kejsarn av Portugallien', 'VAS', 'Hc Lagerlöf', 'Available.'),
];

export const DEMO_LOANS: readonly DemoLoan[] = [
  { itemId: '39000000000094', cardNumber: '23000000000017', dueInDays: 10 },
  { itemId: '39000000000102', cardNumber: '23000000000017', dueInDays: -3 },
  { itemId: '39000000000045', cardNumber: '23000000000058', dueInDays: 5 },
  { itemId: '39000000000060', cardNumber: '23000000000033', dueInDays: 12 },
];

export const DEMO_HOLDS: readonly DemoHold[] = [
  { itemId: '39000000000045', cardNumber: '23000000000082', pickup: 'VAS', waiting: false },
  { itemId: '39000000000060', cardNumber: '23000000000058', pickup: 'FAG', waiting: false },
  { itemId: '39000000000086', cardNumber: '23000000000082', pickup: 'VAS', waiting: false },
  { itemId: '39000000000110', cardNumber: '23000000000017', pickup: 'VAS', waiting: true },
  { itemId: '39000000000102', cardNumber: '23000000000082', pickup: 'VAS', waiting: false },
];

/** The demo ACS's SIP2 login (Koha SIPconfig.xml <login>). */
export const DEMO_LOGIN = { user: 'kiosk', password: 'kiosk-demo', institution: 'VAS' } as const;
