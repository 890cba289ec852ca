import * as z from 'zod';
import type { DeviceDriver, DriverContext } from '../../devices/driver.ts';
import { type DeviceConfig, deviceEntryBase } from '../../shared/config/devices/index.ts';
import { DEVICE_KINDS, type DeviceKind } from '../../shared/devices/kinds.ts';
import type { Device } from '../../shared/devices/status.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { PARSE } from '../../shared/parsing.ts';
import { describeIssues } from '../config/issues.ts';

interface Registered {
  readonly driver: DeviceDriver;
  /** The whole entry, strict: id, kind, driver, enabled and the driver's own options. */
  readonly entry: z.ZodObject;
}

/**
 * kind + driver name -> the driver's option schema and factory. The one
 * place that builds devices, for the kiosk and the CLI alike; the config's
 * device entries are validated against the union of what is registered.
 */
export class DeviceRegistry {
  private readonly drivers_ = new Map<DeviceKind, Map<string, Registered>>();
  private union: z.ZodType<DeviceConfig> | undefined;

  register<S extends z.ZodObject>(kind: DeviceKind, name: string, driver: DeviceDriver<S>): this {
    const byName = this.drivers_.get(kind) ?? new Map<string, Registered>();
    if (byName.has(name)) throw new Error(`driver ${kind}/${name} registered twice`);
    const { id, ...common } = deviceEntryBase;
    const base = { id, kind: z.literal(kind), driver: z.literal(name), ...common };
    const valid = Object.keys({ ...base, ...driver.schema.shape }).join(', ');
    const entry = z.strictObject(
      { ...base, ...driver.schema.shape },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown option(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} for ${kind}/${name} (check the spelling); valid options: ${valid}`
            : undefined,
      },
    );
    // A driver's own cross-field rules (e.g. two inputs of one board that must differ) apply to the strict entry too.
    const checks = (driver.schema._zod.def.checks ?? []) as z.core.$ZodCheck<z.infer<typeof entry>>[];
    byName.set(name, { driver: driver as unknown as DeviceDriver, entry: checks.length ? entry.check(...checks) : entry });
    this.drivers_.set(kind, byName);
    this.union = undefined;
    return this;
  }

  has(kind: DeviceKind, name: string): boolean {
    return this.drivers_.get(kind)?.has(name) ?? false;
  }

  /** The driver names of one kind, in the order registered. */
  driversOf(kind: DeviceKind): string[] {
    return [...(this.drivers_.get(kind)?.keys() ?? [])];
  }

  /** "kind/driver" of everything registered, sorted. */
  drivers(): string[] {
    return [...this.drivers_].flatMap(([kind, byName]) => [...byName.keys()].map((name) => `${kind}/${name}`)).sort();
  }

  /** The schema of one device entry: a union over the registered kinds, then their drivers; every option checked. */
  entrySchema(): z.ZodType<DeviceConfig> {
    this.union ??= this.buildUnion();
    return this.union;
  }

  private buildUnion(): z.ZodType<DeviceConfig> {
    const registered = DEVICE_KINDS.flatMap((kind) => {
      const byName = this.drivers_.get(kind);
      return byName ? [[kind, byName] as const] : [];
    });
    const kinds = registered.map(([kind, byName]) => {
      const names = [...byName.keys()];
      return z.discriminatedUnion('driver', [...byName.values()].map((r) => r.entry) as [z.ZodObject, ...z.ZodObject[]], {
        error: () => `no driver of that name for ${kind}; drivers: ${names.join(', ')}`,
      });
    });
    const known = registered.map(([kind]) => kind).join(', ');
    return z.discriminatedUnion('kind', kinds as unknown as [z.ZodObject, ...z.ZodObject[]], {
      error: () => `unknown kind of device; kinds: ${known}`,
    }) as unknown as z.ZodType<DeviceConfig>;
  }

  /** Validates one entry (a config file's or one the CLI built from its flags); throws config.invalid naming the field. */
  parse(entry: unknown): DeviceConfig {
    const result = this.entrySchema().safeParse(entry, PARSE);
    if (result.success) return result.data;
    const id = typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : '?';
    const problems = describeIssues(result.error.issues);
    throw new OpenBranchError('config.invalid', `device ${id}: ${problems.join('; ')}`, { device: id, problems });
  }

  /** Builds one device from its entry (validated again here: a test or the CLI may hand in anything). */
  async create(config: DeviceConfig, ctx: DriverContext): Promise<Device> {
    const registered = this.drivers_.get(config.kind)?.get(config.driver);
    if (!registered) {
      throw new OpenBranchError('config.unknown-driver', `no driver "${config.driver}" for ${config.kind}`, {
        device: config.id,
        known: this.drivers().filter((d) => d.startsWith(`${config.kind}/`)),
      });
    }
    const options = this.parse(config);
    const device = await registered.driver.create(options, ctx);
    if (device.kind !== config.kind) throw new Error(`driver ${config.kind}/${config.driver} built a ${device.kind}`);
    return device;
  }
}
