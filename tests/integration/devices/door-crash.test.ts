import { afterEach, describe, expect, it } from 'vitest';
import { JsonChild } from './fixtures/child.ts';
import { type PtyPair, ptyPair } from './fixtures/pty.ts';

// LCUS frames (vendor documentation): A0 01 01 A2 relay 1 on, A0 01 00 A1 relay 1 off.
const ON1 = 'a00101a2';
const OFF1 = 'a00100a1';
const SIM = 'tests/integration/devices/fixtures/lcus-sim-process.ts';
const KIOSK = 'tests/integration/devices/fixtures/kiosk-start.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function child(args: string[]): JsonChild {
  const c = new JsonChild(args);
  cleanups.push(() => c.stop());
  return c;
}

describe('a crash mid-pulse cannot leave the door open past the next start', () => {
  it('SIGKILL during `door pulse` leaves the relay on; the next start releases it before it is ready', async () => {
    const pty: PtyPair = await ptyPair();
    cleanups.push(() => pty.dispose());
    const board = child(['--script', SIM, pty.device]);
    await board.waitFor((l) => l.ready === true, 15_000, 'simulator ready');

    // 1. The technician CLI pulses the lock for 20 s and is killed while the door is unlocked.
    const pulse = child(['door', 'pulse', '--driver', 'lcus', '--port', pty.host, '--ms', '20000', '--json']);
    await board.waitFor((l) => l.frame === ON1, 15_000, 'relay on');
    pulse.kill('SIGKILL');
    const { signal } = await pulse.exited;
    expect(signal).toBe('SIGKILL');
    expect(board.lines.filter((l) => 'frame' in l).map((l) => l.frame)).toEqual([OFF1, ON1]);

    // 2. The relay is still on: nothing runs a timer in a dead process (this is the hardware's state).
    // The pulse process has exited (awaited above), so nothing can switch it off any more.
    board.send('state');
    const state = await board.waitFor((l) => 'state' in l, 5000, 'state');
    expect(state.state).toEqual({ 1: true });

    // 3. The next start: the device manager opens the lock, which releases the relay first.
    const framesBefore = board.lines.filter((l) => 'frame' in l).length;
    const kiosk = child(['--script', KIOSK, pty.host]);
    const ready = await kiosk.waitFor((l) => 'ready' in l, 15_000, 'kiosk ready');
    expect(ready.ready).toBe('connected');
    await board.waitFor((l) => l.frame === OFF1 && board.lines.indexOf(l) > board.lines.indexOf(state), 5000, 'release');
    // Nothing but the release reached the board (the in-process ordering of release before
    // `connected` is shown in tests/unit/devices/relay-lock.test.ts).
    const after = board.lines.filter((l) => 'frame' in l).slice(framesBefore);
    expect(after.map((l) => l.frame)).toEqual([OFF1]);
    board.send('state');
    await board.waitFor((l) => 'state' in l && (l.state as Record<string, boolean>)[1] === false, 5000, 'relay off');
  });

  it('SIGTERM during `door pulse` releases the relay before exiting', async () => {
    const pty: PtyPair = await ptyPair();
    cleanups.push(() => pty.dispose());
    const board = child(['--script', SIM, pty.device]);
    await board.waitFor((l) => l.ready === true, 15_000, 'simulator ready');
    const pulse = child(['door', 'pulse', '--driver', 'lcus', '--port', pty.host, '--ms', '20000', '--json']);
    await board.waitFor((l) => l.frame === ON1, 15_000, 'relay on');
    pulse.kill('SIGTERM');
    await pulse.exited;
    await board.waitFor((l) => l.frame === OFF1 && board.lines.filter((x) => 'frame' in x).length === 3, 5000, 'release on SIGTERM');
    expect(board.lines.filter((l) => 'frame' in l).map((l) => l.frame)).toEqual([OFF1, ON1, OFF1]);
  });
});
