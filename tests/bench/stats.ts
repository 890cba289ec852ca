/** Percentile helpers for benchmarks (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summary(samples: readonly number[], unit = 'ms'): string {
  const f = (n: number) => n.toFixed(3);
  return `n=${samples.length} p50=${f(percentile(samples, 50))}${unit} p99=${f(percentile(samples, 99))}${unit} max=${f(Math.max(...samples))}${unit}`;
}

/** High-resolution now in milliseconds. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
