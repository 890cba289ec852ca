import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/index.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { makePlan, prng, runChild, writePlan } from './crash-harness.ts';
import { verify } from './crash-verify.ts';

/** Items with no loan or hold in the demo data, and patrons (one has fines: refused online, accepted offline). */
const ITEMS = ['011', '029', '037', '052', '128', '136', '144', '152', '160', '178', '186', '194'].map((n) => `39000000000${n}`);
const CARDS = ['017', '033', '041', '058', '066', '082'].map((n) => `23000000000${n}`);
const SIZE = Number(process.env.OB_CRASH_SIZE ?? 240);
const KILLS = Number(process.env.OB_CRASH_KILLS ?? 6);
const SEED = Number(process.env.OB_CRASH_SEED ?? Date.now() % 100_000);

const dir = mkdtempSync(join(tmpdir(), 'ob-crash-'));
let acs: DemoAcs | undefined;
afterAll(async () => {
  await acs?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`crash test (seed ${SEED}, ${SIZE} transactions, ${KILLS} SIGKILLs)`, () => {
  it('after SIGKILLs online and offline, restart and replay, the ACS loans are exactly what patrons were told', {
    timeout: 120_000,
  }, async () => {
    const random = prng(SEED);
    acs = await startDemoAcs({ port: 0 });
    const plan = makePlan(ITEMS, CARDS, SIZE, random);
    const base = { host: acs.host, port: acs.port, db: join(dir, 'openbranch.sqlite'), plan: writePlan(dir, plan) };
    // The link drops and returns on its own schedule, independent of the kills.
    let down = false;
    const flapper = setInterval(() => {
      down = random() < 0.3;
      acs?.misbehave(down ? { kind: 'drop' } : { kind: 'normal' });
    }, 400);
    const told = new Map<number, string>();
    const optional = new Set<number>();
    let next = 0;
    let kills = 0;
    try {
      while (next < plan.length) {
        const r = await runChild(
          { ...base, start: next, drain: false },
          kills < KILLS ? { afterStarts: 5 + Math.floor(random() * 40), delayMs: Math.floor(random() * 12) } : undefined,
        );
        for (const [i, what] of r.told) told.set(i, what);
        for (const i of r.started) if (!r.told.has(i)) optional.add(i);
        for (const [i, what] of r.told) if (what === 'failed') optional.add(i);
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
    expect(drain.drained?.remaining).toBe(0);

    const verdict = verify(plan, told, optional, acs.state.transactions, acs.state.loans);
    const offline = [...told.values()].filter((t) => t === 'offline').length;
    console.log(
      `crash test seed ${SEED}: ${told.size} told (${offline} offline), ${kills} kills, ${optional.size} interrupted, ${verdict.appliedUntold} applied-untold`,
    );
    expect(kills).toBe(KILLS);
    expect(offline).toBeGreaterThan(10);
    expect([...told.values()].filter((t) => t === 'ok').length).toBeGreaterThan(10);
    expect(told.size).toBeGreaterThan(SIZE * 0.8);
    expect(verdict.lost).toEqual([]);
    expect(verdict.extra).toEqual([]);
    expect(verdict.loanMismatch).toEqual([]);
    // Every checkout the ACS has although the patron was not told is on the staff's conflict list.
    const db = openDatabase(base.db, { readonly: true });
    const conflicts = db
      .prepare("SELECT COUNT(*) AS n FROM queue_transactions WHERE state = 'conflict' AND reason = 'applied-untold'")
      .get() as { n: number };
    const waiting = db.prepare("SELECT COUNT(*) AS n FROM queue_transactions WHERE state IN ('pending', 'unknown')").get() as { n: number };
    db.close();
    expect(waiting.n).toBe(0);
    expect(conflicts.n).toBeLessThanOrEqual(verdict.appliedUntold);
  });
});
