import type { Audience, CatalogCopy, CatalogFormat, CatalogRecord, CopyStatus } from '../../shared/domain/catalog.ts';
import { controlField, fieldsOf, firstSubfield, type MarcRecord, subfields } from './record-model.ts';

const LANGUAGE = /^[a-z]{3}$/;

/** Format from leader/06, 007 and RDA 338 $b; online from 338 cr, 007 cr or 008/23 o/s. */
export function formatOf(r: MarcRecord): { readonly format: CatalogFormat; readonly online: boolean } {
  const type = r.leader[6] ?? ' ';
  const carrier = firstSubfield(r, '338', 'b');
  const f007 = controlField(r, '007') ?? '';
  const form = controlField(r, '008')?.[23];
  const online = carrier === 'cr' || f007.startsWith('cr') || ((type === 'a' || type === 't') && (form === 'o' || form === 's'));
  const format: CatalogFormat =
    type === 'a' || type === 't'
      ? online
        ? 'ebook'
        : 'book'
      : type === 'i'
        ? 'audiobook'
        : type === 'j'
          ? 'music'
          : type === 'g'
            ? 'film'
            : type === 'm' || type === 'r'
              ? 'game'
              : 'other';
  return { format, online };
}

/** 385 $a in words first (Barn, Ungdomar, Vuxna), else 008/22. */
export function audienceOf(r: MarcRecord): Audience | undefined {
  for (const term of subfields(r, '385', 'a')) {
    if (/^barn/i.test(term)) return 'children';
    if (/^ungdom/i.test(term)) return 'youth';
    if (/^vuxn/i.test(term) || /^adult/i.test(term)) return 'adult';
  }
  const code = controlField(r, '008')?.[22];
  if (code === undefined) return undefined;
  if ('abcj'.includes(code)) return 'children';
  if (code === 'd') return 'youth';
  if ('efg'.includes(code)) return 'adult';
  return undefined;
}

/** Koha's 952: $7 not for loan, $q on loan until, $0 withdrawn, $1 lost, $4 damaged. */
function copyStatus(f: Readonly<Record<string, string>>): CopyStatus {
  const set = (v: string | undefined) => v !== undefined && v !== '' && v !== '0';
  if (set(f['0']) || set(f['1']) || set(f['4'])) return 'unavailable';
  if (set(f['7'])) return 'not-for-loan';
  if (f.q) return 'on-loan';
  return 'available';
}

const trimPunctuation = (s: string) => s.replace(/\s*[/:;,.=]\s*$/, '').trim();

/** What the kiosk keeps of one MARC record (the fields of issue 17's list). */
export function extractRecord(r: MarcRecord, fallbackId: string): CatalogRecord {
  const f008 = controlField(r, '008') ?? '';
  const lang008 = f008.slice(35, 38);
  const languages = [...new Set([...(LANGUAGE.test(lang008) && lang008 !== 'und' ? [lang008] : []), ...subfields(r, '041', 'a')])];
  const year = Number(/\d{4}/.exec(firstSubfield(r, '264', 'c') ?? firstSubfield(r, '260', 'c') ?? f008.slice(7, 11))?.[0]);
  const title = [firstSubfield(r, '245', 'a'), firstSubfield(r, '245', 'b')]
    .filter(Boolean)
    .map((t) => trimPunctuation(t!))
    .join(' : ');
  const copies: CatalogCopy[] = fieldsOf(r, '952').flatMap((f) =>
    f.p
      ? [
          {
            barcode: f.p,
            home: f.a ?? '',
            holding: f.b ?? f.a ?? '',
            ...(f.o ? { callNumber: f.o } : {}),
            status: copyStatus(f),
            ...(f.q ? { due: f.q.slice(0, 10) } : {}),
          },
        ]
      : [],
  );
  const author = firstSubfield(r, '100', 'a') ?? firstSubfield(r, '110', 'a') ?? firstSubfield(r, '700', 'a');
  const series = firstSubfield(r, '490', 'a') ?? firstSubfield(r, '800', 't') ?? firstSubfield(r, '830', 'a');
  const summary = firstSubfield(r, '520', 'a');
  const isbn = firstSubfield(r, '020', 'a')?.replace(/[^0-9Xx].*$/, '');
  const audience = audienceOf(r);
  return {
    id: controlField(r, '001') ?? fallbackId,
    title: title || '(utan titel)',
    ...(author ? { author: trimPunctuation(author) } : {}),
    ...(Number.isFinite(year) ? { year } : {}),
    ...(languages[0] ? { language: languages[0] } : {}),
    languages,
    ...formatOf(r),
    ...(audience ? { audience } : {}),
    genres: fieldsOf(r, '655').flatMap((f) => (f.a ? [{ term: trimPunctuation(f.a), thesaurus: f['2'] ?? '' }] : [])),
    subjects: [...new Set([...subfields(r, '650', 'a'), ...subfields(r, '651', 'a')].map(trimPunctuation))],
    ...(series ? { series: trimPunctuation(series) } : {}),
    ...(summary ? { summary } : {}),
    ...(isbn ? { isbn } : {}),
    copies,
  };
}
