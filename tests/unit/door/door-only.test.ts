import { afterEach, describe, expect, it } from 'vitest';
import { HidPinPad } from '../../../devices/card/hid-pin-pad.ts';
import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { BoardRelayOutput } from '../../../devices/door/relay-output.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { DoorController } from '../../../main/door/door-controller.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { hidKeypadSchema } from '../../../shared/config/devices/card.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { until } from '../../support/patience.ts';
import { patron } from './patron.ts';

/** Every card is a patron of the door's; 2468 is the right PIN. */
const central = new CentralDouble().script('patronInformation', ([card, pin]) => patron({ cardNumber: card, pinValid: pin === '2468' }));

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

/** A door with no screen: a card reader, a USB keypad on the (simulated) HID bus, the lock relay and a lamp relay. */
async function doorOnly() {
  const bus = new SimulatedHidBus();
  const keyboard = new SimulatedHidKeyboard({ path: '/dev/hidraw3', vendorId: 0x05a4, productId: 0x9759 });
  bus.plug(keyboard);
  const keypad = new HidPinPad('keypad', hidKeypadSchema.parse({ vendorId: 0x05a4, productId: 0x9759 }), bus, silentLogger);
  const reader = new SimulatedCardReader('door-card');
  const lockBoard = new SimulatedRelayBoard();
  const lampBoard = new SimulatedRelayBoard();
  const lock = new RelayLock('lock', lockBoard, 1, silentLogger);
  const lamp = new BoardRelayOutput('lamp', 'door-lamp', lampBoard, 1);
  for (const d of [keypad, reader, lock, lamp]) await d.open();
  const door = new DoorController({
    rules: doorSchema.parse({ pulseMs: 500 }),
    timeZone: 'Europe/Stockholm',
    central,
    lock,
    sensor: undefined,
    alarmOutputs: [],
    cardReaders: [reader],
    pinPad: keypad,
    lamps: [lamp],
    log: undefined,
    metrics: noopMetrics,
    logger: silentLogger,
    clock: { now: () => new Date('2026-11-30T05:05:00Z') }, // Monday 06:05, unstaffed
  });
  stops.push(async () => {
    await door.stop();
    await keypad.close();
  });
  return { reader, keyboard, lockBoard, lampBoard, door };
}

describe('door-only install (card reader, keypad, lamp; no screen)', () => {
  it('a card at the door reader and the PIN on the keypad pulse the lock and light the lamp while it is open', async () => {
    const t = await doorOnly();
    t.reader.present('23000000000017');
    t.keyboard.type('2468');
    await until(() => t.lockBoard.commands.includes('1:on'));
    expect(t.lampBoard.relays.get(1)).toBe(true);
    await until(() => t.lockBoard.relays.get(1) === false && t.lampBoard.relays.get(1) === false);
  });

  it('a wrong PIN keeps the door locked; the lamp blinks three times', async () => {
    const t = await doorOnly();
    t.reader.present('23000000000017');
    t.keyboard.type('1111');
    await until(() => t.lampBoard.commands.filter((c) => c === '1:on').length === 3 && t.lampBoard.relays.get(1) === false);
    expect(t.door.view().reason).toBe('wrong-pin');
    expect(t.lockBoard.commands).not.toContain('1:on');
  });

  it('a config naming a door card reader that does not exist is refused with the field named', () => {
    const result = configSchema.safeParse({ door: { cardReaders: ['front-door'] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['door', 'cardReaders', 0], message: expect.stringContaining('front-door') });
  });
});
