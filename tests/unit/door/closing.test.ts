import { describe, expect, it } from 'vitest';
import { ClosingWatch } from '../../../main/door/closing.ts';
import { doorSchema } from '../../../shared/config/door.ts';

const { schedule } = doorSchema.parse({});
const tz = 'Europe/Stockholm';
/** Monday 30 November 2026, local time (UTC+1). */
const at = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+01:00`);

function run(watch: ClosingWatch, from: string, to: string, stepSeconds = 10) {
  const out: Array<{ at: string; action: unknown }> = [];
  for (let t = at(from).getTime(); t <= at(to).getTime(); t += stepSeconds * 1000)
    for (const a of watch.tick(new Date(t))) out.push({ at: new Date(t).toISOString(), action: a });
  return out;
}

describe('closing: announcements before 22:00 and the change itself', () => {
  it('announces at 15, 10 and 5 minutes, each once, then reports the closing once', () => {
    const actions = run(new ClosingWatch(schedule, tz, [15, 10, 5]), '21:40:00', '22:01:00').map((a) => a.action);
    expect(actions).toEqual([
      { type: 'announce', minutes: 15, closesAt: '2026-11-30T21:00:00.000Z' },
      { type: 'announce', minutes: 10, closesAt: '2026-11-30T21:00:00.000Z' },
      { type: 'announce', minutes: 5, closesAt: '2026-11-30T21:00:00.000Z' },
      { type: 'closed' },
    ]);
  });

  it('a kiosk started at 21:52 says "8 minutes" once, not 15 and 10', () => {
    const actions = run(new ClosingWatch(schedule, tz, [15, 10, 5]), '21:52:00', '21:53:00').map((a) => a.action);
    expect(actions).toEqual([{ type: 'announce', minutes: 8, closesAt: '2026-11-30T21:00:00.000Z' }]);
  });

  it('a clock set back (demo mode) announces again: started at 21:47, then set to 21:40, it says 15 minutes at 21:45', () => {
    const watch = new ClosingWatch(schedule, tz, [15, 10, 5]);
    expect(run(watch, '21:47:00', '21:47:00').map((a) => a.action)).toEqual([
      { type: 'announce', minutes: 13, closesAt: '2026-11-30T21:00:00.000Z' },
    ]);
    expect(run(watch, '21:40:00', '21:45:00').map((a) => a.action)).toEqual([
      { type: 'announce', minutes: 15, closesAt: '2026-11-30T21:00:00.000Z' },
    ]);
  });

  it('reports the opening at 06:00 and nothing while closed', () => {
    const actions = run(new ClosingWatch(schedule, tz, [15, 10, 5]), '05:50:00', '06:00:30').map((a) => a.action);
    expect(actions).toEqual([{ type: 'opened' }]);
  });

  it('staffed -> unstaffed at 19:00 is not a closing', () => {
    expect(run(new ClosingWatch(schedule, tz, [15, 10, 5]), '18:40:00', '19:01:00', 30)).toEqual([]);
  });
});
