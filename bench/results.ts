import type { ColdStartResult } from './cold-start-bench';
import type { EngineResult } from './engine-bench';
import type { MachineInfo } from './machine';
import type { MemoryResult } from './memory-bench';
import type { ScalingResult } from './scaling-bench';
import type { TurnResult } from './turn-bench';

/** bench/results.json: every section is optional, with the reason when it did not run. */
export interface BenchResults {
  generatedAt: string;
  mode: 'quick' | 'full';
  command: string;
  machine: MachineInfo;
  corpus: { present: boolean; dir: string; files: number; ownFixtures: number };
  engine?: EngineResult & { scalingExponent?: number };
  scaling?: ScalingResult;
  turn?: TurnResult;
  memory?: MemoryResult;
  coldStart?: ColdStartResult;
  skipped: Record<string, string>;
  goals: GoalCheck[];
  wallSeconds: number;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd?: number;
}

export interface GoalCheck {
  goal: string;
  key: string;
  value: number | null;
  limit: string;
  met: boolean | null;
}

export function checkGoals(r: BenchResults): GoalCheck[] {
  const g = (
    goal: string,
    key: string,
    value: number | undefined,
    limit: string,
    ok: (v: number) => boolean,
  ): GoalCheck => ({
    goal,
    key,
    value: value ?? null,
    limit,
    met: value === undefined || !Number.isFinite(value) ? null : ok(value),
  });
  return [
    g(
      'typical verdict under 1 ms (median)',
      'engine.typicalNdrMedianMs',
      r.engine?.typicalNdrMedianMs,
      '< 1',
      (v) => v < 1,
    ),
    g('scaling exponent under 1.15', 'engine.scalingExponent', r.scaling?.scalingExponent, '< 1.15', (v) => v < 1.15),
    g(
      'turn throughput at least 0.8× the echo bot',
      'turn.throughputRatioVsEcho',
      r.turn?.throughputRatioVsEcho,
      '≥ 0.8',
      (v) => v >= 0.8,
    ),
    g('turn p99 at most 1.25× the echo bot', 'turn.p99RatioVsEcho', r.turn?.p99RatioVsEcho, '≤ 1.25', (v) => v <= 1.25),
    g(
      'under 20 KB of state per conversation',
      'memory.stateBytesPerConversation',
      r.memory?.stateBytesPerConversation,
      '< 20480',
      (v) => v < 20480,
    ),
  ];
}
