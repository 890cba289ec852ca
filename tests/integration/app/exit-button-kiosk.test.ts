import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { InputBoardSimulator } from '../../../devices/door/input-board-simulator.ts';
import { until } from '../../support/patience.ts';
import { ptyPair } from '../devices/fixtures/pty.ts';
import { Cleanups, startBranch } from './branch-fixture.ts';

/**
 * The exit button as a branch configures it, through the whole kiosk
 * (config -> device manager -> input-board driver -> door controller ->
 * LCUS lock): the door contact and the button on one input board at the
 * far end of a pty, the lock an LCUS relay on another. With the branch
 * closed, a press puts the relay-on frame on the lock's wire and the door
 * opening from inside leaves no alarm in the entry log; without a press
 * it is a forced door.
 */
const ON1 = 'a00101a2'; // LCUS: A0 01 01 A2, relay 1 on
// The board reports its inputs in order when the kiosk connects: the button's level (released) is
// read before the contact's, so once the door has seen the contact closed it knows the button too.
const BUTTON = 1;
const CONTACT = 2;
const WAIT = 30_000;
const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function branch() {
  const pty = await ptyPair();
  cleanups.add(() => pty.dispose());
  const inputs = new InputBoardSimulator(pty.device, { [CONTACT]: 0, [BUTTON]: 0 });
  await inputs.start();
  cleanups.add(() => inputs.stop());
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const t = await startBranch(
    cleanups,
    // Long enough that a loaded machine cannot end the exit window before the door opens.
    { door: { schedule: closed, exitButton: { windowSeconds: 120 } } },
    { id: 'door-contact', kind: 'door-sensor', driver: 'input-board', port: pty.host, input: CONTACT, exitButton: { input: BUTTON } },
  );
  const door = t.kiosk.door!;
  const contact = (state: string) => waitFor(door.actor, (s) => (s.value as { contact: string }).contact === state, { timeout: WAIT });
  await contact('closed');
  const alarms = () => {
    const db = new Database(join(t.dir, 'openbranch.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT kind FROM door_alarms ORDER BY id').all() as { kind: string }[]).map((r) => r.kind);
    } finally {
      db.close();
    }
  };
  return { t, inputs, door, contact, alarms };
}

describe('exit button through the whole kiosk', () => {
  it('a press opens the lock on its wire, and the door opening from inside raises no alarm', async () => {
    const b = await branch();
    const framesBefore = b.t.board.frames.length;
    await b.inputs.set(BUTTON, 1);
    await b.inputs.set(BUTTON, 0);
    await until(() => b.t.board.frames.slice(framesBefore).some((f) => f.hex === ON1), WAIT, 'relay on');
    await b.inputs.set(CONTACT, 1);
    await b.contact('open');
    await b.inputs.set(CONTACT, 0);
    await b.contact('closed');
    expect(b.alarms()).toEqual([]);
    expect(b.t.entries()).toEqual([]);
  });

  it('without a press the same opening is a forced door, and nothing crosses to the lock', async () => {
    const b = await branch();
    const framesBefore = b.t.board.frames.length;
    await b.inputs.set(CONTACT, 1);
    await b.contact('forced');
    await until(() => b.alarms().includes('forced'), WAIT, 'the forced alarm on disk');
    expect(b.t.board.frames.slice(framesBefore).map((f) => f.hex)).not.toContain(ON1);
  });
});
