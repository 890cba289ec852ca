import type { Ticker } from '../../../main/door/ticker.ts';

/** A ticker the test moves by hand: `pass(ms)` advances its clock and runs the tick once. */
export function manualTicker(start = 0): { ticker: Ticker; pass(ms: number): void; now(): number } {
  let t = start;
  let tick: () => void = () => {};
  const ticker: Ticker = {
    now: () => t,
    every: (_ms, run) => {
      tick = run;
      return () => {};
    },
  };
  return {
    ticker,
    now: () => t,
    pass: (ms) => {
      t += ms;
      tick();
    },
  };
}
