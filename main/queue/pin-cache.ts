import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { CardKey } from '../storage/card-key.ts';
import { type Db, type Migrations, migrate } from '../storage/database.ts';

const DAY = 86_400_000;
/** scrypt cost: ~50 ms per PIN here, so a stolen file does not give up 4-digit PINs cheaply. */
const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function hash(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export type PinCheck = 'valid' | 'invalid' | 'not-cached';

/** The queue's queue_pins table, keyed by the card's keyed hash instead of its number. */
const migrations = (key: CardKey): Migrations => ({
  subsystem: 'pin-cache',
  steps: [
    (db) => {
      const rows = db.prepare('SELECT card FROM queue_pins').all() as Array<{ card: string }>;
      const update = db.prepare('UPDATE queue_pins SET card = ? WHERE card = ?');
      for (const r of rows) update.run(key(r.card), r.card);
      db.exec('ALTER TABLE queue_pins RENAME COLUMN card TO card_key');
    },
  ],
});

/**
 * Salted scrypt hashes of the PINs of patrons seen online in the last N
 * days, for the offline PIN check, under the card's keyed hash. Neither a
 * plain PIN nor a card number is stored.
 */
export class PinCache {
  constructor(
    private readonly db: Db,
    private readonly days: number,
    private readonly key: CardKey,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, migrations(key));
  }

  /** After the central system accepted this card + PIN. */
  async remember(card: string, pin: string): Promise<void> {
    if (this.days === 0 || pin === '') return;
    const salt = randomBytes(16);
    const key = await hash(pin, salt);
    this.db
      .prepare(
        'INSERT INTO queue_pins (card_key, salt, hash, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT(card_key) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, seen_at = excluded.seen_at',
      )
      .run(this.key(card), salt, key, this.now());
  }

  async check(card: string, pin: string): Promise<PinCheck> {
    const row = this.db.prepare('SELECT salt, hash, seen_at AS seenAt FROM queue_pins WHERE card_key = ?').get(this.key(card)) as
      | { salt: Buffer; hash: Buffer; seenAt: number }
      | undefined;
    if (!row || this.now() - row.seenAt > this.days * DAY) return 'not-cached';
    const key = await hash(pin, row.salt);
    return key.length === row.hash.length && timingSafeEqual(key, row.hash) ? 'valid' : 'invalid';
  }

  /** Drops hashes of patrons not seen within the window. */
  prune(): number {
    return this.db.prepare('DELETE FROM queue_pins WHERE seen_at < ?').run(this.now() - this.days * DAY).changes;
  }
}
