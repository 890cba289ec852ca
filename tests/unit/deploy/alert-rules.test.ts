import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { promqlMetricNames } from './promql-names.ts';

/**
 * The shipped alert rules, with Debian's promtool (package `prometheus`):
 * they load (`check rules`), their unit tests pass (`test rules`, in
 * resources/monitoring/prometheus/tests/), and every series they read is
 * one a running kiosk really serves on /metrics.
 */
const dir = resolve(import.meta.dirname, '../../../resources/monitoring/prometheus');
const rulesFile = resolve(dir, 'openbranch-alerts.yml');
const promtool = (args: string[], cwd = dir) => spawnSync('promtool', args, { cwd, encoding: 'utf8' });

const rules = parse(readFileSync(rulesFile, 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
const alertNames = rules.groups.flatMap((g) => g.rules.map((r) => r.alert));

describe('alert rules (promtool)', () => {
  it('promtool check rules accepts the file', () => {
    const r = promtool(['check', 'rules', rulesFile]);
    expect(r.stderr + r.stdout).toContain(`SUCCESS: ${alertNames.length} rules found`);
    expect(r.status).toBe(0);
  });

  it('promtool test rules: every rule unit test passes', () => {
    const r = promtool(['test', 'rules', 'tests/openbranch-alerts.test.yml']);
    expect(r.stdout + r.stderr).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('the unit tests cover every alert the issue lists, each with a firing case', () => {
    const tests = parse(readFileSync(resolve(dir, 'tests/openbranch-alerts.test.yml'), 'utf8')) as {
      tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const firing = new Set(tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)));
    for (const alert of [
      'OpenBranchDoorHeldOpen',
      'OpenBranchDoorForced',
      'OpenBranchLockBoardMissing',
      'OpenBranchCardReaderMissing',
      'OpenBranchKioskDown',
      'OpenBranchOffline',
      'OpenBranchQueueConflicts',
      'OpenBranchPrinterOutOfPaper',
      'OpenBranchPadMissing',
      'OpenBranchTailgating',
      'OpenBranchOccupiedAtClosing',
      'OpenBranchClockSkew',
    ]) {
      expect(alertNames).toContain(alert);
      expect(firing).toContain(alert);
    }
  });

  it('promtool is the Debian build the CI installs', () => {
    expect(execFileSync('promtool', ['--version'], { encoding: 'utf8' })).toMatch(/promtool, version 2\./);
  });
});

describe('alert rules read only what a running kiosk serves', () => {
  let kiosk: RunningKiosk;
  beforeAll(async () => {
    kiosk = await startKiosk({ config: configSchema.parse({ metrics: { port: 0 } }), logger: silentLogger });
  });
  afterAll(async () => kiosk?.stop());

  it('every metric name in every rule is in a real /metrics scrape', async () => {
    const text = await (await fetch(`${kiosk.metricsUrl}/metrics`)).text();
    const served = new Set(['up']);
    for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      served.add(m[1]!);
      if (m[2] === 'histogram') for (const s of ['_bucket', '_sum', '_count']) served.add(m[1]! + s);
    }
    const used = rules.groups.flatMap((g) => g.rules.flatMap((r) => promqlMetricNames(r.expr)));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((n) => !served.has(n))).toEqual([]);
  });
});

describe('Alertmanager example (amtool, Debian package prometheus-alertmanager)', () => {
  const config = resolve(dir, '../alertmanager/openbranch-alertmanager.yml');
  const route = (...labels: string[]) =>
    spawnSync('amtool', ['config', 'routes', 'test', `--config.file=${config}`, ...labels], { encoding: 'utf8' }).stdout.trim();

  it('amtool check-config accepts it', () => {
    const r = spawnSync('amtool', ['check-config', config], { encoding: 'utf8' });
    expect(r.stdout).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('routes every severity the rules use to an e-mail receiver: critical to on-call', () => {
    const severities = new Set(
      (parse(readFileSync(rulesFile, 'utf8')) as { groups: Array<{ rules: Array<{ labels: { severity: string } }> }> }).groups.flatMap(
        (g) => g.rules.map((r) => r.labels.severity),
      ),
    );
    expect([...severities].sort()).toEqual(['critical', 'info', 'warning']);
    expect(route('severity=critical', 'alertname=OpenBranchDoorForced')).toBe('on-call');
    expect(route('severity=warning', 'alertname=OpenBranchPadMissing')).toBe('technicians');
    expect(route('severity=info', 'alertname=OpenBranchQueueConflicts')).toBe('library-staff');
    const am = parse(readFileSync(config, 'utf8')) as { receivers: Array<{ email_configs?: Array<{ to: string }> }> };
    for (const r of am.receivers) expect(r.email_configs?.[0]?.to).toMatch(/@/);
  });
});
