import { OpenBranchError } from '../../../shared/errors.ts';
import type { FoundDevice } from '../../devices/discover.ts';
import type { RequestHandlers } from '../request-router.ts';

export interface DeviceSetup {
  discover(): Promise<{ devices: FoundDevice[]; warnings: string[] }>;
  /** The config file, or undefined when the embedded default runs. */
  readonly configFile: string | undefined;
  /** Writes the entry into the config file (validated, atomic). */
  addDevice(file: string, entry: Record<string, unknown>): void;
}

/** devices.discover and devices.assign: the technician finds what is plugged in and gives it a role. */
export function deviceSetupHandlers(setup: DeviceSetup): Pick<RequestHandlers, 'devices.discover' | 'devices.assign'> {
  return {
    'devices.discover': async () => {
      const found = await setup.discover();
      return { devices: found.devices.map((d) => ({ ...d })), warnings: found.warnings, configFile: setup.configFile ?? null };
    },
    'devices.assign': async (entry: Record<string, unknown>) => {
      const file = setup.configFile;
      if (!file)
        throw new OpenBranchError('config.none', 'the embedded default has no config file: start with --config FILE to add real devices');
      setup.addDevice(file, { ...entry, enabled: true });
      return { ok: true, file, restartNeeded: true };
    },
  };
}
