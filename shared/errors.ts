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
  | 'catalog'
  | 'mail';

/** Why ISO 28560-2 tag data (object identifiers and data sets) does not decode. */
export type Iso28560Part2Failure = 'element' | 'truncated' | 'item-id' | 'oid' | 'compaction' | 'isil';
/** Why ISO 28560-3 ("Danish") tag data does not decode. */
export type Iso28560Part3Failure = 'text' | 'field' | 'version' | 'short' | 'crc' | 'item-id';

/** Bytes that do not decode: tag data, reader frames, ESC/POS status. */
export type CodecError =
  | `codec.iso28560-2.${Iso28560Part2Failure}`
  | `codec.iso28560-3.${Iso28560Part3Failure}`
  | 'codec.hex'
  | 'codec.uid'
  | 'codec.short'
  | 'codec.tag.blank'
  | 'codec.tag.unknown'
  | 'codec.feig.length'
  | 'codec.feig.request'
  | 'codec.feig.response'
  | 'codec.3m.length'
  | 'codec.3m.request'
  | 'codec.3m.response';

/** Any device: not plugged in, not answering, asked for what it cannot do. */
export type DeviceError =
  | 'device.missing'
  | 'device.timeout'
  | 'device.busy'
  | 'device.error'
  | 'device.unknown'
  | 'device.unsupported'
  | 'device.paper-out'
  | 'device.io';

/** The RFID pad and its tags. */
export type RfidError =
  | 'rfid.reader-status'
  | 'rfid.tag-missing'
  | 'rfid.afi-mismatch'
  | 'rfid.eas-mismatch'
  | 'rfid.eas-unconfirmed'
  | 'rfid.simulator'
  | 'rfid.unknown';

/** The SIP2 link to the central system. */
export type Sip2Error =
  | 'sip2.connect'
  | 'sip2.login'
  | 'sip2.timeout'
  | 'sip2.disconnected'
  | 'sip2.closed'
  | 'sip2.busy'
  | 'sip2.corrupt'
  | 'sip2.malformed'
  | 'sip2.frame-too-long'
  | 'sip2.encode'
  | 'sip2.resend'
  | 'sip2.failed';

/** The central system as the flows see it. */
export type CentralError =
  | 'central.offline'
  | 'central.unsupported'
  /** Too many wrong PINs for a card, counted by the kiosk before asking the central system. */
  | 'central.pin-locked-out';

/** The local catalogue and its harvest from the central system's OAI-PMH endpoint. */
export type CatalogError =
  | 'catalog.unreachable'
  | 'catalog.server-busy'
  | 'catalog.http'
  | 'catalog.oai-error'
  | 'catalog.malformed'
  | 'catalog.sqlite'
  /** The harvest's own process ended without an answer (killed, out of memory). */
  | 'catalog.harvest-process';

/** The offline transaction queue. */
export type QueueError =
  | 'queue.not-found'
  | 'queue.not-conflict'
  | 'queue.bad-state'
  | 'queue.locked'
  | 'queue.replay-busy'
  | 'queue.replay-failed'
  | 'queue.schema-newer';

/** The steps of an entry whose failure the door logs (and counts) before going back to idle-locked. */
export type DoorStep = 'decide' | 'unlock' | 'lock' | 'exit-unlock';

/** The door lock and its pulses. */
export type DoorError =
  | `door.${DoorStep}-failed`
  /** A logging or metrics action of the door failed; the door carried on. */
  | 'door.action'
  /** The entry log could not be written (disk full, I/O error). */
  | 'door.log-write'
  | 'door.pulse-range'
  | 'door.readback'
  | 'door.unlock'
  | 'door.release'
  /** A staff unlock with no lock configured, during a lockdown, or while the door is busy with a patron. */
  | 'door.no-lock'
  | 'door.locked-down'
  | 'door.busy';

/** The kiosk's data files (SQLite) at start and on disk. */
export type StorageError =
  | 'storage.corrupt'
  | 'storage.locked'
  | 'storage.unreadable'
  | 'storage.read-only'
  | 'storage.full'
  | 'storage.io';

/** The config file and the install's settings. */
export type ConfigError =
  | 'config.invalid'
  | 'config.syntax'
  | 'config.unreadable'
  | 'config.unknown-driver'
  | 'config.none'
  | 'config.port'
  | 'config.renderer-missing'
  | 'config.world-readable'
  | 'config.world-writable'
  | 'config.group-writable';

/** Requests over the bridge from the screens. */
export type BridgeError = 'bridge.forbidden' | 'bridge.params' | 'bridge.timeout' | 'bridge.unavailable' | 'bridge.internal';

/** The technician command line. */
export type CliError =
  | 'cli.usage'
  | 'cli.no-config'
  | 'cli.demo-central'
  | 'cli.pin-mismatch'
  | 'cli.pin-not-digits'
  | 'cli.pin-too-short'
  | 'cli.pin-too-long'
  | 'cli.pin-trivial';

/** Receipts by e-mail through the library's outgoing mail relay. */
export type MailError =
  /** The relay could not be reached or the connection failed (network, TLS, timeout). */
  | 'mail.unreachable'
  /** The relay refused the login with the configured credentials. */
  | 'mail.auth'
  /** The relay answered, but did not accept the message for the patron's address. */
  | 'mail.rejected'
  /** The credentials file is missing or not `user:` and `password:`. */
  | 'mail.credentials';

/** Every error code, grouped by subsystem; a new code is one line in its group. */
export type ErrorCode =
  | CodecError
  | DeviceError
  | RfidError
  | Sip2Error
  | CentralError
  | QueueError
  | DoorError
  | ConfigError
  | StorageError
  | BridgeError
  | CliError
  | CatalogError
  | MailError;

/** Codes whose failure may go away by retrying (network, unplugged USB, busy port). */
const TRANSIENT = new Set<ErrorCode>([
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
