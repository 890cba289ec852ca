import { type DriverContext, driverContext, type Transports } from '../../devices/driver.ts';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import type { CardReader, PinPad } from '../../shared/devices/card.ts';
import type { PeopleCounter } from '../../shared/devices/counter.ts';
import type { DoorLock, DoorSensor, RelayOutput } from '../../shared/devices/door.ts';
import type { DeviceKind, RelayRole } from '../../shared/devices/kinds.ts';
import type { ReceiptPrinter } from '../../shared/devices/printer.ts';
import type { Device, DeviceStatus } from '../../shared/devices/status.ts';
import { toOpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DeviceReport } from '../core/ports.ts';
import { type Backoff, backoffDelay, defaultBackoff } from './backoff.ts';
import type { DeviceRegistry } from './registry.ts';
import { realTransports } from './transports.ts';

export type { DeviceReport } from '../core/ports.ts';

interface Entry {
  readonly config: DeviceConfig;
  readonly device: Device | undefined;
  /** Set when the entry could not even be built (bad config): never retried. */
  readonly failure?: DeviceStatus;
  attempt: number;
  timer?: ReturnType<typeof setTimeout> | undefined;
  opening: boolean;
}

/**
 * Opens every configured device, watches its status, and reopens it with
 * backoff when it goes missing or fails (USB unplugged and plugged back):
 * the one place that reopens devices, so a driver only reports `missing`.
 * Publishes every status change as one event for the renderer and the logs.
 */
export class DeviceManager {
  private readonly entries = new Map<string, Entry>();
  private readonly events = new Emitter<{ status: DeviceReport }>();
  private readonly log: Logger;
  private stopped = false;

  private readonly backoff: Backoff;
  private readonly context: DriverContext;

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly configs: readonly DeviceConfig[],
    logger: Logger,
    options: { readonly transports?: Transports; readonly backoff?: Backoff } = {},
  ) {
    this.log = logger.child({ subsystem: 'devices' });
    this.backoff = options.backoff ?? defaultBackoff;
    this.context = driverContext(this.log, options.transports ?? realTransports());
  }

  /** Builds and opens every enabled device. Never throws for a device: failures become statuses and retries. */
  async start(): Promise<void> {
    for (const config of this.configs.filter((c) => c.enabled)) {
      let entry: Entry;
      try {
        const device = await this.registry.create(config, this.context);
        entry = { config, device, attempt: 0, opening: false };
        device.onStatus((status) => this.onDeviceStatus(entry, status));
      } catch (e) {
        const err = toOpenBranchError(e, 'config.invalid');
        const failure: DeviceStatus = { state: 'error', reason: `${err.code}: ${err.message}`, since: new Date().toISOString() };
        entry = { config, device: undefined, failure, attempt: 0, opening: false };
        this.publish(entry, failure);
      }
      this.entries.set(config.id, entry);
    }
    await Promise.all([...this.entries.values()].map((e) => this.open(e)));
  }

  private async open(entry: Entry): Promise<void> {
    if (!entry.device || this.stopped || entry.opening) return;
    entry.opening = true;
    try {
      await entry.device.open();
      entry.attempt = 0;
    } catch (e) {
      this.log.debug({ device: entry.config.id, code: toOpenBranchError(e, 'device.error').code }, 'open failed');
      this.scheduleReopen(entry);
    } finally {
      entry.opening = false;
    }
  }

  private onDeviceStatus(entry: Entry, status: DeviceStatus): void {
    this.publish(entry, status);
    if ((status.state === 'missing' || status.state === 'error') && !entry.opening) this.scheduleReopen(entry);
  }

  private scheduleReopen(entry: Entry): void {
    if (this.stopped || entry.timer) return;
    const max = entry.config.reconnectMs ?? this.backoff.maxMs;
    const delay = backoffDelay(entry.attempt++, { initialMs: Math.min(this.backoff.initialMs, max), maxMs: max });
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.open(entry);
    }, delay);
  }

  private publish(entry: Entry, status: DeviceStatus): void {
    const report = { id: entry.config.id, kind: entry.config.kind, driver: entry.config.driver, status };
    const level = status.state === 'error' ? 'error' : status.state === 'missing' ? 'warn' : 'info';
    this.log[level](
      { device: report.id, kind: report.kind, driver: report.driver, state: status.state, reason: status.reason },
      'device status',
    );
    this.events.emit('status', report);
  }

  onStatus(listener: (report: DeviceReport) => void): Unsubscribe {
    return this.events.on('status', listener);
  }

  reports(): DeviceReport[] {
    return [...this.entries.values()].map((e) => ({
      id: e.config.id,
      kind: e.config.kind,
      driver: e.config.driver,
      status: e.device?.status() ?? e.failure ?? { state: 'error', since: new Date().toISOString() },
    }));
  }

  get(id: string): Device | undefined {
    return this.entries.get(id)?.device;
  }

  private ofKind<T extends Device>(kind: DeviceKind): T[] {
    return [...this.entries.values()].flatMap((e) => (e.device?.kind === kind ? [e.device as T] : []));
  }

  cardReaders(): CardReader[] {
    return this.ofKind<CardReader>('card-reader');
  }

  pinPad(): PinPad | undefined {
    return this.ofKind<PinPad>('keypad')[0];
  }

  doorLock(): DoorLock | undefined {
    return this.ofKind<DoorLock>('door-lock')[0];
  }

  doorSensor(): DoorSensor | undefined {
    return this.ofKind<DoorSensor>('door-sensor')[0];
  }

  peopleCounter(): PeopleCounter | undefined {
    return this.ofKind<PeopleCounter>('people-counter')[0];
  }

  printer(): ReceiptPrinter | undefined {
    return this.ofKind<ReceiptPrinter>('printer')[0];
  }

  /** Relay outputs, optionally only those with the given role ("siren", "alarm", "lights"). */
  outputs(role?: RelayRole): RelayOutput[] {
    return this.ofKind<RelayOutput>('relay-output').filter((o) => role === undefined || o.role === role);
  }

  /** Closes everything; the door lock is closed (released) first. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    const all = [...this.entries.values()].flatMap((e) => (e.device ? [e.device] : []));
    const locks = all.filter((d) => d.kind === 'door-lock');
    await Promise.allSettled(locks.map((d) => d.close()));
    await Promise.allSettled(all.filter((d) => d.kind !== 'door-lock').map((d) => d.close()));
    this.events.clear();
  }
}
