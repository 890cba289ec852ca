import { afterEach, describe, expect, it } from 'vitest';
import { type WallClock, wallClock } from '../../../shared/time/wall-clock.ts';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

/** Every `step` ms from `from` for `span` ms. */
const instants = (from: string, span: number, step: number): Date[] =>
  Array.from({ length: Math.floor(span / step) }, (_, i) => new Date(Date.parse(from) + i * step));

const HOUR = 3_600_000;
const YEAR = 366 * 24 * HOUR;

/** The same instants read through Intl (another zone is the process's) and through Date's local clock (this zone is). */
function bothWays(zone: string, at: Date[]): { intl: WallClock[]; local: WallClock[] } {
  process.env.TZ = zone === 'UTC' ? 'Europe/Stockholm' : 'UTC';
  const intl = at.map((d) => wallClock(d, zone));
  process.env.TZ = zone;
  const local = at.map((d) => wallClock(d, zone));
  return { intl, local };
}

// The kiosk reads its branch's wall clock off Date's local time (TZ set at start) instead of Intl; both must agree,
// summer time changes included: the door's schedule, SIP2 dates and offline due dates depend on it.
describe('wall clock of an instant', () => {
  it.each([
    'Europe/Stockholm',
    'Europe/Helsinki',
    'Australia/Lord_Howe', // a 30-minute summer time change
    'America/St_Johns', // a half-hour offset
    'UTC',
  ])('%s: Date’s local clock and Intl agree every 20 minutes of 2026, and every minute around its changes', (zone) => {
    const year = bothWays(zone, instants('2026-01-01T00:00:00Z', YEAR, 20 * 60_000));
    expect(year.local).toEqual(year.intl);
    for (const change of [
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-04-04T15:00:00Z',
      '2026-10-03T15:30:00Z',
      '2026-03-08T05:30:00Z',
      '2026-11-01T04:30:00Z',
    ]) {
      const around = bothWays(zone, instants(new Date(Date.parse(change) - 2 * HOUR).toISOString(), 4 * HOUR, 60_000));
      expect(around.local).toEqual(around.intl);
    }
  });

  it('Stockholm around its 2026 changes, as the clock on the wall shows it', () => {
    for (const tz of ['UTC', 'Europe/Stockholm']) {
      process.env.TZ = tz; // through Intl, then through Date
      const at = (iso: string) => {
        const w = wallClock(new Date(iso), 'Europe/Stockholm');
        return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}:${w.second} ${w.weekday}`;
      };
      expect(at('2026-03-29T00:59:59Z')).toBe('2026-3-29 1:59:59 0');
      expect(at('2026-03-29T01:00:00Z')).toBe('2026-3-29 3:0:0 0');
      expect(at('2026-10-25T00:59:59Z')).toBe('2026-10-25 2:59:59 0');
      expect(at('2026-10-25T01:00:00Z')).toBe('2026-10-25 2:0:0 0');
      expect(at('2026-11-30T21:59:00Z')).toBe('2026-11-30 22:59:0 1');
    }
  });

  it('with no zone given, the process’s own local clock', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(wallClock(new Date('2026-11-30T15:00:00Z'))).toMatchObject({ day: 1, month: 12, hour: 0 });
  });
});
