import { OpenBranchError } from '../../../shared/errors.ts';

/** FEIG ISO-host STATUS byte (first data byte of every response). */
export const FEIG_STATUS: Readonly<Record<number, string>> = {
  0x00: 'ok',
  0x01: 'no-transponder',
  0x02: 'data-false',
  0x03: 'write-error',
  0x04: 'address-error',
  0x05: 'wrong-transponder-type',
  0x0b: 'no-valid-data',
  0x0e: 'unknown-error',
  0x80: 'unknown-command',
  0x81: 'length-error',
  0x82: 'command-not-available',
  0x83: 'rf-communication-error',
  0x84: 'rf-warning',
  0x93: 'data-buffer-overflow',
  0x94: 'more-data',
  0x95: 'iso15693-error',
};

export function feigStatusError(status: number, errorCode?: number): OpenBranchError {
  const name = FEIG_STATUS[status] ?? 'unknown-status';
  const code = status === 0x01 ? 'rfid.tag-missing' : status === 0x80 || status === 0x82 ? 'device.unsupported' : 'rfid.reader-status';
  return new OpenBranchError(code, `reader answered ${name}`, {
    status: `0x${status.toString(16).padStart(2, '0')}`,
    name,
    ...(errorCode === undefined ? {} : { tagError: errorCode }),
  });
}
