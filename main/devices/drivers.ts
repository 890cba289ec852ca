import { hidCardReader, hidKeypad, serialCardReader, simulatedCardReader } from '../../devices/card/drivers.ts';
import { inputBoardCounter, simulatedPeopleCounter } from '../../devices/counter/drivers.ts';
import {
  inputBoardSensor,
  lcusBoard,
  modemLineSensor,
  relayLock,
  relayOutput,
  simulatedBoard,
  simulatedDoorSensor,
  usbRelayBoard,
} from '../../devices/door/drivers.ts';
import { escposPrinter, escposUsbPrinter, simulatedPrinter } from '../../devices/printer/drivers.ts';
import { serialPad, simulatedPadDriver } from '../../devices/rfid/drivers.ts';
import { threeMReader } from '../../devices/rfid/readers/3m/index.ts';
import { feigReader } from '../../devices/rfid/readers/feig/index.ts';
import type { ReaderDefinition } from '../../devices/rfid/readers/reader-definition.ts';
import { DeviceRegistry } from './registry.ts';

/** RFID reader protocols (a folder each in devices/rfid/readers/); a new reader is its folder plus one entry here. */
export const RFID_READERS: readonly ReaderDefinition[] = [feigReader, threeMReader];

/**
 * Every driver of every kind of device, one line each: the kiosk's device
 * manager and the technician CLI build devices only through this registry,
 * and the config's device entries are checked against it at load.
 * Loading this file loads schemas only; a driver's code loads when a
 * device of it is built.
 */
export const deviceRegistry = RFID_READERS.reduce((r, reader) => r.register('rfid', reader.name, serialPad(reader)), new DeviceRegistry())
  .register('rfid', 'simulated', simulatedPadDriver(RFID_READERS))
  .register('card-reader', 'hid', hidCardReader)
  .register('card-reader', 'serial', serialCardReader)
  .register('card-reader', 'simulated', simulatedCardReader)
  .register('keypad', 'hid', hidKeypad)
  .register('door-lock', 'lcus', relayLock(lcusBoard))
  .register('door-lock', 'usbrelay', relayLock(usbRelayBoard))
  .register('door-lock', 'simulated', relayLock(simulatedBoard))
  .register('relay-output', 'lcus', relayOutput(lcusBoard))
  .register('relay-output', 'usbrelay', relayOutput(usbRelayBoard))
  .register('relay-output', 'simulated', relayOutput(simulatedBoard))
  .register('door-sensor', 'modem-lines', modemLineSensor)
  .register('door-sensor', 'input-board', inputBoardSensor)
  .register('door-sensor', 'simulated', simulatedDoorSensor)
  .register('printer', 'escpos', escposPrinter)
  .register('printer', 'escpos-usb', escposUsbPrinter)
  .register('printer', 'simulated', simulatedPrinter)
  .register('people-counter', 'input-board', inputBoardCounter)
  .register('people-counter', 'simulated', simulatedPeopleCounter);
