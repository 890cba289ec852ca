import type { SessionContext } from './session-types.ts';

export type Job = { readonly key: string; readonly itemId: string; readonly uids: readonly string[] };

/** The item under way: its line, and the tags of it on the pad when it started. */
const activeJob = (ctx: SessionContext): Job => {
  const line = ctx.lines.find((l) => l.key === ctx.activeKey)!;
  return { key: line.key, itemId: line.itemId, uids: Object.keys(ctx.onPad[line.itemId]?.tags ?? {}) };
};

/**
 * Borrowing and returning walk the pad's lines the same way: wait for a
 * line with work, run the item's actor on it, put its result on the line
 * (or `refused` when the actor failed), then the next.
 */
export const eachItem = (src: 'checkoutItem' | 'checkinItem') =>
  ({
    initial: 'watching',
    states: {
      watching: { always: { guard: 'hasWork', target: 'working' } },
      working: {
        entry: 'startJob',
        invoke: {
          src,
          input: ({ context }: { context: SessionContext }) => ({ patron: context.patron, job: activeJob(context) }),
          onDone: { target: 'watching', actions: 'applyResult' },
          onError: { target: 'watching', actions: 'failJob' },
        },
      },
    },
  }) as const;
