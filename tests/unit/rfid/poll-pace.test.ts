import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import type { SerialRfidReader } from '../../../devices/rfid/reader/serial-rfid-reader.ts';
import { SessionScreens } from '../../../main/app/session-screens.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { simulatedSetup, until } from './helpers.ts';

/**
 * The pad polls slowly at the start screen (only a card is expected) and
 * fast while a session is open, so a placed item is seen within tens of ms
 * instead of waiting out the rest of an idle pause. The idle pause here is
 * 10 s, longer than any wait below: an item is seen in time only at the
 * active pace.
 */
const slowIdle = { pollIntervalMs: 10_000, activePollIntervalMs: 20 };
const paceOf = (r: unknown) => (r as SerialRfidReader<unknown>).currentPace;

describe('the pad polls at the session pace', () => {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('an item placed during an idle pause is seen at once when the pace turns active', async () => {
    const { reader, pad, events } = simulatedSetup(slowIdle);
    closers.push(() => reader.close());
    reader.pad.place({ item: { itemId: 'FIRST' } });
    await reader.open();
    await until(() => events.length === 1, 3000, 'the first inventory');
    // The next idle inventory is 10 s away.
    reader.pad.place({ item: { itemId: 'SECOND' } });
    pad.setPace('active');
    await until(() => events.length === 2, 1000, 'the item placed after the pace turned active');
    expect(
      pad
        .items()
        .map((t) => t.itemId)
        .sort(),
    ).toEqual(['FIRST', 'SECOND']);
  });

  it('a session turns the pace active when it opens and idle when it ends', async () => {
    const { reader, pad, events } = simulatedSetup(slowIdle);
    const card = new SimulatedCardReader('card');
    const central = new CentralDouble();
    const screens = new SessionScreens({
      central,
      pad,
      cardReaders: [card],
      printer: undefined,
      branchId: 'VAS',
      branchDisplayName: 'Västerås',
      branchName: (c) => c,
      pickupLabel: () => 'A1',
      checkInOnSecurityFailure: false,
      policy: { pinRequired: true, idleSeconds: 60, warningSeconds: 20, receipt: 'none' },
      language: () => 'sv',
      logger: silentLogger,
    });
    closers.push(
      () => screens.stop(),
      () => reader.close(),
      () => card.close(),
    );
    await card.open();
    await reader.open();
    expect(paceOf(reader)).toBe('idle');
    await card.present('23000000000017');
    await until(() => screens.current().screen === 'pin', 3000, 'the PIN screen');
    expect(paceOf(reader)).toBe('active');
    reader.pad.place({ item: { itemId: 'PLACED-AT-PIN' } });
    await until(() => events.length === 1, 1000, 'the item placed on the PIN screen');
    screens.dispatch({ type: 'ui.cancel' });
    await until(() => screens.current().screen === 'attract', 3000, 'the start screen');
    await until(() => paceOf(reader) === 'idle', 1000, 'the idle pace');
  });
});
