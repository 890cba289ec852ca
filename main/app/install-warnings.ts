import type { KioskConfig } from '../../shared/config/schema.ts';
import type { InstallWarning } from '../../shared/contract/requests.ts';

/**
 * Outside demo mode a simulated device or the demo central system is
 * allowed (a branch may wait for a printer) but never silent: the
 * technician screen, `openbranch status` and /health say so. In demo mode
 * they are the point, so nothing is said.
 */
export function installWarnings(config: KioskConfig): InstallWarning[] {
  if (config.demo) return [];
  const warnings: InstallWarning[] = [];
  const simulated = config.devices.filter((d) => d.enabled && d.driver === 'simulated').map((d) => d.id);
  if (simulated.length > 0) warnings.push({ code: 'config.simulated-device', devices: simulated });
  if (config.central.kind === 'demo') warnings.push({ code: 'config.demo-central', devices: [] });
  return warnings;
}

/** One line per warning, for logs and the command line. */
export function describeWarning(w: InstallWarning): string {
  return w.code === 'config.simulated-device'
    ? `simulated device(s) outside demo mode: ${w.devices.join(', ')} (they drive no real hardware)`
    : 'the demo central system runs outside demo mode (no real library system is asked)';
}
