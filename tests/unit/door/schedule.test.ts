import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modeAt, nextChange, nextChangeMemo } from '../../../main/door/schedule.ts';
import { doorSchema, type Schedule } from '../../../shared/config/door.ts';

const rules = doorSchema.parse({
  schedule: {
    mon: [
      { from: '06:00', to: '22:00', mode: 'unstaffed' },
      { from: '10:00', to: '19:00', mode: 'staffed' },
    ],
    sun: [{ from: '06:00', to: '22:00', mode: 'unstaffed' }],
    exceptions: [{ date: '2026-12-24', periods: [] }],
  },
});
const tz = 'Europe/Stockholm';
const mode = (iso: string) => modeAt(rules.schedule, tz, new Date(iso));

describe('opening schedule', () => {
  it('gives the mode for local wall-clock time', () => {
    expect(mode('2026-11-30T05:59:00+01:00')).toBe('closed');
    expect(mode('2026-11-30T06:00:00+01:00')).toBe('unstaffed');
    expect(mode('2026-11-30T12:00:00+01:00')).toBe('staffed');
    expect(mode('2026-11-30T21:59:00+01:00')).toBe('unstaffed');
    expect(mode('2026-11-30T22:00:00+01:00')).toBe('closed');
    expect(mode('2026-12-01T12:00:00+01:00')).toBe('closed'); // Tuesday has no hours here
  });

  it('follows exceptions by date', () => {
    expect(mode('2026-12-24T12:00:00+01:00')).toBe('closed');
  });

  // Sweden: summer time starts 2026-03-29 02:00 -> 03:00 and ends 2026-10-25 03:00 -> 02:00 (both Sundays).
  it('opens at 06:00 local time on the days the clocks change', () => {
    expect(mode('2026-03-29T03:59:00Z')).toBe('closed'); // 05:59 CEST
    expect(mode('2026-03-29T04:00:00Z')).toBe('unstaffed'); // 06:00 CEST
    expect(mode('2026-03-29T19:59:00Z')).toBe('unstaffed'); // 21:59 CEST
    expect(mode('2026-03-29T20:00:00Z')).toBe('closed'); // 22:00 CEST
    expect(mode('2026-10-25T04:59:00Z')).toBe('closed'); // 05:59 CET
    expect(mode('2026-10-25T05:00:00Z')).toBe('unstaffed'); // 06:00 CET
    expect(mode('2026-10-25T21:00:00Z')).toBe('closed'); // 22:00 CET
  });

  it('tells when the mode changes next', () => {
    expect(nextChange(rules.schedule, tz, new Date('2026-11-30T20:30:00+01:00'))).toEqual({
      at: new Date('2026-11-30T22:00:00+01:00'),
      mode: 'closed',
    });
  });
});

/** The definition nextChange must agree with: every minute of the week asked in turn. */
function nextChangeByMinute(schedule: Schedule, timeZone: string, instant: Date) {
  const now = modeAt(schedule, timeZone, instant);
  const start = Math.ceil(instant.getTime() / 60_000) * 60_000;
  for (let t = start; t < start + 7 * 86_400_000; t += 60_000) {
    const mode = modeAt(schedule, timeZone, new Date(t));
    if (mode !== now) return { at: new Date(t), mode };
  }
  return undefined;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const period = fc
  .tuple(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 1, max: 24 * 60 }), fc.constantFrom('staffed', 'unstaffed'))
  .map(([from, length, mode]) => ({ from: hhmm(from), to: hhmm(Math.min(from + length, 24 * 60 - 1)), mode }));
const day = fc.array(period, { maxLength: 3 });
const schedules = fc
  .record({
    mon: day,
    tue: day,
    wed: day,
    thu: day,
    fri: day,
    sat: day,
    sun: day,
    exceptions: fc.array(fc.record({ date: fc.constantFrom('2026-03-29', '2026-03-30', '2026-10-25', '2026-12-24'), periods: day }), {
      maxLength: 2,
    }),
  })
  .map((schedule) => doorSchema.parse({ schedule }).schedule);

describe('nextChange jumps from one period edge to the next', () => {
  it('answers as asking every minute would, for any schedule, also across both changes of summer time', () => {
    // Instants in the day before a change of UTC offset (when a search must not jump over it) and in an
    // ordinary week: both clock changes of 2026 in Sweden, and Lord Howe Island, whose clocks move 30 minutes.
    const cases = fc.oneof(
      fc.record({
        zone: fc.constant('Europe/Stockholm'),
        change: fc.constantFrom('2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-12-24T00:00:00Z'),
      }),
      fc.record({ zone: fc.constant('Australia/Lord_Howe'), change: fc.constantFrom('2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z') }),
    );
    fc.assert(
      fc.property(schedules, cases, fc.integer({ min: -26 * 60 * 60, max: 60 * 60 }), (schedule, { zone, change }, seconds) => {
        const at = new Date(Date.parse(change) + seconds * 1000);
        expect(nextChange(schedule, zone, at)).toEqual(nextChangeByMinute(schedule, zone, at));
      }),
      { numRuns: 80 },
    );
  });
});

describe('nextChangeMemo (the door view asks on every key press)', () => {
  it('answers exactly as nextChange for any sequence of instants, forwards or set back, across a DST change', () => {
    const schedule = doorSchema.parse({}).schedule;
    // Around the end of summer time in 2026 (25 October) and an ordinary week.
    const base = new Date('2026-10-23T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 * 24 * 60 * 60 }), { minLength: 1, maxLength: 30 }), (seconds) => {
        const memo = nextChangeMemo(schedule, 'Europe/Stockholm');
        for (const s of seconds) {
          const at = new Date(base + s * 1000);
          expect(memo(at)).toEqual(nextChange(schedule, 'Europe/Stockholm', at));
        }
      }),
      { numRuns: 60 },
    );
  });
});
