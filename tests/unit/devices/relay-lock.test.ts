import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { silentLogger } from '../../../shared/logger.ts';

describe('RelayLock fail-secure logic (on the in-memory board, fake clock)', () => {
  let board: SimulatedRelayBoard;
  let lock: RelayLock;
  const log: string[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    log.length = 0;
    board = new SimulatedRelayBoard();
    board.onChange((c) => log.push(`relay ${c.relay} ${c.on ? 'on' : 'off'}`));
    lock = new RelayLock('door-lock', board, 1, silentLogger, 10_000);
    lock.onStatus((s) => log.push(`status ${s.state}`));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('releases the relay before it reports connected', async () => {
    await lock.open();
    expect(log).toEqual(['status connecting', 'relay 1 off', 'status connected']);
  });

  it('re-locks after exactly the pulse time and resolves then', async () => {
    await lock.open();
    let done = false;
    const pulse = lock.pulse(3000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(2999);
    expect(board.relays.get(1)).toBe(true);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pulse;
    expect(board.relays.get(1)).toBe(false);
    expect(board.commands).toEqual(['1:off', '1:on', '1:off']);
  });

  it('a second pulse restarts the time instead of stacking timers', async () => {
    await lock.open();
    const first = lock.pulse(3000);
    await vi.advanceTimersByTimeAsync(2000);
    const second = lock.pulse(3000);
    await first;
    await vi.advanceTimersByTimeAsync(2000);
    expect(board.relays.get(1)).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    await second;
    expect(board.relays.get(1)).toBe(false);
  });

  it('hold keeps the door unlocked until release; close releases a held door', async () => {
    await lock.open();
    await lock.hold();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await lock.readState()).toBe('unlocked');
    await lock.close();
    expect(board.relays.get(1)).toBe(false);
    expect(lock.status().state).toBe('closed');
  });

  it('close() during a pulse releases and resolves the pulse', async () => {
    await lock.open();
    const pulse = lock.pulse(5000);
    await lock.close();
    await expect(pulse).resolves.toBeUndefined();
    expect(board.relays.get(1)).toBe(false);
  });

  it('an unplugged board rejects the pulse, reports missing, and refuses new pulses', async () => {
    await lock.open();
    const pulse = lock.pulse(5000).catch((e: unknown) => e);
    board.unplug();
    expect(await pulse).toMatchObject({ code: 'device.missing' });
    expect(lock.status().state).toBe('missing');
    await expect(lock.pulse(100)).rejects.toMatchObject({ code: 'device.missing' });
    board.plug();
    await lock.open();
    expect(lock.status().state).toBe('connected');
  });
});
