import { describe, expect, it } from 'vitest';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { branchHandlers } from '../../../main/hub/requests/branch-handlers.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { requestMethods } from '../../../shared/contract/requests.ts';
import { silentLogger } from '../../../shared/logger.ts';

const config = configSchema.parse({
  branch: { id: 'SAL', name: 'Sala bibliotek', language: 'en', timezone: 'Europe/Stockholm' },
  door: {
    schedule: {
      mon: [{ from: '06:00', to: '22:00', mode: 'unstaffed' }],
      exceptions: [
        { date: '2026-12-24', periods: [], note: 'Julafton' },
        { date: '2026-11-01', periods: [] },
        { date: '2026-12-06', periods: [{ from: '10:00', to: '14:00', mode: 'staffed' }] },
      ],
    },
  },
});

describe('branch facts for the technician screen', () => {
  it('kiosk.info answers before the PIN with the branch, its language and time zone, and nothing else', async () => {
    const router = new RequestRouter(branchHandlers(config, undefined), async () => false, silentLogger);
    const reply = await router.handle('kiosk.info', {}, { technician: false });
    expect(reply).toEqual({
      ok: true,
      value: { branch: { id: 'SAL', name: 'Sala bibliotek' }, language: 'en', timezone: 'Europe/Stockholm' },
    });
    expect(await router.handle('schedule.show', {}, { technician: false })).toMatchObject({
      ok: false,
      error: { code: 'bridge.forbidden' },
    });
  });

  it('schedule.show: the week from Monday, today’s mode and the next change, and the exceptions still to come', async () => {
    // Monday 30 November 2026, 05:30 local: closed until 06:00.
    const router = new RequestRouter(
      branchHandlers(config, undefined, () => new Date('2026-11-30T04:30:00Z')),
      async () => true,
      silentLogger,
    );
    const reply = await router.handle('schedule.show', {}, { technician: true });
    const view = requestMethods['schedule.show'].result.parse((reply as { value: unknown }).value);
    expect(view.mode).toBe('closed');
    expect(view.nextChange).toEqual({ at: '2026-11-30T05:00:00.000Z', mode: 'unstaffed' });
    expect(view.week.map((d) => d.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(view.week[0]?.periods).toEqual([{ from: '06:00', to: '22:00', mode: 'unstaffed' }]);
    expect(view.exceptions.map((e) => e.date)).toEqual(['2026-12-06', '2026-12-24']);
    expect(view.exceptions[1]).toEqual({ date: '2026-12-24', periods: [], note: 'Julafton' });
  });

  it('with a door, the mode and next change are the door’s own (what patrons see at the door)', async () => {
    const door = { view: () => ({ mode: 'unstaffed' as const, nextChange: { at: '2026-11-30T21:00:00.000Z', mode: 'closed' as const } }) };
    const router = new RequestRouter(
      branchHandlers(config, door, () => new Date('2026-11-30T04:30:00Z')),
      async () => true,
      silentLogger,
    );
    expect(await router.handle('schedule.show', {}, { technician: true })).toMatchObject({
      ok: true,
      value: { mode: 'unstaffed', nextChange: { at: '2026-11-30T21:00:00.000Z', mode: 'closed' } },
    });
  });
});
