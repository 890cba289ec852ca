import { describe, expect, it } from 'vitest';
import { RequestRouter, type Session } from '../../../main/hub/request-router.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';

function recorder(lines: string[]): Logger {
  const log = (a: unknown, b?: string) => lines.push(`${JSON.stringify(a)} ${b ?? ''}`);
  const l: Logger = { trace: log, debug: log, info: log, warn: log, error: log, child: () => l };
  return l;
}

describe('request router', () => {
  const make = (logs: string[] = []) =>
    new RequestRouter(
      {
        'devices.list': async () => ({
          devices: [{ id: 'pad', kind: 'rfid', driver: 'simulated', state: 'connected', test: 'read-tags' }],
        }),
        'queue.status': async () => {
          throw new OpenBranchError('queue.locked', 'database is locked');
        },
      },
      async (pin) => pin === '2468',
      recorder(logs),
    );

  it('keeps technician methods behind the PIN', async () => {
    const router = make();
    const session: Session = { technician: false };
    expect(await router.handle('devices.list', {}, session)).toMatchObject({ ok: false, error: { code: 'bridge.forbidden' } });
    expect(await router.handle('technician.login', { pin: '1111' }, session)).toEqual({ ok: true, value: { ok: false } });
    expect(await router.handle('technician.login', { pin: '2468' }, session)).toEqual({ ok: true, value: { ok: true } });
    expect(await router.handle('devices.list', {}, session)).toMatchObject({ ok: true, value: { devices: [{ id: 'pad' }] } });
    await router.handle('technician.logout', {}, session);
    expect(await router.handle('devices.list', {}, session)).toMatchObject({ ok: false });
  });

  it('never logs a PIN, right or wrong', async () => {
    const logs: string[] = [];
    const router = make(logs);
    const session: Session = { technician: false };
    for (let i = 0; i < 3; i++) await router.handle('technician.login', { pin: `100${i}` }, session);
    expect(await router.handle('technician.login', { pin: '2468' }, session)).toEqual({ ok: true, value: { ok: true } });
    expect(logs.join('\n')).not.toMatch(/2468|100[0-4]/);
  });

  it('validates params and turns failures into typed replies', async () => {
    const router = make();
    const session: Session = { technician: true };
    expect(await router.handle('technician.login', { pin: 'abcd' }, session)).toMatchObject({
      ok: false,
      error: { code: 'bridge.params' },
    });
    expect(await router.handle('queue.status', {}, session)).toEqual({
      ok: false,
      error: { code: 'queue.locked', message: 'database is locked' },
    });
    expect(await router.handle('logs.tail', {}, session)).toMatchObject({ ok: false, error: { code: 'bridge.unavailable' } });
  });
});
