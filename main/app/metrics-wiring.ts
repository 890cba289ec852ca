import type { KioskConfig } from '../../shared/config/schema.ts';
import type { ReceiptPrinter } from '../../shared/devices/printer.ts';
import type { Logger } from '../../shared/logger.ts';
import { MESSAGES } from '../central/sip2/codec/spec.ts';
import type { CentralConnection } from '../core/ports.ts';
import type { DeviceManager } from '../devices/manager.ts';
import { type KioskMetricsRegistry, type MetricsServer, startMetricsServer } from '../metrics/index.ts';

/** SIP2 command names as metric labels: "Patron Information" -> "patron-information". */
const commandLabel = (code: string) => (MESSAGES.get(code)?.name ?? 'other').toLowerCase().replaceAll(' ', '-');

/** Feeds the fleet view: each device's status, the central system's link and round trips, and the last error. */
export function watchForMetrics(metrics: KioskMetricsRegistry, manager: DeviceManager, connection: CentralConnection): void {
  const { central } = connection;
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
  connection.onRoundTrip(({ code, ms }) => m.centralRoundTrip(commandLabel(code), ms / 1000));
}

const POLL_MS = 60_000;

/**
 * What is read rather than pushed: the printers' paper (DLE EOT 4 once a
 * minute, only while connected) and the open replay conflicts. Returns the
 * function that stops the polling.
 */
export function pollForMetrics(
  metrics: KioskMetricsRegistry,
  sources: { readonly printers: readonly ReceiptPrinter[]; readonly openConflicts: () => number },
  everyMs = POLL_MS,
): () => void {
  const m = metrics.metrics;
  const poll = () => {
    m.queueConflicts(sources.openConflicts());
    for (const printer of sources.printers) {
      if (printer.status().state !== 'connected') continue;
      printer.paper().then(
        (paper) => m.printerPaper(printer.id, paper),
        () => m.printerPaper(printer.id, 'unknown'),
      );
    }
  };
  poll();
  const timer = setInterval(poll, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The fleet endpoint is for monitoring: a busy port is logged, and the kiosk still serves patrons. */
export async function startMetricsOrWarn(
  source: KioskMetricsRegistry,
  config: KioskConfig,
  logger: Logger,
): Promise<MetricsServer | undefined> {
  if (!config.metrics.enabled) return undefined;
  try {
    const { host, port, token, allowedHosts } = config.metrics;
    return await startMetricsServer({ source, host, port, token, allowedHosts, logger });
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e), port: config.metrics.port }, 'metrics endpoint not started');
    return undefined;
  }
}
