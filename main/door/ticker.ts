/** Time and a repeating tick, injectable so tests step through time without waiting. */
export interface Ticker {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

const every = (ms: number, tick: () => void) => {
  const t = setInterval(tick, ms);
  t.unref();
  return () => clearInterval(t);
};

/** Wall-clock milliseconds (for times compared with what is on disk). */
export const wallTicker: Ticker = { now: () => Date.now(), every };

/** Monotonic milliseconds (for "how long has this lasted", which a clock change must not bend). */
export const monotonicTicker: Ticker = { now: () => performance.now(), every };
