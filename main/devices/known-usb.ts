/**
 * What a technician most likely plugged in, from its USB vendor/product id.
 * Guesses only: many products share the same USB-serial chip.
 */
const known: { vid: number; pid?: number; guess: string }[] = [
  { vid: 0x16c0, pid: 0x05df, guess: 'dcttech USBRelay HID relay board (driver: usbrelay)' },
  { vid: 0x1a86, pid: 0x7523, guess: 'CH340 USB-serial: LCUS relay board (driver: lcus), barcode scanner or printer' },
  { vid: 0x1a86, pid: 0x55d3, guess: 'CH343 USB-serial: relay board or scanner' },
  { vid: 0x0403, pid: 0x6001, guess: 'FTDI USB-serial: RFID reader, printer or input board' },
  { vid: 0x067b, pid: 0x2303, guess: 'Prolific USB-serial adapter' },
  { vid: 0x10c4, pid: 0xea60, guess: 'Silicon Labs CP210x USB-serial adapter' },
  { vid: 0x2341, guess: 'Arduino: input board (driver: input-board)' },
  { vid: 0x2e8a, guess: 'Raspberry Pi Pico: input board (driver: input-board)' },
  { vid: 0x0ab1, guess: 'FEIG RFID reader' },
  { vid: 0x04b8, guess: 'Epson receipt printer (ESC/POS)' },
  { vid: 0x0519, guess: 'Star Micronics receipt printer' },
  { vid: 0x0416, pid: 0x5011, guess: 'POS-58/80 receipt printer (ESC/POS)' },
  { vid: 0x0c27, guess: 'RF IDeas pcProx card reader (HID keyboard, driver: hid)' },
  { vid: 0x09d8, guess: 'Elatec TWN card reader (HID keyboard or serial)' },
  { vid: 0x0c2e, guess: 'Honeywell/Metrologic barcode scanner' },
  { vid: 0x05e0, guess: 'Zebra/Symbol barcode scanner' },
  { vid: 0x0536, guess: 'Hand Held Products barcode scanner' },
];

export function guessUsb(vendorId: number | undefined, productId: number | undefined): string | undefined {
  if (vendorId === undefined) return undefined;
  return (
    known.find((k) => k.vid === vendorId && k.pid !== undefined && k.pid === productId)?.guess ??
    known.find((k) => k.vid === vendorId && k.pid === undefined)?.guess
  );
}

export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
