import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import type { Device, DeviceKind } from '../../shared/devices/status.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';

export interface DriverContext {
  readonly logger: Logger;
}

/** Builds one device from its config entry; validates the driver's own options (throws config.invalid). */
export type DeviceFactory = (config: DeviceConfig, ctx: DriverContext) => Device;

/** kind + driver name -> factory. The composition root registers every driver once. */
export class DriverRegistry {
  private readonly factories = new Map<string, DeviceFactory>();

  register(kind: DeviceKind, driver: string, factory: DeviceFactory): this {
    const key = `${kind}/${driver}`;
    if (this.factories.has(key)) throw new Error(`driver ${key} registered twice`);
    this.factories.set(key, factory);
    return this;
  }

  has(kind: DeviceKind, driver: string): boolean {
    return this.factories.has(`${kind}/${driver}`);
  }

  drivers(): string[] {
    return [...this.factories.keys()].sort();
  }

  create(config: DeviceConfig, ctx: DriverContext): Device {
    const factory = this.factories.get(`${config.kind}/${config.driver}`);
    if (!factory) {
      throw new OpenBranchError('config.unknown-driver', `no driver "${config.driver}" for ${config.kind}`, {
        device: config.id,
        known: this.drivers().filter((d) => d.startsWith(`${config.kind}/`)),
      });
    }
    const device = factory(config, ctx);
    if (device.kind !== config.kind) throw new Error(`driver ${config.kind}/${config.driver} built a ${device.kind}`);
    return device;
  }
}
