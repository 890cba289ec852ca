import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type KioskProcess, startKioskProcess } from '../../e2e/kiosk-process.ts';

const NOTE = join(import.meta.dirname, 'fixtures', 'note-date-formats.mjs');
const LOGS_LINE = /^Logs: /m;

// An Intl.DateTimeFormat, once made, keeps about 8 MB resident for the rest of the day. The kiosk sets TZ to
// its branch's zone at start and reads the wall clock off Date (shared/time/wall-clock.ts): its start, the
// door's schedule and closing watch, the demo central system's SIP2 dates and the first SIP2 requests make none.
describe('the started kiosk makes no Intl date formatter', () => {
  let kiosk: KioskProcess | undefined;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = undefined;
  });

  it('on the embedded default, up to its log files being open (the core built, the central system connected)', async () => {
    kiosk = await startKioskProcess({ env: { NODE_OPTIONS: `--import=${NOTE}` } });
    const k = kiosk;
    await expect.poll(() => LOGS_LINE.test(k.output()), { timeout: 60_000, interval: 100 }).toBe(true);
    expect(k.output()).not.toMatch(/Intl\.DateTimeFormat made/);
  }, 90_000);
});
