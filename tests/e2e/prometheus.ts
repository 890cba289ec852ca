import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const SHIPPED_RULES = resolve(import.meta.dirname, '../../resources/monitoring/prometheus/openbranch-alerts.yml');

/** A free loopback port: Prometheus cannot be given port 0 and tell us which it got. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface RunningPrometheus {
  readonly url: string;
  alerts(): Promise<Array<{ labels: Record<string, string>; state: string }>>;
  stop(): Promise<void>;
}

/**
 * Debian's `prometheus` on loopback, scraping one kiosk every second with
 * the shipped alert rules. The rules are the shipped file with only each
 * `for:` shortened to `forSeconds` (expressions, labels and annotations
 * untouched), so the test sees the real rule fire without waiting minutes.
 */
export async function startPrometheus(target: string, forSeconds = 2): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-prom-'));
  const rules = parse(readFileSync(SHIPPED_RULES, 'utf8')) as { groups: Array<{ rules: Array<Record<string, unknown>> }> };
  for (const g of rules.groups) for (const r of g.rules) if (r.for !== undefined) r.for = `${forSeconds}s`;
  writeFileSync(join(dir, 'rules.yml'), stringify(rules));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(dir, 'rules.yml')],
      scrape_configs: [{ job_name: 'openbranch', static_configs: [{ targets: [target] }] }],
    }),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let log = '';
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((ready, fail) => {
      child.once('exit', (code) => fail(new Error(`prometheus exited with ${code}:\n${log}`)));
      const poll = () =>
        fetch(`${url}/-/ready`)
          .then((r) => (r.ok ? ready() : setTimeout(poll, 200)))
          .catch(() => setTimeout(poll, 200));
      poll();
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    alerts: async () => ((await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: never[] } }).data.alerts,
    stop,
  };
}
