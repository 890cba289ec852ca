import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoAcs } from '../../../main/central/index.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { makePlan, prng, runChild, writePlan } from './crash-harness.ts';
import { type Verdict, verify } from './crash-verify.ts';

/** Items with no loan or hold in the demo data, and patrons (one has fines: refused online, accepted offline). */
const ITEMS = ['011', '029', '037', '052', '128', '136', '144', '152', '160', '178', '186', '194'].map((n) => `39000000000${n}`);
const CARDS = ['017', '033', '041', '058', '066', '082'].map((n) => `23000000000${n}`);

export interface CrashOutcome {
  readonly verdict: Verdict;
  readonly told: number;
  readonly online: number;
  readonly offline: number;
  readonly kills: number;
  readonly interrupted: number;
  readonly remainingAfterDrain: number | undefined;
  /** Rows not settled after the drain (must be 0). */
  readonly unsettled: number;
  readonly appliedUntoldConflicts: number;
  readonly seconds: number;
}

/**
 * The kiosk (a child process) lends and returns `size` times against the
 * demo ACS while the link flaps, and is SIGKILLed `kills` times at random
 * points; then a last run replays what is left and the ACS is compared
 * with what the patrons were told.
 */
export async function crashScenario(o: { size: number; kills: number; seed: number }): Promise<CrashOutcome> {
  const started = Date.now();
  const random = prng(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'ob-crash-'));
  const acs = await startDemoAcs({ port: 0 });
  try {
    const plan = makePlan(ITEMS, CARDS, o.size, random);
    const base = { host: acs.host, port: acs.port, db: join(dir, 'openbranch.sqlite'), plan: writePlan(dir, plan) };
    // The link drops and returns on its own schedule, independent of the kills: on a timer, and every
    // few transactions the kiosk starts (so a fast machine that gets through the plan between two
    // ticks still sees the link flap: the run must see both modes, whatever the speed).
    const flap = () => acs.misbehave(random() < 0.3 ? { kind: 'drop' } : { kind: 'normal' });
    const flapper = setInterval(flap, 400);
    const flapEvery = (n: number) => {
      if (n % 6 === 0) flap();
    };
    const told = new Map<number, string>();
    const optional = new Set<number>();
    let next = 0;
    let kills = 0;
    try {
      while (next < plan.length) {
        const kill = kills < o.kills ? { afterStarts: 5 + Math.floor(random() * 40), delayMs: Math.floor(random() * 12) } : undefined;
        const r = await runChild({ ...base, start: next, drain: false }, kill, flapEvery);
        for (const [i, what] of r.told) told.set(i, what);
        for (const i of r.started) if (!r.told.has(i) || r.told.get(i) === 'failed') optional.add(i);
        if (r.killed) kills++;
        const last = r.started.at(-1);
        next = last === undefined ? next : last + 1;
        if (r.finished) break;
      }
    } finally {
      clearInterval(flapper);
    }
    acs.misbehave({ kind: 'normal' });
    const drain = await runChild({ ...base, start: 0, drain: true }, undefined);
    const db = openDatabase(base.db, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const unsettled = count("SELECT COUNT(*) AS n FROM queue_transactions WHERE state IN ('pending', 'unknown')");
    const appliedUntoldConflicts = count(
      "SELECT COUNT(*) AS n FROM queue_transactions WHERE state = 'conflict' AND reason = 'applied-untold'",
    );
    db.close();
    const values = [...told.values()];
    return {
      verdict: verify(plan, told, optional, acs.state.transactions, acs.state.loans),
      told: told.size,
      online: values.filter((t) => t === 'ok' || t === 'refused').length,
      offline: values.filter((t) => t === 'offline').length,
      kills,
      interrupted: optional.size,
      remainingAfterDrain: drain.drained?.remaining,
      unsettled,
      appliedUntoldConflicts,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await acs.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
