const wallAtStart = Date.now();
const monotonicAtStart = performance.now();

/**
 * Milliseconds since the epoch that never go back while the process runs:
 * the wall clock read once at start, then advanced by the monotonic clock.
 * Lock-outs are counted on it, so setting the system clock (or any clock a
 * message could reach) does not clear them; it is still close enough to
 * real time to keep the counts on disk across a restart.
 */
export function steadyNow(): number {
  return wallAtStart + (performance.now() - monotonicAtStart);
}
