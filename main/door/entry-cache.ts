import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { type DenialReason, isDenialReason } from '../../shared/domain/door.ts';
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

/**
 * The door's offline memory: patrons who entered recently, keyed by the
 * entry log's salted card key (per-install salt), their PIN as a salted slow
 * hash, and their eligibility as last seen. Rows older than `days` are
 * neither used nor kept. Never a card number or a PIN in clear.
 */
export class EntryCache {
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly days: number,
    /** The salted card key (EntryLog.cardKey): the card number itself is never stored. */
    private readonly key: (card: string) => string,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, MIGRATIONS);
  }

  /** After the central system accepted this card and PIN. */
  remember(card: string, pin: string, entry: CachedEntry): Promise<void> {
    const write = this.write(card, pin, entry);
    this.writing.add(write);
    void write.catch(() => undefined).finally(() => this.writing.delete(write));
    return write;
  }

  /** Resolves when every remember() begun so far has landed (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  private async write(card: string, pin: string, entry: CachedEntry): Promise<void> {
    if (this.days === 0 || pin === '') return;
    const salt = randomBytes(16);
    const hash = await derive(pin, salt);
    this.db
      .prepare(
        `INSERT INTO door_cache (card_hash, salt, pin_hash, denial, staff, seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(card_hash) DO UPDATE SET salt = excluded.salt, pin_hash = excluded.pin_hash,
           denial = excluded.denial, staff = excluded.staff, seen_at = excluded.seen_at`,
      )
      .run(this.key(card), salt, hash, entry.denial ?? null, entry.staff ? 1 : 0, this.now());
  }

  /** The central system said no to this card (blocked, lost, permission gone): offline it must not get in either. */
  forget(card: string): void {
    this.db.prepare('DELETE FROM door_cache WHERE card_hash = ?').run(this.key(card));
  }

  async lookup(card: string, pin: string): Promise<CacheLookup> {
    const row = this.db
      .prepare('SELECT salt, pin_hash AS pinHash, denial, staff, seen_at AS seenAt FROM door_cache WHERE card_hash = ?')
      .get(this.key(card)) as { salt: Buffer; pinHash: Buffer; denial: string | null; staff: number; seenAt: number } | undefined;
    if (!row || this.now() - row.seenAt > this.days * DAY) return { found: false };
    const hash = await derive(pin, row.salt);
    const pinOk = hash.length === row.pinHash.length && timingSafeEqual(hash, row.pinHash);
    // A reason this version does not know (a damaged or newer file) still denies.
    const denial = row.denial === null ? undefined : isDenialReason(row.denial) ? row.denial : 'error';
    return { found: true, pinOk, entry: { denial, staff: row.staff === 1 } };
  }

  /** Drops patrons not seen within the window (run at start and daily). */
  prune(): number {
    return this.db.prepare('DELETE FROM door_cache WHERE seen_at < ?').run(this.now() - this.days * DAY).changes;
  }
}
