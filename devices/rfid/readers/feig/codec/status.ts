import { OpenBranchError } from '../../../../../shared/errors.ts';

/** FEIG ISO-host STATUS byte (first data byte of every response). */
export const FEIG_STATUS: Readonly<Record<number, string>> = {
  0: 'ok',
  1: 'no-transponder',
  2: 'data-false',
  3: 'write-error',
  4: 'address-error',
  5: 'wrong-transponder-type',
  11: 'no-valid-data',
  14: 'unknown-error',
  128: 'unknown-command',
  129: 'length-error',
  130: 'command-not-available',
  131: 'rf-communication-error',
  132: 'rf-warning',
  147: 'data-buffer-overflow',
  148: 'more-data',
  149: 'iso15693-error',
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
