import type { CatalogEntry, DemoCatalog } from '../catalog/catalog.ts';
import { OaiError } from './oai-request.ts';

/**
 * Where a list request is: the untouched records walk by index (phase b),
 * then the records changed while running (phase c). The resumption token
 * carries this, so a page costs the same at record 10 and at 100,000.
 */
export interface ListState {
  readonly from: number;
  readonly until: number;
  readonly phase: 'b' | 'c';
  readonly position: number;
  /** Records already sent (OAI cursor). */
  readonly cursor: number;
}

const bound = (n: number) => (Number.isFinite(n) ? String(n) : '-');
const unbound = (s: string, infinite: number) => (s === '-' ? infinite : Number(s));

export const encodeToken = (s: ListState) => `marcxml/${bound(s.from)}/${bound(s.until)}/${s.phase}${s.position}/${s.cursor}`;

export function decodeToken(token: string): ListState {
  const m = /^marcxml\/(-|\d{1,15})\/(-|\d{1,15})\/([bc])(\d{1,9})\/(\d{1,9})$/.exec(token);
  if (!m) throw new OaiError('badResumptionToken', 'the resumption token is invalid or has expired');
  return {
    from: unbound(m[1]!, Number.NEGATIVE_INFINITY),
    until: unbound(m[2]!, Number.POSITIVE_INFINITY),
    phase: m[3] as 'b' | 'c',
    position: Number(m[4]),
    cursor: Number(m[5]),
  };
}

export interface ListPage {
  readonly entries: CatalogEntry[];
  readonly next: ListState | undefined;
  readonly completeListSize: number;
}

export function listPage(catalog: DemoCatalog, state: ListState, pageSize: number): ListPage {
  const [lo, hi] = catalog.baseRange(state.from, state.until);
  const changed = catalog.changedIn(state.from, state.until);
  const untouchedInRange = Math.max(0, hi - lo + 1) - catalog.changedIndexes().filter((i) => i >= lo && i <= hi).length;
  const completeListSize = untouchedInRange + changed.length;
  const entries: CatalogEntry[] = [];
  let phase = state.phase;
  let position = state.phase === 'b' ? Math.max(state.position, lo) : state.position;
  while (entries.length < pageSize) {
    if (phase === 'b') {
      if (position > hi) {
        phase = 'c';
        position = 0;
        continue;
      }
      if (!catalog.isChanged(position)) entries.push(catalog.entry(position));
      position++;
    } else {
      const e = changed[position];
      if (!e) break;
      entries.push(e);
      position++;
    }
  }
  const more = phase === 'b' ? position <= hi || changed.length > 0 : position < changed.length;
  const cursor = state.cursor + entries.length;
  return { entries, completeListSize, next: more && cursor < completeListSize ? { ...state, phase, position, cursor } : undefined };
}
