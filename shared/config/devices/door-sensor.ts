import * as z from 'zod';
import { serialOptions } from './usb-id.ts';

/** `driver: modem-lines`: a dry contact wired between a serial port's RTS/DTR and CTS, DSR or DCD. */
export const modemSensorSchema = z.object({
  ...serialOptions,
  line: z.enum(['cts', 'dsr', 'dcd']).default('cts'),
  /** Contact closed (door shut) usually pulls the line high; set `high` for normally-open contacts. */
  openWhen: z.enum(['low', 'high']).default('low'),
  pollMs: z.number().int().min(10).default(50),
  /** A new level must hold this long before it counts (contact bounce). */
  debounceMs: z.number().int().min(0).default(100),
});

/** `driver: input-board`: a microcontroller sending `IN<n>=<0|1>` lines (see devices/door/codec/input-board.ts). */
export const inputBoardSensorSchema = z
  .object({
    ...serialOptions,
    input: z.number().int().min(1).max(64).default(1),
    openWhen: z.enum(['0', '1']).default('1'),
    /** The exit button inside the door (request to exit) on another input of the same board; see `door.exitButton`. */
    exitButton: z.strictObject({ input: z.number().int().min(1).max(64), pressedWhen: z.enum(['0', '1']).default('1') }).optional(),
  })
  .refine((c) => c.exitButton?.input !== c.input, {
    message: 'exitButton.input must differ from the door contact input',
    path: ['exitButton', 'input'],
  });

export type ModemSensorConfig = z.infer<typeof modemSensorSchema>;
export type InputBoardSensorConfig = z.infer<typeof inputBoardSensorSchema>;
