// Repeats a synchronous function and collects wall times in milliseconds.

export interface SampleBudget {
  /** Always take at least this many samples, whatever the time. */
  minSamples: number;
  /** Never more than this many. */
  maxSamples: number;
  /** Stop after this much time once minSamples are in. */
  budgetMs: number;
  /** Untimed calls first, so the JIT and caches have seen the input. */
  warmup: number;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sample(fn: () => unknown, budget: SampleBudget): number[] {
  let sink: unknown;
  for (let i = 0; i < budget.warmup; i++) sink = fn();
  const out: number[] = [];
  const start = nowMs();
  while (out.length < budget.maxSamples) {
    const t0 = nowMs();
    sink = fn();
    out.push(nowMs() - t0);
    if (out.length >= budget.minSamples && nowMs() - start >= budget.budgetMs) break;
  }
  keep(sink);
  return out;
}

// Keeps results observable so the optimizer cannot drop the timed work.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a write-only sink, on purpose
let kept: unknown;
export function keep(value: unknown): void {
  kept = value;
}
