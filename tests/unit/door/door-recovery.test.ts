import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { EntryRecorder } from '../../../main/door/entry-recorder.ts';
import { type KioskMetrics, noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import type { PatronInfo } from '../../../shared/domain/central.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { tempDirs } from '../queue/temp-db.ts';
import { DoorWorld } from './door-world.ts';
import { manualTicker } from './manual-ticker.ts';
import { patron } from './patron.ts';

/**
 * Finding 4: one error stopped the door for good. Every step now has a way
 * back to idle with the lock released: a disk that refuses the entry log,
 * a relay board that is missing or fails, a machine that hangs or dies.
 */
const ANNA = { card: '1001', pin: '1234' };
const ERIK = { card: '1002', pin: '2345' };
/** Monday 06:30 in Stockholm: unstaffed. */
const MORNING = new Date('2026-11-30T06:30:00+01:00');
const everyone = (card: string, pin: string | undefined): PatronInfo =>
  patron({ cardNumber: card, pinValid: pin === (card === ANNA.card ? ANNA.pin : ERIK.pin) });

function recordingMetrics() {
  const errors: string[] = [];
  const alarms: string[] = [];
  const metrics: KioskMetrics = { ...noopMetrics, error: (code) => errors.push(code), doorAlarm: (kind) => alarms.push(kind) };
  return { metrics, errors, alarms };
}

const worlds: DoorWorld[] = [];
const files = tempDirs();
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.stop();
  files.cleanup();
});
async function door(extra: ConstructorParameters<typeof DoorWorld>[3] = {}): Promise<DoorWorld> {
  const w = new DoorWorld(false, MORNING, everyone, extra);
  worlds.push(w);
  await w.start();
  return w;
}

describe('the door recovers from every fault, always locked and back at idle', () => {
  it('a disk that refuses the entry log: the next patron still gets in; the entries are written, with their times, once it takes writes', async () => {
    const m = recordingMetrics();
    const w = await door({ metrics: m.metrics });
    w.disk(true);
    const annaAt = w.wall;
    expect((await w.enter(ANNA.card, ANNA.pin)).opened).toBe(true);
    w.wall += 60_000;
    expect((await w.enter(ERIK.card, ERIK.pin)).opened).toBe(true);
    expect(m.errors.filter((c) => c === 'door.log-write')).toEqual(['door.log-write']); // alarmed once, not per entry
    expect(w.log.report('2026-11-30', '2026-11-30', () => 0).granted).toBe(0);

    w.disk(false);
    for (const retry of w.retries.splice(0)) retry();
    const day = ['2026-11-30', '2026-11-30'] as const;
    expect(w.log.entriesOf(ANNA.card, ...day)).toEqual([{ at: new Date(annaAt).toISOString(), outcome: 'granted', reason: null }]);
    expect(w.log.entriesOf(ERIK.card, ...day)).toEqual([{ at: new Date(annaAt + 60_000).toISOString(), outcome: 'granted', reason: null }]);
    // The gap starts at the first entry the disk refused, on the door's clock like the entries (not the machine's).
    expect(w.log.report('2026-11-30', '2026-11-30', () => 0).alarms).toEqual([{ at: new Date(annaAt).toISOString(), kind: 'log-gap' }]);
  });

  it('a missing lock board: the door says "out of order" at once and takes no PIN; when the board is back, patrons get in', async () => {
    const w = await door();
    w.board.unplug();
    expect(w.lock.status().state).toBe('missing');
    expect(w.door.view().step).toBe('out-of-order');
    const refused = await w.enter(ANNA.card, ANNA.pin);
    expect(refused).toMatchObject({ opened: false, answer: { step: 'out-of-order' } });
    expect(w.log.entriesOf(ANNA.card, '2026-11-30', '2026-11-30')).toEqual([
      expect.objectContaining({ outcome: 'denied', reason: 'out-of-order' }),
    ]);

    w.board.plug();
    await w.lock.open(); // what the device manager does when the board is back
    expect(w.door.view().step).toBe('idle');
    expect((await w.enter(ANNA.card, ANNA.pin)).opened).toBe(true);
  });

  it('a relay that fails at the pulse: the patron is told, staff get an alarm, the lock is released, the next card is answered', async () => {
    const m = recordingMetrics();
    const w = await door({ metrics: m.metrics });
    w.board.throwing = true;
    const shown: string[] = [];
    const off = w.door.onView((v) => shown.push(v.lock));
    const first = await w.enter(ANNA.card, ANNA.pin);
    off();
    expect(shown).not.toContain('unlocked'); // the screen never said "open" for a door that stayed locked
    expect(first).toMatchObject({ opened: false, answer: { step: 'denied', reason: 'error' } });
    expect(m.alarms).toContain('unlock-failed');
    expect(w.lock.status().state).toBe('error');
    expect((await w.enter(ERIK.card, ERIK.pin)).answer).toMatchObject({ step: 'out-of-order' });
    w.board.throwing = false;
    await w.lock.open();
    expect((await w.enter(ERIK.card, ERIK.pin)).opened).toBe(true);
  });

  it('a pulse that never ends (a hung relay board): the watchdog brings the door back to idle and switches the relay off', async () => {
    const watchdog = manualTicker();
    const m = recordingMetrics();
    const w = await door({ watchdogClock: watchdog.ticker, metrics: m.metrics, timing: { resultMs: 1, unlockTimeoutMs: 3_600_000 } });
    let hung = true;
    const release: (() => void)[] = [];
    const set = w.board.set.bind(w.board);
    w.board.set = (relay, on) => (hung && on ? new Promise<void>((r) => release.push(() => void set(relay, on).then(r))) : set(relay, on));
    w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.card', number: ANNA.card } }));
    for (const d of ANNA.pin) w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.digit', digit: d } }));
    w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.submit' } }));
    await waitFor(w.door.actor, (s) => (s.value as { entry: string }).entry === 'granted');
    watchdog.pass(1000); // the watchdog notices the step
    watchdog.pass(2 * 3_600_000); // ... and it is still there long after the machine's own (hour-long) timeout should have fired
    await waitFor(w.door.actor, (s) => (s.value as { entry: string }).entry === 'idle');
    expect(m.alarms).toContain('watchdog-reset');
    expect(w.board.commands.at(-1)).toBe('1:off');
    hung = false;
    for (const r of release) r();
  });

  it('a machine that stopped is replaced by a fresh one; one that keeps dying ends the process (exit, lock off)', async () => {
    const watchdog = manualTicker();
    const fatal: string[] = [];
    const w = await door({ watchdogClock: watchdog.ticker, fatal: (reason) => fatal.push(reason) });
    for (let i = 0; i < 3; i++) {
      const dead = w.door.actor;
      dead.stop();
      watchdog.pass(1000);
      expect(w.door.actor).not.toBe(dead);
      expect((await w.enter(ANNA.card, ANNA.pin)).opened).toBe(true);
    }
    expect(fatal).toEqual([]);
    w.door.actor.stop();
    watchdog.pass(1000);
    expect(fatal).toEqual([expect.stringContaining('restarted 3 times within 10 minutes')]);
    expect(w.board.commands.at(-1)).toBe('1:off');
  });
});

describe('entry recorder on a disk that really fills up (SQLITE_FULL)', () => {
  it('keeps the entries SQLite refuses, in order, and writes them when the file may grow again', () => {
    const db = openDatabase(files.file());
    const log = new EntryLog(db);
    const retries: (() => void)[] = [];
    const recorder = new EntryRecorder(log, noopMetrics, silentLogger, {
      after: (_ms, run) => {
        retries.push(run);
        return () => {};
      },
    });
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 5, 0, i));
    let i = 0;
    while (recorder.waiting() === 0 && i < 10_000) recorder.attempt(at(i++), `card-${i}`, 'granted');
    expect(recorder.waiting()).toBe(1); // the disk is full: the entry waits in memory
    for (let k = 0; k < 5; k++) recorder.attempt(at(i++), `card-${i}`, 'denied', 'wrong-pin');
    expect(recorder.waiting()).toBe(6);
    db.pragma('max_page_count = 1073741823');
    retries.shift()!();
    expect(recorder.waiting()).toBe(0);
    const rows = log.report('2026-11-30', '2026-11-30', () => 0);
    expect(rows.granted + rows.denied).toBe(i);
    db.close();
  });
});
