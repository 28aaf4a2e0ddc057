import { timeToVerdict } from './engine-bench';
import { buildPaste, type ShapeName, SHAPES } from './paste-shapes';
import { fitExponent, median, round } from './stats';
import { sample } from './timer';

const KB = 1024;
const SIZES = [1 * KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, 1024 * KB, 5 * 1024 * KB];
/** Below this, fixed costs hide how the work grows; the headline fit starts here. */
const FIT_FROM = 64 * KB;

export interface ShapeScaling {
  shape: ShapeName;
  family: string;
  points: Array<{ bytes: number; samples: number; medianMs: number; msPerMB: number }>;
  /** Fitted over all sizes (1 KB – 5 MB). */
  exponentAll: number;
  /** Fitted over sizes ≥ 64 KB (all sizes when fewer than two are that large): the headline. */
  exponentLarge: number;
}

export interface ScalingResult {
  sizes: number[];
  shapes: ShapeScaling[];
  /** Worst (largest) exponentLarge over the shapes. */
  scalingExponent: number;
  worstShape: ShapeName;
}

export function benchShape(shape: ShapeName, sizes: readonly number[], quick: boolean): ShapeScaling {
  const points = sizes.map((size) => {
    const paste = buildPaste(shape, size);
    // Big pastes take long: fewer samples, still at least three for a median.
    const big = size >= 1024 * KB;
    const times = sample(() => timeToVerdict(paste), {
      warmup: big ? 1 : 3,
      minSamples: big ? 3 : 7,
      maxSamples: quick ? 15 : 60,
      budgetMs: quick ? 250 : 1500,
    });
    const ms = median(times);
    return {
      bytes: paste.length,
      samples: times.length,
      medianMs: round(ms),
      msPerMB: round(ms / (paste.length / (1024 * KB)), 3),
    };
  });
  const fitPoints = points.map((p) => ({ size: p.bytes, ms: p.medianMs }));
  return {
    shape,
    family: timeToVerdict(buildPaste(shape, sizes[0])).family,
    points,
    exponentAll: fitExponent(fitPoints),
    exponentLarge: fitExponent(largeOrAll(fitPoints)),
  };
}

function largeOrAll<T extends { size: number }>(points: T[]): T[] {
  const large = points.filter((p) => p.size >= FIT_FROM);
  return large.length >= 2 ? large : points;
}

export function benchScaling(
  quick: boolean,
  sizes: readonly number[] = SIZES,
  shapes: readonly ShapeName[] = SHAPES,
): ScalingResult {
  const results = shapes.map((s) => benchShape(s, sizes, quick));
  const worst = [...results].sort((a, b) => (b.exponentLarge || 0) - (a.exponentLarge || 0))[0];
  return { sizes: [...sizes], shapes: results, scalingExponent: worst.exponentLarge, worstShape: worst.shape };
}
