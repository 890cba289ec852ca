import type { CentralSystem } from '../../shared/domain/central.ts';
import { type Db, migrate } from '../storage/database.ts';

const MIGRATIONS = {
  subsystem: 'item-titles',
  steps: [`CREATE TABLE item_titles (item_id TEXT PRIMARY KEY, title TEXT NOT NULL, seen_at INTEGER NOT NULL) WITHOUT ROWID;`],
};

/** Titles kept: a large branch's stock with room to spare; the oldest seen go first. */
const KEEP = 200_000;

/**
 * Item titles for the patron's screen, so a line says "Utvandrarna" and not
 * "39000000000052" while a set waits for its last part or the central
 * system is away. Every title the central system mentions is kept in the
 * kiosk's SQLite file (titles only: nothing about patrons); an unknown
 * item is asked for (SIP2 Item Information) when the link is up. `null`:
 * not known now, which the screen says in words.
 */
export class ItemTitles {
  private readonly get;
  private readonly put;

  constructor(
    private readonly db: Db,
    private readonly central: Pick<CentralSystem, 'health' | 'itemInformation'>,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, MIGRATIONS);
    this.get = db.prepare<[string], { title: string }>('SELECT title FROM item_titles WHERE item_id = ?');
    this.put = db.prepare(
      'INSERT INTO item_titles (item_id, title, seen_at) VALUES (?, ?, ?) ON CONFLICT(item_id) DO UPDATE SET title = excluded.title, seen_at = excluded.seen_at',
    );
  }

  remember(itemId: string, title: string | undefined): void {
    if (title && title.trim() !== '') this.put.run(itemId, title.trim(), this.now());
  }

  async lookup(itemId: string): Promise<string | null> {
    const known = this.get.get(itemId)?.title;
    if (known) return known;
    if (this.central.health() === 'offline') return null;
    try {
      const info = await this.central.itemInformation(itemId);
      this.remember(itemId, info.title);
      return info.title ?? null;
    } catch {
      return null;
    }
  }

  /** Keeps the table to its bound (run at start). */
  prune(): number {
    return this.db
      .prepare('DELETE FROM item_titles WHERE item_id IN (SELECT item_id FROM item_titles ORDER BY seen_at DESC LIMIT -1 OFFSET ?)')
      .run(KEEP).changes;
  }
}
