import type { KioskConfig } from '../../../shared/config/schema.ts';
import type { InstallWarning } from '../../../shared/contract/requests.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import type { DeviceTester } from '../../core/ports.ts';
import type { RequestHandlers } from '../request-router.ts';
import { DEFAULT_TIMINGS, runDeviceTest, TEST_OF_KIND, type TestTimings } from './device-tests.ts';

/** devices.list (with the install's warnings, e.g. simulated devices outside demo mode) and devices.test for the technician screen. */
export function deviceHandlers(
  devices: DeviceTester,
  config: KioskConfig,
  warnings: readonly InstallWarning[] = [],
  timings: TestTimings = DEFAULT_TIMINGS,
): Pick<RequestHandlers, 'devices.list' | 'devices.test'> {
  const portOf = new Map(config.devices.map((d) => [d.id, d.port]));
  return {
    'devices.list': async () => ({
      devices: devices.reports().map((r) => ({
        id: r.id,
        kind: r.kind,
        driver: r.driver,
        state: r.status.state,
        since: r.status.since,
        test: TEST_OF_KIND[r.kind] ?? null,
        ...(r.status.reason ? { reason: r.status.reason } : {}),
        ...(portOf.get(r.id) ? { port: portOf.get(r.id) } : {}),
      })),
      warnings: warnings.map((w) => ({ code: w.code, devices: [...w.devices] })),
    }),
    'devices.test': async ({ id, action }: { id: string; action: string }) => {
      const device = devices.get(id);
      if (!device) throw new OpenBranchError('device.unknown', `no device "${id}"`);
      if (TEST_OF_KIND[device.kind] !== action)
        throw new OpenBranchError('device.unsupported', `"${action}" is not the test of a ${device.kind}`);
      return runDeviceTest(device, {
        timings,
        branchName: config.branch.name,
        padOf: (readerId) => devices.padOf(readerId),
      });
    },
  };
}
