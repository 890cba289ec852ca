import type { CatalogFormat, CatalogRecord } from '../../shared/domain/catalog.ts';
import { FORMAT_CHOICES, GENRE_CHOICES, type MatchGroup, type Preferences, type Reason } from '../../shared/domain/discover.ts';
import type { CatalogQuery, SearchHit } from './search.ts';

/** A ranked title for "Tips för mig", with why it is there and where to get it. */
export interface Match {
  readonly id: string;
  readonly title: string;
  readonly author?: string;
  readonly year?: number;
  readonly format: CatalogFormat;
  readonly language?: string;
  readonly genres: readonly string[];
  readonly isbn?: string;
  readonly group: MatchGroup;
  /** Call number of a copy on the shelf here: where to walk. */
  readonly shelf?: string;
  /** Branches with a copy that can be lent (for "reserve from ..."). */
  readonly branches: readonly string[];
  readonly reasons: readonly Reason[];
  /** How much like the patron's own loan it is (0 without one). */
  readonly likeness: number;
}

const GROUP_ORDER: Readonly<Record<MatchGroup, number>> = { here: 0, reserve: 1, emedia: 2, none: 3 };

/** The catalogue query for a patron's choices: every chosen facet must match, any choice within it. */
export function queryFor(p: Preferences, here: string, like?: CatalogRecord): CatalogQuery {
  const genres = GENRE_CHOICES.filter((g) => p.genre.includes(g.key)).flatMap((g) => [...g.terms]);
  const formats = FORMAT_CHOICES.filter((f) => p.format.includes(f.key)).flatMap((f) => [...f.formats]);
  // "Like this one" without a chosen genre: its own genres.
  const likeGenres = genres.length === 0 && like ? like.genres.map((g) => g.term) : [];
  return {
    ...(genres.length || likeGenres.length ? { genres: genres.length ? genres : likeGenres } : {}),
    ...(formats.length ? { formats } : {}),
    ...(p.language.length ? { languages: [...p.language] } : {}),
    ...(p.age.length ? { audiences: [...p.age] } : {}),
    ...(like ? { exclude: [like.id] } : {}),
    here,
    // "Like this one" re-ranks by likeness, so it looks at more candidates.
    limit: like ? 200 : 40,
  };
}

/** Same author or series counts most, then shared subjects and genres. */
export function likeness(r: CatalogRecord, like: CatalogRecord | undefined): number {
  if (!like) return 0;
  const subjects = new Set(like.subjects);
  const genres = new Set(like.genres.map((g) => g.term));
  return (
    (r.author && r.author === like.author ? 3 : 0) +
    (r.series && r.series === like.series ? 3 : 0) +
    r.subjects.filter((s) => subjects.has(s)).length +
    r.genres.filter((g) => genres.has(g.term)).length
  );
}

function groupOf(r: SearchHit, here: string): { group: MatchGroup; shelf?: string; branches: string[] } {
  if (r.online) return { group: 'emedia', branches: [] };
  const lendable = r.copies.filter((c) => c.status === 'available' || c.status === 'on-loan');
  const onShelf = r.copies.find((c) => c.status === 'available' && c.holding === here);
  const branches = [...new Set(lendable.map((c) => c.holding))];
  if (onShelf) return { group: 'here', ...(onShelf.callNumber ? { shelf: onShelf.callNumber } : {}), branches };
  return { group: lendable.length ? 'reserve' : 'none', branches };
}

/** Why this title: the patron's own choices it meets, in words from the catalog ("Deckare · ljudbok · svenska"). */
export function reasonsFor(r: CatalogRecord, p: Preferences, like: CatalogRecord | undefined, likeScore: number): Reason[] {
  const terms = new Set(r.genres.map((g) => g.term.toLowerCase()));
  const out: Reason[] = [];
  for (const g of GENRE_CHOICES)
    if (p.genre.includes(g.key) && g.terms.some((t) => terms.has(t.toLowerCase()))) out.push({ key: `discover.genre.${g.key}` });
  for (const f of FORMAT_CHOICES)
    if (p.format.includes(f.key) && (f.formats as readonly string[]).includes(r.format)) out.push({ key: `discover.format.${f.key}` });
  if (r.language && (p.language as readonly string[]).includes(r.language)) out.push({ key: `discover.language.${r.language}` });
  if (r.audience && (p.age as readonly string[]).includes(r.audience)) out.push({ key: `discover.age.${r.audience}` });
  if (like && likeScore > 0) out.push({ key: 'discover.reason.like', values: { title: like.title } });
  return out;
}

/**
 * The ranking, in the order a librarian would hand things over: on the
 * shelf here first, then what can be reserved from other branches, then
 * e-media, then what cannot be had now; within each, the most like the
 * patron's own loan, then the newest.
 */
export function rankMatches(hits: readonly SearchHit[], p: Preferences, here: string, like?: CatalogRecord): Match[] {
  return hits
    .map((r) => {
      const place = groupOf(r, here);
      const score = likeness(r, like);
      return {
        id: r.id,
        title: r.title,
        ...(r.author ? { author: r.author } : {}),
        ...(r.year ? { year: r.year } : {}),
        format: r.format,
        ...(r.language ? { language: r.language } : {}),
        genres: r.genres.map((g) => g.term),
        ...(r.isbn ? { isbn: r.isbn } : {}),
        ...place,
        reasons: reasonsFor(r, p, like, score),
        likeness: score,
      } satisfies Match;
    })
    .sort(
      (a, b) =>
        GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
        b.likeness - a.likeness ||
        (b.year ?? 0) - (a.year ?? 0) ||
        a.title.localeCompare(b.title, 'sv'),
    );
}
