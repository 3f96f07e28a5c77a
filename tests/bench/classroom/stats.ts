/**
 * The classroom bench's arithmetic (no sockets, no clock): percentiles of a set of latencies, a
 * seeded random source so a run's choices can be replayed, and the memory line read from
 * `/proc/<pid>/status`.
 */

/** A latency's spread: nearest-rank percentiles (p95 is a value that was measured, never interpolated). */
export interface Summary {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/**
 * The nearest-rank percentile: the smallest measured value with at least `p` % of the values at
 * or below it. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile is over 0 and at most 100, not ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? null;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, p50: null, p95: null, max: null };
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  return { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max };
}

/** mulberry32: a small seeded generator of floats in [0, 1), so a bench run's random choices can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float in [low, high) from a generator. */
export function between(random: () => number, low: number, high: number): number {
  return low + (high - low) * random();
}

/** The resident set size in kB from the text of `/proc/<pid>/status` (its `VmRSS:` line); null when absent (the process is gone). */
export function vmRssKb(status: string): number | null {
  const line = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return line ? Number(line[1]) : null;
}
