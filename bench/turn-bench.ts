import { turnBodies } from './activities';
import { type ChildBot, startChildBot } from './child-bot';
import { ConnectorTally, type Tally } from './connector-tally';
import type { BotKind } from './host-protocol';
import { type LoadResult, runLoad } from './load';
import { median, round } from './stats';
import type { Workload } from './workload';

export interface TurnOptions {
  connections: number;
  /** Turns each bot answers before every measured run (JIT, parser caches and the pool's state settle). */
  warmupTurns: number;
  durationSec: number;
  rounds: number;
  /** Conversations the turns rotate over (Infinity: a new conversation every turn). */
  pool: number;
}

interface TurnRun extends LoadResult {
  kind: BotKind;
  round: number;
  activitiesPerTurn: number;
  cardsPerTurn: number;
}

export interface TurnResult {
  workload: {
    id: string;
    family: string;
    questions: number;
    reply: 'verdict card' | 'question card';
    pasteBytes: number;
  };
  options: TurnOptions;
  runs: TurnRun[];
  real: { throughputPerSec: number; latencyP50Ms: number; latencyP99Ms: number };
  echo: { throughputPerSec: number; latencyP50Ms: number; latencyP99Ms: number };
  /** Medians over rounds of the per-round ratios (both bots measured back to back in each round). */
  throughputRatioVsEcho: number;
  p99RatioVsEcho: number;
  p50RatioVsEcho: number;
}

function perTurn(tally: Tally, load: LoadResult): { activitiesPerTurn: number; cardsPerTurn: number } {
  const turns = Math.max(1, load.requests);
  return { activitiesPerTurn: round(tally.calls / turns, 2), cardsPerTurn: round(tally.cards / turns, 2) };
}

export async function benchTurns(
  workload: Workload,
  options: TurnOptions,
  log: (line: string) => void,
): Promise<TurnResult> {
  const connector = new ConnectorTally();
  await connector.start();
  const bots: ChildBot[] = [];
  try {
    for (const kind of ['echo', 'real'] as const) bots.push(await startChildBot(kind));
    const runs: TurnRun[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Alternate which bot goes first, so a drift in the machine's speed does not favour one.
      const order = round % 2 === 0 ? bots : [...bots].reverse();
      for (const bot of order) {
        const body = turnBodies(connector.url, workload.text, options.pool, `${bot.kind}-r${round}`);
        await runLoad({
          url: bot.url,
          connections: options.connections,
          amount: options.warmupTurns,
          body: (n) => body(n + 1_000_000),
        });
        connector.take();
        const load = await runLoad({
          url: bot.url,
          connections: options.connections,
          durationSec: options.durationSec,
          body,
        });
        const run: TurnRun = { kind: bot.kind, round, ...load, ...perTurn(connector.take(), load) };
        if (run.errors + run.timeouts + run.non2xx > 0)
          throw new Error(
            `${bot.kind} bot: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx responses`,
          );
        runs.push(run);
        log(
          `  ${bot.kind.padEnd(4)} round ${round + 1}: ${run.throughputPerSec.toFixed(1)} turns/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms, ${run.activitiesPerTurn} activities/turn`,
        );
      }
    }
    const of = (kind: BotKind) => runs.filter((r) => r.kind === kind);
    const summary = (kind: BotKind) => ({
      throughputPerSec: round(median(of(kind).map((r) => r.throughputPerSec)), 1),
      latencyP50Ms: median(of(kind).map((r) => r.latencyP50Ms)),
      latencyP99Ms: median(of(kind).map((r) => r.latencyP99Ms)),
    });
    const ratio = (pick: (r: TurnRun) => number) =>
      round(median(of('real').map((r, i) => pick(r) / pick(of('echo')[i]))), 3);
    return {
      workload: {
        id: workload.id,
        family: workload.family,
        questions: workload.questions,
        reply: workload.questions === 0 ? 'verdict card' : 'question card',
        pasteBytes: Buffer.byteLength(workload.text),
      },
      options,
      runs,
      real: summary('real'),
      echo: summary('echo'),
      throughputRatioVsEcho: ratio((r) => r.throughputPerSec),
      p99RatioVsEcho: ratio((r) => r.latencyP99Ms),
      p50RatioVsEcho: ratio((r) => r.latencyP50Ms),
    };
  } finally {
    for (const bot of bots) await bot.stop();
    await connector.stop();
  }
}
