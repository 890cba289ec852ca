/** Time for the queue, injectable so tests drive hysteresis and backoff without waiting. */
export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function sleepOn(clock: QueueClock): (ms: number) => Promise<void> {
  return (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms));
}
