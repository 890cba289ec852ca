import { afterEach } from 'vitest';
import { tempDirs } from '../../unit/queue/temp-db.ts';

/** Polls `check` until it holds (the queue's loop runs on its own timers); fails with `what` after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
