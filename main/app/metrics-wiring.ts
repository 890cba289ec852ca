import type { KioskConfig } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DeviceManager } from '../devices/manager.ts';
import { type KioskMetricsRegistry, type MetricsServer, startMetricsServer } from '../metrics/index.ts';

/** Feeds the fleet view: each device's status, the central system's link, and the last error of either. */
export function watchForMetrics(metrics: KioskMetricsRegistry, manager: DeviceManager, central: CentralSystem): void {
  const m = metrics.metrics;
  for (const r of manager.reports()) m.deviceStatus(r, r.status);
  manager.onStatus((r) => {
    m.deviceStatus(r, r.status);
    if (r.status.state === 'missing' || r.status.state === 'error') m.error(`device.${r.status.state}`);
  });
  m.centralConnection(central.health() !== 'offline');
  central.onHealth((h) => {
    m.centralConnection(h !== 'offline');
    if (h === 'offline') m.error('central.offline');
  });
}

/** The fleet endpoint is for monitoring: a busy port is logged, and the kiosk still serves patrons. */
export async function startMetricsOrWarn(
  source: KioskMetricsRegistry,
  config: KioskConfig,
  logger: Logger,
): Promise<MetricsServer | undefined> {
  if (!config.metrics.enabled) return undefined;
  try {
    return await startMetricsServer({ source, host: config.metrics.host, port: config.metrics.port, token: config.metrics.token, logger });
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e), port: config.metrics.port }, 'metrics endpoint not started');
    return undefined;
  }
}
