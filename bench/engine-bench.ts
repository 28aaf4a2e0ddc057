import { buildFacts, bytesToText, diagnose, type Verdict } from '../engine/index';
import type { BenchInput } from './inputs';
import { median, round, summarize, type Summary } from './stats';
import { keep, nowMs, sample, type SampleBudget } from './timer';

// Time to a verdict = what the CLI and the bot do with a paste: recognize into facts, then diagnose.

export function timeToVerdict(bytes: Uint8Array): Verdict {
  return diagnose(buildFacts([bytes]));
}

// The baseline touches the input the least any recognizer must: decode it, split it into lines and look
// once for an SMTP status code. It runs in the same process on the same bytes, so engine/baseline is a
// ratio that holds on a noisy machine.
const STATUS = /\b[245]\.\d{1,3}\.\d{1,3}\b/;
export function baselinePass(bytes: Uint8Array): number {
  const lines = bytesToText(bytes).split(/\r?\n/);
  let hits = 0;
  for (const line of lines) if (STATUS.test(line)) hits++;
  return hits;
}

interface FileResult extends Summary {
  id: string;
  category: string;
  bytes: number;
  realisticNdr: boolean;
  family: string;
  causes: string[];
  questions: number;
  baselineMedianMs: number;
}

export interface EngineResult {
  files: FileResult[];
  /** Median over realistic NDRs of each file's median time to a verdict. */
  typicalNdrMedianMs: number;
  typicalNdrP99Ms: number;
  typicalNdrFiles: number;
  /** Same statistic for the baseline pass, and the ratio engine/baseline. */
  typicalBaselineMedianMs: number;
  typicalRatioVsBaseline: number;
  slowest: Array<{ id: string; medianMs: number; p99Ms: number; bytes: number }>;
  diagnosesPerSecond: number;
  diagnosesPerSecondInputs: number;
}

function benchFiles(inputs: readonly BenchInput[], budget: SampleBudget): FileResult[] {
  return inputs.map((input) => {
    const verdict = timeToVerdict(input.bytes);
    const times = sample(() => timeToVerdict(input.bytes), budget);
    const base = sample(() => baselinePass(input.bytes), { ...budget, budgetMs: budget.budgetMs / 4 });
    return {
      id: input.id,
      category: input.category,
      bytes: input.bytes.length,
      realisticNdr: input.realisticNdr,
      family: verdict.family,
      causes: verdict.causes.map((c) => `${c.id}:${c.status}`),
      questions: verdict.questions.length,
      ...summarize(times),
      baselineMedianMs: round(median(base)),
    };
  });
}

/** Verdicts per second on one core, cycling through the realistic NDRs for `durationMs`. */
function diagnosesPerSecond(inputs: readonly BenchInput[], durationMs: number): number {
  if (inputs.length === 0) return 0;
  let count = 0;
  const start = nowMs();
  let elapsed = 0;
  while (elapsed < durationMs) {
    keep(timeToVerdict(inputs[count % inputs.length].bytes));
    count++;
    elapsed = nowMs() - start;
  }
  return round(count / (elapsed / 1000), 1);
}

export function benchEngine(inputs: readonly BenchInput[], budget: SampleBudget, throughputMs: number): EngineResult {
  const files = benchFiles(inputs, budget);
  const typical = files.filter((f) => f.realisticNdr);
  const realistic = inputs.filter((i) => i.realisticNdr);
  const typicalNdrMedianMs = round(median(typical.map((f) => f.medianMs)));
  const typicalBaselineMedianMs = round(median(typical.map((f) => f.baselineMedianMs)));
  return {
    files,
    typicalNdrMedianMs,
    typicalNdrP99Ms: round(median(typical.map((f) => f.p99Ms))),
    typicalNdrFiles: typical.length,
    typicalBaselineMedianMs,
    typicalRatioVsBaseline: round(typicalNdrMedianMs / typicalBaselineMedianMs, 2),
    slowest: [...files]
      .sort((a, b) => b.medianMs - a.medianMs)
      .slice(0, 5)
      .map((f) => ({ id: f.id, medianMs: f.medianMs, p99Ms: f.p99Ms, bytes: f.bytes })),
    diagnosesPerSecond: diagnosesPerSecond(realistic.length > 0 ? realistic : inputs, throughputMs),
    diagnosesPerSecondInputs: realistic.length > 0 ? realistic.length : inputs.length,
  };
}
