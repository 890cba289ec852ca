/**
 * The soak benchmark's measuring and checking: forced GC, event-loop delay
 * without the soak's own GC pauses, and the reconciliation of what patrons
 * were told with the demo ACS (the crash test's verdict).
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PlanOp } from '../integration/queue/crash-child.ts';
import { type Verdict, verify } from '../integration/queue/crash-verify.ts';
import type { Told } from './soak-patrons.ts';
import { nowMs, percentile } from './stats.ts';

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** global.gc with --expose-gc; otherwise the V8 flag set at run time (as Jest's leak detector does). */
export function findGc(): { collect: (() => void) | undefined; how: string } {
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return { collect: global, how: 'global.gc, node --expose-gc' };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return { collect: gc, how: 'not exposed by node; forced through v8.setFlagsFromString' };
  } catch {
    return { collect: undefined, how: 'unavailable: the figures include garbage' };
  }
}

const RESOLUTION_MS = 10;

/**
 * monitorEventLoopDelay, one histogram per stretch between memory samples,
 * so the pauses of the soak's own forced GCs are not counted (an ELD
 * histogram cannot be merged into another, so each stretch is kept).
 */
export function eventLoopDelay() {
  const stretches: IntervalHistogram[] = [];
  let current: IntervalHistogram | undefined;
  const resume = () => {
    current = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    current.enable();
  };
  const pause = () => {
    current?.disable();
    if (current && current.count > 0) stretches.push(current);
    current = undefined;
  };
  resume();
  const stop = () => {
    pause();
    return stretches;
  };
  return { pause, resume, stop };
}

/** The histograms count the sampling interval too; the figures here are the delay beyond it. */
export function describeDelay(stretches: readonly IntervalHistogram[]): string {
  const beyond = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const p99s = stretches.map((h) => beyond(h.percentile(99)));
  const p50s = stretches.map((h) => beyond(h.percentile(50)));
  const max = Math.max(...stretches.map((h) => beyond(h.max)));
  return (
    `p99 ${percentile(p99s, 50).toFixed(1)} ms in the median 50-session stretch, ${Math.max(...p99s).toFixed(1)} ms in the worst; ` +
    `p50 ${percentile(p50s, 50).toFixed(1)} ms; max ${max.toFixed(1)} ms (${stretches.length} stretches, the soak's forced GCs left out)`
  );
}

/**
 * What the patrons were told, as the crash test's plan: a line 'done' (or
 * a return taken offline for staff) must be at the ACS exactly once and in
 * order; a line that failed for want of a link may or may not be there.
 */
export function reconcile(told: readonly Told[], acsLog: Parameters<typeof verify>[3], loans: Parameters<typeof verify>[4]): Verdict {
  const plan: PlanOp[] = [];
  const outcome = new Map<number, string>();
  const optional = new Set<number>();
  for (const session of told) {
    for (const line of session.lines) {
      const i = plan.length;
      plan.push(
        session.kind === 'checkout'
          ? { kind: 'checkout', card: session.card ?? '', item: line.itemId }
          : { kind: 'checkin', item: line.itemId },
      );
      const accepted = line.status === 'done' || (session.kind === 'checkin' && line.status === 'see-staff' && line.offline === true);
      if (accepted) outcome.set(i, line.offline ? 'offline' : 'ok');
      else if (line.reason === 'offline' || line.reason === 'other') optional.add(i);
    }
  }
  return verify(plan, outcome, optional, acsLog, loans);
}

export function describeVerdict(v: Verdict): string {
  const wrong = [...v.lost.map((l) => `lost ${l}`), ...v.extra.map((e) => `doubled ${e}`), ...v.loanMismatch.map((m) => `loan ${m}`)];
  return `lost=${v.lost.length} doubled=${v.extra.length} loan mismatches=${v.loanMismatch.length}${wrong.map((w) => `\n  ${w}`).join('')}`;
}

/** Lines the patrons saw, counted by kind, status and whether the kiosk was offline. */
export function describeTold(told: readonly Told[]): string[] {
  const lines = told.flatMap((s) => s.lines.map((l) => ({ ...l, kind: s.kind })));
  const count = (kind: Told['kind'], status: string, offline?: boolean) =>
    lines.filter((l) => l.kind === kind && l.status === status && (offline === undefined || (l.offline ?? false) === offline)).length;
  const refused = tally(lines.filter((l) => l.status === 'refused').map((l) => `${l.kind}:${l.reason ?? '?'}`));
  const noMenu = tally(told.flatMap((s) => (s.noMenu ? [s.noMenu] : [])));
  return [
    `loans told done: ${count('checkout', 'done', false)} online + ${count('checkout', 'done', true)} offline; ` +
      `returns told done: ${count('checkin', 'done')} (+ ${count('checkin', 'see-staff', true)} taken offline, for the staff's bin)`,
    `refused: ${JSON.stringify(refused)}; other see-staff: ${count('checkout', 'see-staff') + count('checkin', 'see-staff', false)}; ` +
      `sessions that got no menu: ${JSON.stringify(noMenu)}`,
  ];
}

function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = nowMs();
  while (!condition()) {
    if (nowMs() - started > timeoutMs) throw new Error(`soak: condition not met in ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Small seeded PRNG: the same soak every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
