import { resolve } from 'node:path';
import type { KioskConfig } from '../../shared/config/schema.ts';
import type { DeviceView } from '../../shared/contract/view.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DeviceManager } from '../devices/manager.ts';
import { startWebHost, type WebHost } from '../hosts/web/server.ts';
import { BridgeHub, type KioskCore } from '../hub/bridge-hub.ts';
import { RequestRouter } from '../hub/request-router.ts';
import { deviceHandlers } from '../hub/requests/device-handlers.ts';
import { createKioskMetrics, type KioskMetricsRegistry, type MetricsServer, startMetricsServer } from '../metrics/index.ts';
import { type KioskDevices, startDevices } from './device-wiring.ts';
import { IdleScreens } from './idle-screens.ts';
import { KioskShell } from './kiosk-shell.ts';
import { SimulatorPanelControl } from './simulator-control.ts';
import { KIOSK_VERSION } from './version.ts';

/** dist/renderer next to the sources (repo checkout) or inside the package. */
export const defaultRendererDir = resolve(import.meta.dirname, '../../dist/renderer');

export interface RunningKiosk {
  readonly core: KioskCore;
  readonly shell: KioskShell;
  readonly devices: KioskDevices;
  readonly web: WebHost | undefined;
  readonly hub: BridgeHub;
  readonly metrics: KioskMetricsRegistry;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly web?: { readonly port: number; readonly token?: string };
  readonly rendererDir?: string;
  /** Checks the technician PIN; default refuses every PIN. */
  readonly verifyTechnicianPin?: (pin: string) => Promise<boolean>;
}

const deviceViews = (manager: DeviceManager): DeviceView[] =>
  manager.reports().map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.status.state,
    ...(r.status.reason ? { reason: r.status.reason } : {}),
  }));

/**
 * The composition root: builds the kiosk core from config and hands it
 * to a host. Everything concrete (drivers, SIP2, SQLite) is chosen here
 * and nowhere else.
 */
export async function startKiosk(options: StartOptions): Promise<RunningKiosk> {
  const { config, logger } = options;
  const metrics = createKioskMetrics({ version: KIOSK_VERSION, branch: config.branch.id });
  const devices = await startDevices(config.devices, logger);
  for (const r of devices.manager.reports()) metrics.metrics.deviceStatus(r, r.status);
  devices.manager.onStatus((r) => metrics.metrics.deviceStatus(r, r.status));
  const metricsServer = config.metrics.enabled ? await startMetricsOrWarn(metrics, config, logger) : undefined;
  const screens = new IdleScreens(config.policies.idleTimeoutSeconds, config.policies.idleWarningSeconds);
  const shell = new KioskShell({ config, logger, screens });
  shell.setDevices(deviceViews(devices.manager));
  devices.manager.onStatus(() => shell.setDevices(deviceViews(devices.manager)));

  const anySimulated = Object.values(devices.simulated).some((d) => d !== undefined);
  const simulator = anySimulated ? new SimulatorPanelControl(devices.simulated, { patrons: [], items: [] }, {}, logger) : undefined;
  const core: KioskCore = {
    view: () => shell.view(),
    onView: (l) => shell.onView(l),
    dispatch: (e) => shell.dispatch(e),
    ...(simulator ? { simulator } : {}),
  };
  const router = new RequestRouter({ ...deviceHandlers(devices, config) }, options.verifyTechnicianPin ?? (async () => false), logger);
  const hub = new BridgeHub(core, logger.child({ subsystem: 'bridge' }), router);
  const web = options.web
    ? await startWebHost({
        hub,
        rendererDir: options.rendererDir ?? defaultRendererDir,
        port: options.web.port,
        logger,
        ...(options.web.token ? { token: options.web.token } : {}),
      })
    : undefined;
  return {
    core,
    shell,
    devices,
    web,
    hub,
    metrics,
    stop: async () => {
      screens.reset();
      await web?.close();
      await metricsServer?.close();
      shell.dispose();
      await devices.stop();
    },
  };
}

/** The fleet endpoint is for monitoring: a busy port is logged, and the kiosk still serves patrons. */
async function startMetricsOrWarn(source: KioskMetricsRegistry, config: KioskConfig, logger: Logger): Promise<MetricsServer | undefined> {
  try {
    return await startMetricsServer({ source, host: config.metrics.host, port: config.metrics.port, token: config.metrics.token, logger });
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e), port: config.metrics.port }, 'metrics endpoint not started');
    return undefined;
  }
}
