/** Reconnect delays: doubling from `initialMs` up to `maxMs` (a replugged reader is back within a second or two). */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: Backoff = { initialMs: 250, maxMs: 10_000 };

export function backoffDelay(attempt: number, backoff: Backoff = defaultBackoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt));
}
