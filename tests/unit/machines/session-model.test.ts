import { createTestModel } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { KioskUnderTest } from './session-harness.ts';
import { type ModelEvent, patronModel, SCREEN_OF } from './session-model.ts';

/**
 * Model-based test of the self-service session: @xstate/graph walks the
 * patron model (shortest path to every state, then every event that state
 * accepts, so every transition is taken), and each walk is done to the
 * real kiosk: after every step the real screen must be the model's, no
 * item whose checkout was refused is ever released, and back on the start
 * screen nothing of the patron is left. @xstate/graph cannot step through
 * invoked promises, hence a model machine driving the real one
 * (see CONTRIBUTING.md, "Toolchain").
 */
const EVENTS: ModelEvent[] = (
  [
    'START',
    'CARD',
    'CARD_REMOVED',
    'PIN_EMPTY',
    'PIN_WRONG',
    'PIN_UNKNOWN_CARD',
    'PIN_CENTRAL_DOWN',
    'PIN_RIGHT',
    'CHECKOUT',
    'RETURN',
    'LOANS',
    'HOLDS',
    'PLACE_LOANABLE',
    'PLACE_REFUSED',
    'PLACE_RETURN',
    'DONE',
    'RENEW',
    'RENEW_ALL',
    'PRINT',
    'SKIP',
    'BACK',
    'CANCEL',
    'END',
    'IDLE',
    'WAIT_RECEIPT',
  ] as const
).map((type) => ({ type }));

const model = createTestModel(patronModel, { events: EVENTS });
const stateKey = (value: unknown, context: unknown) => JSON.stringify({ value, context });

/** Every transition of the model once: the shortest way to its source state, then its event. */
function transitionWalks(): ModelEvent[][] {
  const adjacency = model.getAdjacencyMap();
  const walks: ModelEvent[][] = [];
  for (const path of model.getShortestPaths({ allowDuplicatePaths: true })) {
    const key = stateKey(path.state.value, path.state.context);
    const entry = Object.values(adjacency).find((a) => stateKey(a.state.value, a.state.context) === key);
    // The first step of every path is xstate's own init event, which is not something a patron does.
    const steps = path.steps.map((s) => s.event as { type: string }).filter((e) => e.type !== 'xstate.init') as ModelEvent[];
    for (const t of Object.values(entry?.transitions ?? {})) walks.push([...steps, (t as { event: ModelEvent }).event]);
  }
  return walks;
}

const walks = transitionWalks();

describe('session: model-based walk over every transition (real machine, simulated devices, fake clock)', () => {
  it('the walk covers every state and every transition of the model', () => {
    const states = new Set(model.getShortestPaths({ allowDuplicatePaths: true }).map((p) => String(p.state.value)));
    expect([...states].sort()).toEqual(Object.keys(SCREEN_OF).sort());
    // Each state's accepted events: one walk per (state, event) pair reachable in the model.
    const pairs = new Set<string>();
    for (const walk of walks) {
      const actor = createActor(patronModel).start();
      for (const e of walk.slice(0, -1)) actor.send(e);
      pairs.add(`${String(actor.getSnapshot().value)} ${walk.at(-1)!.type}`);
    }
    const declared = Object.entries(patronModel.config.states ?? {}).flatMap(([name, s]) =>
      Object.keys((s as { on?: object }).on ?? {}).map((e) => `${name} ${e}`),
    );
    expect([...pairs].sort()).toEqual([...new Set(declared)].sort());
  });

  it.each(walks.map((w) => [w.map((e) => e.type).join(' > '), w] as const))('%s', async (_name, walk) => {
    const kiosk = new KioskUnderTest();
    await kiosk.open();
    const actor = createActor(patronModel).start();
    try {
      for (const event of walk) {
        await kiosk.do(event);
        actor.send(event);
        const expected = SCREEN_OF[String(actor.getSnapshot().value)];
        expect(kiosk.screen(), `after ${event.type}`).toBe(expected);
        // Security: only items the central system lent are ever released.
        for (const [uid, state] of kiosk.pad.security)
          if (state === 'released') expect(kiosk.lent.has(uid.replace(/^E004/, '')), `released ${uid}`).toBe(true);
        if (expected === 'attract') {
          const { data } = kiosk.screens.current();
          expect(data.patronName, 'patron forgotten on the start screen').toBeUndefined();
          expect(data.items, 'no item lines left on the start screen').toEqual([]);
        }
      }
    } finally {
      kiosk.stop();
    }
  });
});
