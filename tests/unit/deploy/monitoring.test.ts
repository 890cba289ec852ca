import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createKioskMetrics } from '../../../main/metrics/registry.ts';
import { promqlMetricNames as metricNames } from './promql-names.ts';

// The shipped Prometheus and Grafana files must query metrics the kiosk
// really exports: rename a metric and this fails before a region's dashboard
// silently goes blank.
const dir = resolve(import.meta.dirname, '../../../resources/monitoring');
const read = (p: string) => readFileSync(resolve(dir, p), 'utf8');

interface Panel {
  title: string;
  targets: Array<{ expr: string }>;
}
const dashboard = JSON.parse(read('grafana/openbranch-dashboard.json')) as {
  panels: Panel[];
  templating: { list: Array<{ name: string }> };
};

async function exported(): Promise<Set<string>> {
  const k = createKioskMetrics({ version: '1', branch: 'b', processMetrics: true });
  // ALERTS is Prometheus's own series of pending and firing alerts (the dashboard's alert panel).
  const names = new Set<string>(['up', 'ALERTS']);
  for (const m of await k.registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m.name + s);
  }
  return names;
}

describe('monitoring files', () => {
  it('every dashboard query names exported metrics', async () => {
    const names = await exported();
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNames(t.expr)));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((n) => !names.has(n))).toEqual([]);
  });

  it('covers version, devices, central RTT, queue, door and last error', () => {
    const all = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const m of [
      'openbranch_build_info',
      'openbranch_device_state',
      'openbranch_central_round_trip_seconds_bucket',
      'openbranch_queue_oldest_pending_age_seconds',
      'openbranch_door_denials_total',
      'openbranch_last_error_info',
    ])
      expect(all).toContain(m);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'municipality', 'site']);
  });

  it('the scrape job sends the bearer token to /metrics', () => {
    const scrape = parse(read('prometheus/openbranch-scrape.yml')) as {
      scrape_configs: Array<{ job_name: string; metrics_path: string; authorization: { type: string; credentials_file: string } }>;
    };
    const job = scrape.scrape_configs[0]!;
    expect(job.job_name).toBe('openbranch');
    expect(job.metrics_path).toBe('/metrics');
    expect(job.authorization.type).toBe('Bearer');
    expect(job.authorization.credentials_file).toBeTruthy();
  });
});
