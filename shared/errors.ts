/**
 * One error type for the whole kiosk. Codes are grouped by subsystem
 * ("sip2.checksum", "device.missing", ...) so logs, metrics and the
 * technician screen can group failures without parsing messages.
 */
export type Subsystem =
  | 'codec'
  | 'device'
  | 'rfid'
  | 'sip2'
  | 'central'
  | 'queue'
  | 'door'
  | 'config'
  | 'bridge'
  | 'cli'
  | 'storage'
  | 'catalog';

export type ErrorCode = `${Subsystem}.${string}`;

/** Codes whose failure may go away by retrying (network, unplugged USB, busy port). */
const TRANSIENT = new Set<string>([
  'device.missing',
  'device.timeout',
  'device.busy',
  'sip2.timeout',
  'sip2.disconnected',
  'sip2.connect',
  'central.offline',
  'catalog.unreachable',
  'catalog.server-busy',
]);

export class OpenBranchError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OpenBranchError';
    this.code = code;
    this.details = details;
  }

  get subsystem(): Subsystem {
    return this.code.slice(0, this.code.indexOf('.')) as Subsystem;
  }
}

export function isOpenBranchError(e: unknown, code?: ErrorCode): e is OpenBranchError {
  return e instanceof OpenBranchError && (code === undefined || e.code === code);
}

export function isTransient(e: unknown): boolean {
  return e instanceof OpenBranchError && TRANSIENT.has(e.code);
}

/** Wraps anything thrown into an OpenBranchError, keeping the original as cause. */
export function toOpenBranchError(e: unknown, fallback: ErrorCode): OpenBranchError {
  if (e instanceof OpenBranchError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new OpenBranchError(fallback, message, {}, { cause: e });
}
