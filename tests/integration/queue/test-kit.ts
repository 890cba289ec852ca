import { afterEach } from 'vitest';
import { tempDirs } from '../../unit/queue/temp-db.ts';

/** Temporary SQLite files and clean-ups run after each test, last registered first. */
export function testKit() {
  const temp = tempDirs();
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    temp.cleanup();
  });
  return { temp, cleanups };
}
