import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { type DenialReason, isDenialReason } from '../../shared/domain/door.ts';
import type { InstallKey } from '../security/install-key.ts';
import { type Db, migrate } from '../storage/database.ts';

const DAY = 86_400_000;
/**
 * scrypt at N=4096, r=8: ~10 ms a try here, so the offline door still
 * answers well within its 30 ms budget, while a copied file costs an
 * attacker 10 ms per guess per card (with a random salt per card).
 */
const SCRYPT: ScryptOptions = { N: 4096, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };
const KEY_BYTES = 32;

const MIGRATIONS = {
  subsystem: 'door-cache',
  steps: [
    `CREATE TABLE door_cache (card_hash TEXT PRIMARY KEY, salt BLOB NOT NULL, pin_hash BLOB NOT NULL,
       denial TEXT, staff INTEGER NOT NULL, seen_at INTEGER NOT NULL);`,
    // Keyed by the install key's HMAC now, with the card sealed for the background re-check: earlier rows cannot be re-checked.
    `DELETE FROM door_cache;
     ALTER TABLE door_cache ADD COLUMN card_sealed BLOB;
     ALTER TABLE door_cache ADD COLUMN checked_at INTEGER NOT NULL DEFAULT 0;
     CREATE INDEX door_cache_checked ON door_cache (checked_at);`,
  ],
};

/** What the door knew of a patron when it last asked the central system. */
export interface CachedEntry {
  /** Why the rules (other than the hour) said no then; undefined: eligible. */
  readonly denial: DenialReason | undefined;
  readonly staff: boolean;
}

export type CacheLookup = { readonly found: false } | { readonly found: true; readonly pinOk: boolean; readonly entry: CachedEntry };

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, SCRYPT, (e, k) => (e ? reject(e) : resolve(k))));
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * The door's offline memory: patrons who entered recently, keyed by a keyed
 * hash of the card (the install key's HMAC), their PIN as a salted slow
 * hash, their standing as last seen, and the card number sealed with the
 * install key so the background re-check can ask the central system about
 * them. Rows older than `days` are neither used nor kept. Never a card
 * number or a PIN in clear. A patron the central system refuses is dropped
 * even when the disk will not take the delete (then refused from memory).
 */
export class EntryCache {
  private readonly writing = new Set<Promise<unknown>>();
  /** Cards whose drop the disk refused: refused offline all the same. */
  private readonly dropped = new Set<string>();
  /** Bumped by every write and drop of a card: a slow write begun before a drop must not bring the patron back. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly days: number,
    private readonly key: InstallKey,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, MIGRATIONS);
  }

  /** After the central system accepted this card and PIN. */
  remember(card: string, pin: string, entry: CachedEntry): Promise<void> {
    return this.track(this.write(card, pin, entry));
  }

  /** Resolves when every background write begun so far has landed (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  /** The central system refused this card (blocked, lost, permission gone, unknown): offline it must not get in either. */
  forget(card: string): void {
    const cardHash = this.key.cardKey(card);
    this.bump(cardHash);
    this.dropped.add(cardHash);
    try {
      this.db.prepare('DELETE FROM door_cache WHERE card_hash = ?').run(cardHash);
      this.dropped.delete(cardHash);
    } catch {
      // Kept in `dropped` until a later write for this card succeeds: the lookup refuses it meanwhile.
    }
  }

  /**
   * The central system said this PIN is wrong. If it is the PIN the cache
   * holds, the patron has changed it: the old one must not open the door
   * offline, so the patron is dropped. Otherwise it was a slip: the row
   * stays, with its standing as just confirmed.
   */
  wrongPin(card: string, pin: string, entry: CachedEntry): Promise<void> {
    return this.track(
      (async () => {
        const hit = await this.lookup(card, pin);
        if (!hit.found) return;
        if (hit.pinOk) return this.forget(card);
        this.update(card, entry);
      })(),
    );
  }

  /** The standing the central system gave for a cached patron (the background re-check, a wrong PIN). */
  update(card: string, entry: CachedEntry): void {
    this.db
      .prepare('UPDATE door_cache SET denial = ?, staff = ?, checked_at = ? WHERE card_hash = ?')
      .run(entry.denial ?? null, entry.staff ? 1 : 0, this.now(), this.key.cardKey(card));
  }

  async lookup(card: string, pin: string): Promise<CacheLookup> {
    const cardHash = this.key.cardKey(card);
    if (this.dropped.has(cardHash)) return { found: false };
    let row: { salt: Buffer; pinHash: Buffer; denial: string | null; staff: number; seenAt: number } | undefined;
    try {
      row = this.db
        .prepare('SELECT salt, pin_hash AS pinHash, denial, staff, seen_at AS seenAt FROM door_cache WHERE card_hash = ?')
        .get(cardHash) as typeof row;
    } catch {
      return { found: false };
    }
    if (!row || this.now() - row.seenAt > this.days * DAY) return { found: false };
    const pinOk = same(await derive(pin, row.salt), row.pinHash);
    // A reason this version does not know (a damaged or newer file) still denies.
    const denial = row.denial === null ? undefined : isDenialReason(row.denial) ? row.denial : 'error';
    return { found: true, pinOk, entry: { denial, staff: row.staff === 1 } };
  }

  /**
   * The patrons a background re-check found still standing keep their place
   * with their standing refreshed: one transaction (one sync to disk) for the
   * whole round. A disk that refuses it only means they are asked again soon.
   */
  confirm(standing: readonly { readonly card: string; readonly staff: boolean }[]): void {
    try {
      this.db.transaction(() => {
        for (const s of standing) this.update(s.card, { denial: undefined, staff: s.staff });
      })();
    } catch {
      // Not re-checked as far as the disk knows: due again next round.
    }
  }

  /** Cached patrons last checked at or before `before`, oldest first: the card numbers the background re-check asks about. */
  due(before: number, limit: number): string[] {
    const rows = this.db
      .prepare('SELECT card_hash AS cardHash, card_sealed AS sealed FROM door_cache WHERE checked_at <= ? ORDER BY checked_at LIMIT ?')
      .all(before, limit) as { cardHash: string; sealed: Buffer | null }[];
    const cards: string[] = [];
    for (const r of rows) {
      const card = r.sealed ? this.key.open(r.sealed) : undefined;
      // A row that cannot be re-checked cannot be trusted to follow a revocation: drop it.
      if (card === undefined) this.db.prepare('DELETE FROM door_cache WHERE card_hash = ?').run(r.cardHash);
      else cards.push(card);
    }
    return cards;
  }

  /** Drops patrons not seen within the window (run at start and daily). */
  prune(): number {
    return this.db.prepare('DELETE FROM door_cache WHERE seen_at < ?').run(this.now() - this.days * DAY).changes;
  }

  private async write(card: string, pin: string, entry: CachedEntry): Promise<void> {
    if (this.days === 0 || pin === '') return;
    const cardHash = this.key.cardKey(card);
    const generation = this.bump(cardHash);
    const salt = randomBytes(16);
    const hash = await derive(pin, salt);
    // The central system's word changed while the hash was computed (a refusal, a re-check): that word stands.
    if (this.generation.get(cardHash) !== generation) return;
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO door_cache (card_hash, salt, pin_hash, denial, staff, seen_at, checked_at, card_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(card_hash) DO UPDATE SET salt = excluded.salt, pin_hash = excluded.pin_hash, denial = excluded.denial,
           staff = excluded.staff, seen_at = excluded.seen_at, checked_at = excluded.checked_at, card_sealed = excluded.card_sealed`,
      )
      .run(cardHash, salt, hash, entry.denial ?? null, entry.staff ? 1 : 0, now, now, this.key.seal(card));
    this.dropped.delete(cardHash);
  }

  private bump(cardHash: string): number {
    const next = (this.generation.get(cardHash) ?? 0) + 1;
    this.generation.set(cardHash, next);
    return next;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.writing.add(work);
    void work.catch(() => undefined).finally(() => this.writing.delete(work));
    return work;
  }
}
