import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../test/support/paths';
import { type BenchArgs, parseArgs, wants } from './args';
import { benchColdStart } from './cold-start-bench';
import { benchEngine } from './engine-bench';
import { loadInputs } from './inputs';
import { machineInfo } from './machine';
import { benchMemory, CONVERSATION_COUNTS } from './memory-bench';
import { renderReport } from './report';
import { type BenchResults, checkGoals } from './results';
import { benchScaling } from './scaling-bench';
import { benchAuthFlood, benchSoak, renderSoak } from './soak-bench';
import { nowMs } from './timer';
import { benchTurns } from './turn-bench';
import { midDialogWorkload, verdictTurnWorkload } from './workload';

// `npm run bench [-- --quick]`: measures the engine, a bot turn against an echo bot, memory and cold
// start, then writes bench/results.json and BENCHMARKS.md. Loads go to 127.0.0.1 only.

const log = (line: string) => process.stdout.write(`${line}\n`);

export function settings(quick: boolean) {
  return {
    file: quick
      ? { warmup: 5, minSamples: 30, maxSamples: 300, budgetMs: 40 }
      : { warmup: 20, minSamples: 200, maxSamples: 3000, budgetMs: 400 },
    throughputMs: quick ? 2000 : 10000,
    turn: quick
      ? { connections: 10, warmupTurns: 150, durationSec: 5, rounds: 1, pool: 500 }
      : { connections: 10, warmupTurns: 600, durationSec: 15, rounds: 3, pool: 500 },
    memoryConcurrency: 10,
    // The quick run drives 1 000 real turns and copies their state up to 10 000 (see memory-bench.ts).
    memoryRealTurns: quick ? 1000 : Infinity,
    coldStarts: quick ? 2 : 10,
    coldWarmup: !quick,
  };
}

export async function runBench(args: BenchArgs): Promise<BenchResults> {
  const started = nowMs();
  const s = settings(args.quick);
  const { inputs, corpusPresent, corpusDir } = loadInputs();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    command: args.quick ? 'npm run bench -- --quick' : 'npm run bench',
    machine: machineInfo(),
    corpus: {
      present: corpusPresent,
      dir: corpusDir,
      files: inputs.filter((i) => i.source === 'corpus').length,
      ownFixtures: inputs.filter((i) => i.source === 'fixture').length,
    },
    skipped: {},
    goals: [],
    wallSeconds: 0,
  };
  if (!corpusPresent) {
    log(`(corpus skipped: ${corpusDir} is absent; the engine figures cover the project's own fixtures only)`);
    results.skipped.corpus = `${corpusDir} is absent`;
  }

  if (wants(args, 'engine')) {
    log(
      `engine: ${inputs.length} inputs (${results.corpus.files} corpus files, ${results.corpus.ownFixtures} own fixtures)`,
    );
    results.engine = benchEngine(inputs, s.file, s.throughputMs);
    log(
      `  typical NDR median ${results.engine.typicalNdrMedianMs} ms over ${results.engine.typicalNdrFiles} files; ${results.engine.diagnosesPerSecond} verdicts/s`,
    );
  }
  if (wants(args, 'scaling')) {
    log('scaling: pastes of 1 KB to 5 MB');
    results.scaling = benchScaling(args.quick);
    for (const shape of results.scaling.shapes)
      log(
        `  ${shape.shape}: exponent ${shape.exponentLarge} (≥64 KB), ${shape.exponentAll} (all); 5 MB in ${shape.points.at(-1)?.medianMs} ms`,
      );
    if (results.engine) results.engine.scalingExponent = results.scaling.scalingExponent;
  }
  if (wants(args, 'turn')) {
    const verdictWorkload = verdictTurnWorkload(inputs);
    const workload = verdictWorkload ?? midDialogWorkload(inputs);
    if (!workload) {
      results.skipped.turn = 'no input the engine recognizes as a complete NDR';
      log(`turn: skipped (${results.skipped.turn})`);
    } else {
      // A question-free verdict ends the dialog, so a conversation can be reused; a question leaves a
      // prompt waiting, so then every turn needs a new conversation.
      const options = verdictWorkload ? s.turn : { ...s.turn, pool: Infinity };
      log(
        `turn: ${workload.id} (${workload.family}, ${workload.questions} questions) at ${options.connections} connections`,
      );
      results.turn = await benchTurns(workload, options, log);
      log(`  throughput ×${results.turn.throughputRatioVsEcho} of echo, p99 ×${results.turn.p99RatioVsEcho}`);
    }
  }
  if (wants(args, 'memory')) {
    const workload = midDialogWorkload(inputs);
    if (!workload) {
      results.skipped.memory = 'no NDR on which the engine asks a question (needed to stop conversations mid-dialog)';
      log(`memory: skipped (${results.skipped.memory})`);
    } else {
      log(`memory: ${CONVERSATION_COUNTS.join(' / ')} conversations mid-dialog after pasting ${workload.id}`);
      results.memory = await benchMemory(workload, CONVERSATION_COUNTS, s.memoryConcurrency, log, s.memoryRealTurns);
      log(`  ${results.memory.stateBytesPerConversation} B of state per conversation`);
    }
  }
  if (wants(args, 'cold')) {
    log(`cold start: ${s.coldStarts} starts of each bot`);
    results.coldStart = await benchColdStart(s.coldStarts, s.coldWarmup);
    log(
      `  real ${results.coldStart.realMedianMs} ms, echo ${results.coldStart.echoMedianMs} ms (×${results.coldStart.ratioVsEcho})`,
    );
  }

  results.goals = checkGoals(results);
  results.wallSeconds = Math.round((nowMs() - started) / 100) / 10;
  results.loadAverageAtEnd = Math.round(os.loadavg()[0] * 100) / 100;
  return results;
}

/** Where the run writes: bench/results.json and BENCHMARKS.md at the repository root. */
export function writeResults(results: BenchResults, root = repoRoot): { json: string; markdown: string } {
  const json = path.join(root, 'bench', 'results.json');
  const markdown = path.join(root, 'BENCHMARKS.md');
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(
    json,
    `${JSON.stringify(results, (_k, v: unknown) => (v === Infinity ? 'new conversation per turn' : v), 2)}\n`,
  );
  // The soak section is written by `--soak` runs only; a full run keeps the last one.
  fs.writeFileSync(markdown, renderReport(results, readFindings(root)) + (soakSection(markdown) ?? ''));
  return { json, markdown };
}

const SOAK_SECTION = /<!-- soak:start -->[\s\S]*?<!-- soak:end -->\n?/;

function soakSection(markdown: string): string | undefined {
  if (!fs.existsSync(markdown)) return undefined;
  const found = SOAK_SECTION.exec(fs.readFileSync(markdown, 'utf8'));
  return found ? `\n${found[0]}` : undefined;
}

/** `npm run bench -- --soak`: the auth flood and the soak (issue 16), into bench/soak-results.json and BENCHMARKS.md. */
export async function runSoak(root = repoRoot): Promise<void> {
  const started = nowMs();
  log('auth flood: forged tokens with unique tid claims vs same-size tokens from an unknown issuer');
  const flood = await benchAuthFlood(3000, log);
  log('soak: 300 conversations, two instances on Azurite, faulty connector, one instance killed');
  const soak = await benchSoak(300, 30, log);
  const m = machineInfo();
  const json = path.join(root, 'bench', 'soak-results.json');
  fs.writeFileSync(
    json,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), command: 'npm run bench -- --soak', machine: m, loadAverageAtEnd: os.loadavg()[0], flood, soak }, null, 2)}\n`,
  );
  const section = renderSoak(
    flood,
    soak,
    new Date().toISOString(),
    `${m.cores} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at the end (other work shared the machine when above about 1)`,
  );
  const markdown = path.join(root, 'BENCHMARKS.md');
  const current = fs.existsSync(markdown) ? fs.readFileSync(markdown, 'utf8') : '# Benchmarks\n';
  fs.writeFileSync(
    markdown,
    SOAK_SECTION.test(current) ? current.replace(SOAK_SECTION, section) : `${current.trimEnd()}\n\n${section}`,
  );
  log(`wrote bench/soak-results.json and BENCHMARKS.md in ${Math.round((nowMs() - started) / 1000)} s`);
}

/** Analysis written by hand after profiling (bench/findings.md), carried into BENCHMARKS.md. */
function readFindings(root: string): string | undefined {
  const file = path.join(root, 'bench', 'findings.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

if (require.main === module && process.argv.includes('--soak')) {
  runSoak().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
} else if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  runBench(args)
    .then((results) => {
      // Partial runs (--only) print but do not overwrite the full report.
      if (args.only) {
        log(JSON.stringify(results.goals, null, 2));
        return;
      }
      const written = writeResults(results);
      log(
        `wrote ${path.relative(repoRoot, written.json)} and ${path.relative(repoRoot, written.markdown)} in ${results.wallSeconds} s`,
      );
      for (const goal of results.goals)
        log(`  ${goal.met === null ? 'n/a ' : goal.met ? 'met ' : 'MISS'} ${goal.key} = ${goal.value} (${goal.limit})`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
