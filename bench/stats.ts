// Order statistics and a log-log fit; small and dependency-free so the smoke test can check them.

/** The q-quantile (0..1) of the samples, nearest-rank on a sorted copy. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Summary {
  samples: number;
  medianMs: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

export function summarize(samplesMs: readonly number[]): Summary {
  return {
    samples: samplesMs.length,
    medianMs: round(median(samplesMs)),
    p99Ms: round(quantile(samplesMs, 0.99)),
    minMs: round(Math.min(...samplesMs)),
    maxMs: round(Math.max(...samplesMs)),
  };
}

/**
 * Least-squares slope of log(time) against log(size): time ∝ size^k, k = 1 for linear work.
 * Needs at least two distinct sizes.
 */
export function fitExponent(points: ReadonlyArray<{ size: number; ms: number }>): number {
  const usable = points.filter((p) => p.size > 0 && p.ms > 0);
  if (usable.length < 2) return NaN;
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : round(num / den, 3);
}

/** Rounds for the report; keeps three significant decimals by default (microseconds for ms figures). */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
