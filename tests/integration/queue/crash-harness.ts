import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildArgs, PlanOp } from './crash-child.ts';

const root = resolve(import.meta.dirname, '../../..');
const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** A small seeded generator, so a failing run can be repeated with its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds of: lend every item to a random patron, then return them all (in random order). */
export function makePlan(items: readonly string[], cards: readonly string[], size: number, random: () => number): PlanOp[] {
  const plan: PlanOp[] = [];
  while (plan.length < size) {
    const order = [...items].sort(() => random() - 0.5);
    for (const item of order) plan.push({ kind: 'checkout', card: cards[Math.floor(random() * cards.length)]!, item });
    for (const item of [...items].sort(() => random() - 0.5)) plan.push({ kind: 'checkin', item });
  }
  return plan.slice(0, size);
}

export interface RunResult {
  readonly told: Map<number, string>;
  readonly started: number[];
  readonly finished: boolean;
  readonly killed: boolean;
  readonly drained?: { remaining: number };
}

/** When to SIGKILL: this many milliseconds after the child starts its `afterStarts`-th transaction. */
export interface KillAt {
  readonly afterStarts: number;
  readonly delayMs: number;
}

/** Runs one kiosk process, SIGKILLed mid-transaction when `kill` says. */
export function runChild(a: ChildArgs, kill: KillAt | undefined): Promise<RunResult> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: root,
    env: { ...process.env, OB_CRASH_CHILD: JSON.stringify(a) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const told = new Map<number, string>();
  const started: number[] = [];
  let finished = false;
  let killed = false;
  let drained: { remaining: number } | undefined;
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [word, n, what] = line.split(' ');
      if (word === 'start') started.push(Number(n));
      if (word === 'start' && kill !== undefined && started.length === kill.afterStarts)
        setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, kill.delayMs);
      if (word === 'told') told.set(Number(n), what ?? '');
      if (word === 'finished') finished = true;
      if (word === 'drained') drained = JSON.parse(line.slice('drained '.length));
    }
  });
  return new Promise((resolvePromise, reject) => {
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`crash child exited ${code ?? signal}: ${stderr}`));
      else resolvePromise({ told, started, finished, killed: killed && signal === 'SIGKILL', ...(drained ? { drained } : {}) });
    });
  });
}

export function writePlan(dir: string, plan: readonly PlanOp[]): string {
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}
