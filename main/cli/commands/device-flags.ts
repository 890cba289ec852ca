import { driverContext } from '../../../devices/driver.ts';
import type { DeviceKind } from '../../../shared/devices/kinds.ts';
import type { Device } from '../../../shared/devices/status.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import { type Logger, silentLogger } from '../../../shared/logger.ts';
import { deviceRegistry } from '../../devices/drivers.ts';
import { realTransports } from '../../devices/transports.ts';

/**
 * The device a technician command names with its flags, built exactly as
 * the kiosk builds a config entry: the flags become a device entry, the
 * registry checks it against the driver's schema (a flag the driver does
 * not take is refused with the valid ones) and builds it. A bad flag is a
 * usage error (exit 2).
 */
export async function deviceFromFlags<T extends Device>(
  kind: DeviceKind,
  driver: string,
  options: Readonly<Record<string, unknown>>,
  logger: Logger = silentLogger,
): Promise<T> {
  const entry = { id: 'cli', kind, driver, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  let config: ReturnType<typeof deviceRegistry.parse>;
  try {
    config = deviceRegistry.parse(entry);
  } catch (e) {
    if (!isOpenBranchError(e, 'config.invalid')) throw e;
    throw new OpenBranchError('cli.usage', e.message.replace(/^device cli: /, ''), e.details);
  }
  return (await deviceRegistry.create(config, driverContext(logger, realTransports()))) as T;
}
