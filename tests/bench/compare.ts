/**
 * Figures beside a reference measured in the same run. The machine is shared
 * (other CPU hogs come and go), so the project and its reference are measured
 * in alternating rounds, and the medians are compared: what the ratio says
 * holds for the load the run saw.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { nowMs, percentile } from './stats.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Runs every measurement once per round, the order alternating, and returns the samples per name. */
export async function interleaved<K extends string>(
  rounds: number,
  measure: Record<K, () => Promise<number>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(measure) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await measure[name]());
  }
  return samples;
}

export interface Verdict {
  readonly what: string;
  readonly project: number;
  readonly reference: number;
  readonly ratio: number;
  readonly target: number;
  readonly met: boolean;
}

const verdicts: Verdict[] = [];

/** Prints one comparison line (medians, the ratio and its target) and keeps it for the summary. */
export function compare(
  what: string,
  project: readonly number[],
  reference: readonly number[],
  target: number,
  unit = 'ms',
  refName = 'reference',
): Verdict {
  const p = median(project);
  const r = median(reference);
  const ratio = p / r;
  const v = { what, project: p, reference: r, ratio, target, met: ratio <= target };
  verdicts.push(v);
  const f = (x: number) => x.toFixed(unit === 'ms' || unit === 'MB' || unit === 'µs' ? 1 : 3);
  console.log(
    `${what}: ${f(p)} ${unit} vs ${refName} ${f(r)} ${unit} = ${ratio.toFixed(2)}x (target <= ${target}x: ${v.met ? 'met' : 'NOT met'})` +
      `  [project ${project.map(f).join(' ')}; ${refName} ${reference.map(f).join(' ')}]`,
  );
  return v;
}

/** Every comparison printed so far in this process, for a closing summary. */
export const allVerdicts = (): readonly Verdict[] => verdicts;

/** Process group of a spawned child, for killing it and whatever it started. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // gone already
  }
}

/** Wall time of a command from spawn to exit (its own process group, killed if it outlives `limitMs`). */
export function timeCommand(argv: readonly string[], options: { env?: NodeJS.ProcessEnv; limitMs?: number } = {}): Promise<number> {
  return new Promise((done, fail) => {
    const started = nowMs();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: 'ignore',
      detached: true,
    });
    const limit = setTimeout(() => killGroup(child), options.limitMs ?? 60_000);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      const ms = nowMs() - started;
      clearTimeout(limit);
      if (signal !== null) fail(new Error(`${argv.join(' ')}: killed by ${signal}`));
      else if (code !== 0 && code !== 1) fail(new Error(`${argv.join(' ')}: exit ${code}`));
      else done(ms);
    });
  });
}

export interface Started {
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the line that said it is up. */
  readonly ms: number;
  /** That line's first capture group. */
  readonly match: string;
  stop(): Promise<void>;
}

/** Spawns a server in its own process group and waits for the stdout line that says it is up. */
export function startServer(argv: readonly string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  return new Promise((done, fail) => {
    const started = nowMs();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      killGroup(child, 'SIGTERM');
      const force = setTimeout(() => killGroup(child), 10_000);
      await exited;
      clearTimeout(force);
      killGroup(child);
    };
    const limit = setTimeout(() => {
      void stop();
      fail(new Error(`${argv.join(' ')} printed nothing matching ${ready} within 60 s:\n${out}`));
    }, 60_000);
    child.stderr?.on('data', (d) => (out += d));
    child.stdout?.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) {
        clearTimeout(limit);
        done({ child, ms: nowMs() - started, match: m[1] ?? m[0], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      fail(new Error(`${argv.join(' ')} exited with ${code} before it was up:\n${out}`));
    });
  });
}

/** The resident set of a process, from /proc (Linux), in MB: in all, private memory (heap, stacks, malloc arenas) and mapped files (the node binary, libraries). */
export async function rssParts(pid: number): Promise<{ total: number; anon: number; file: number }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return { total: mb('VmRSS'), anon: mb('RssAnon'), file: mb('RssFile') };
}
