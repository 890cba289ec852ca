import type { Command } from 'commander';
import type { MetricsConfig } from '../../../shared/config/metrics.ts';
import { describeWarning } from '../../app/install-warnings.ts';
import type { KioskHealth } from '../../metrics/health.ts';
import { configPathFrom, readKioskConfig } from '../../security/cli-config.ts';

/** Exit codes: 0 healthy, 1 degraded (a device or the central system down), 3 kiosk not reachable. */
export const STATUS_EXIT = { ok: 0, degraded: 1, unreachable: 3 } as const;

/** Where the local kiosk's /health is: a wildcard listen address is asked on loopback. */
export function healthUrl(metrics: Pick<MetricsConfig, 'enabled' | 'host' | 'port'>): string {
  const host = metrics.host === '0.0.0.0' ? '127.0.0.1' : metrics.host === '::' ? '::1' : metrics.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${metrics.port}/health`;
}

export async function fetchHealth(url: string, token: string | undefined): Promise<KioskHealth> {
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return (await res.json()) as KioskHealth;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('print the running kiosk health (the same as its /health and /metrics); exit 0 ok, 1 degraded, 3 not reachable')
    .option('--json', 'print JSON')
    .option('--config <file>', 'configuration file (default $OPENBRANCH_CONFIG); gives the metrics address and token')
    .action(async (opts: { json?: boolean; config?: string }) => {
      const { metrics } = readKioskConfig(configPathFrom(opts.config));
      const url = healthUrl(metrics);
      let health: KioskHealth;
      try {
        if (!metrics.enabled) throw new Error('metrics.enabled is false in the config');
        health = await fetchHealth(url, metrics.token);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        if (opts.json) console.log(JSON.stringify({ status: 'unreachable', url, error }));
        else console.error(`openbranch: kiosk not reachable at ${url}: ${error}`);
        process.exitCode = STATUS_EXIT.unreachable;
        return;
      }
      if (opts.json) console.log(JSON.stringify(health, null, 2));
      else printHealth(health);
      process.exitCode = STATUS_EXIT[health.status];
    });
}

function printHealth(h: KioskHealth): void {
  console.log(`OpenBranch ${h.version}, branch ${h.branch}: ${h.status}, up ${h.uptimeSeconds} s${h.demo ? ' (DEMO MODE)' : ''}`);
  for (const w of h.warnings ?? []) console.log(`WARNING: ${describeWarning(w)}`);
  console.log(
    `central system: ${h.central.connected ? 'connected' : 'NOT connected'}${h.central.lastRoundTripMs === null ? '' : `, last round trip ${h.central.lastRoundTripMs} ms`}`,
  );
  console.log(
    `queue: ${h.queue.pending} pending${h.queue.oldestPendingAgeSeconds === null ? '' : `, oldest ${h.queue.oldestPendingAgeSeconds} s`}`,
  );
  for (const d of h.devices) console.log(`device ${d.id} (${d.kind}): ${d.state}${d.reason ? ` (${d.reason})` : ''}`);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  console.log(`door: ${h.door.grants} granted, ${sum(h.door.denials)} denied, ${sum(h.door.alarms)} alarms`);
  console.log(`people inside: ${h.door.occupancy}; lock-up: ${h.door.lockup}${h.door.lockdown ? '; LOCKED DOWN by staff' : ''}`);
  if (h.lastError) console.log(`last error: ${h.lastError.code} at ${h.lastError.at}`);
}
