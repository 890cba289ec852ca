/**
 * The kiosk's copy of the region's catalogue as the flows see it: what the
 * harvester keeps of each MARC record, and what a search returns.
 */
export const FORMATS = ['book', 'audiobook', 'ebook', 'film', 'game', 'music', 'other'] as const;
export type CatalogFormat = (typeof FORMATS)[number];

export const AUDIENCES = ['children', 'youth', 'adult'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type CopyStatus = 'available' | 'on-loan' | 'not-for-loan' | 'unavailable';

export interface Genre {
  readonly term: string;
  /** 655 $2: saogf, barngf, ... */
  readonly thesaurus: string;
}

export interface CatalogCopy {
  readonly barcode: string;
  readonly home: string;
  readonly holding: string;
  readonly callNumber?: string;
  readonly status: CopyStatus;
  /** YYYY-MM-DD, when on loan. */
  readonly due?: string;
}

export interface CatalogRecord {
  /** Koha biblionumber (MARC 001, or the OAI identifier's last part). */
  readonly id: string;
  readonly title: string;
  readonly author?: string;
  readonly year?: number;
  /** MARC language code (008/35-37, else 041 $a). */
  readonly language?: string;
  readonly languages: readonly string[];
  readonly format: CatalogFormat;
  /** Lives in the e-media service (338 onlineresurs / 007 cr): no copies, a link instead. */
  readonly online: boolean;
  readonly audience?: Audience;
  readonly genres: readonly Genre[];
  readonly subjects: readonly string[];
  readonly series?: string;
  readonly summary?: string;
  readonly isbn?: string;
  readonly copies: readonly CatalogCopy[];
}
