import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parseArgs } from '../../bench/args';
import { benchColdStart } from '../../bench/cold-start-bench';
import { baselinePass, benchEngine, timeToVerdict } from '../../bench/engine-bench';
import { loadFixtures } from '../../bench/inputs';
import { machineInfo } from '../../bench/machine';
import { benchMemory } from '../../bench/memory-bench';
import { buildPaste, SHAPES } from '../../bench/paste-shapes';
import { type BenchResults, checkGoals } from '../../bench/results';
import { writeResults } from '../../bench/run';
import { benchShape } from '../../bench/scaling-bench';
import { fitExponent, median, quantile } from '../../bench/stats';
import { benchTurns } from '../../bench/turn-bench';
import { midDialogWorkload, verdictTurnWorkload } from '../../bench/workload';

// Smoke tests of the benchmark harness on tiny sizes: they prove each code path runs and reports
// well-formed figures. They never assert on how fast anything is.

const tiny = { warmup: 1, minSamples: 3, maxSamples: 3, budgetMs: 0 };
const silent = () => undefined;

describe('bench: statistics', () => {
  it('takes medians and nearest-rank quantiles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(quantile(hundred, 0.99), 99);
    assert.equal(quantile(hundred, 0.5), 50);
    assert.ok(Number.isNaN(median([])));
  });

  it('recovers the exponent of a power law', () => {
    const sizes = [1e3, 1e4, 1e5, 1e6];
    assert.equal(fitExponent(sizes.map((size) => ({ size, ms: 0.002 * size }))), 1);
    assert.equal(fitExponent(sizes.map((size) => ({ size, ms: 3e-9 * size ** 2 }))), 2);
    assert.ok(Number.isNaN(fitExponent([{ size: 10, ms: 1 }])));
  });
});

describe('bench: arguments', () => {
  it('reads --quick and --only, and refuses unknown sections', () => {
    assert.deepEqual(parseArgs(['--quick']), { quick: true, only: undefined });
    assert.deepEqual([...(parseArgs(['--only', 'engine,cold']).only ?? [])], ['engine', 'cold']);
    assert.throws(() => parseArgs(['--only', 'nonsense']));
  });
});

describe('bench: engine and scaling code paths', () => {
  const fixtures = loadFixtures();

  it('loads the own fixtures with their areas', () => {
    assert.ok(fixtures.some((f) => f.category === 'powershell'));
    assert.ok(fixtures.every((f) => f.id.startsWith('fixture:') && f.bytes.length > 0));
  });

  it('times each input and summarizes', () => {
    const some = fixtures.slice(0, 3);
    const result = benchEngine(some, tiny, 20);
    assert.equal(result.files.length, some.length);
    for (const f of result.files) {
      assert.equal(f.samples, 3);
      assert.ok(f.medianMs >= 0 && f.p99Ms >= f.medianMs);
      assert.equal(f.family, timeToVerdict(some.find((i) => i.id === f.id)!.bytes).family);
    }
    assert.ok(result.diagnosesPerSecond > 0);
  });

  it('the baseline pass counts status codes', () => {
    assert.equal(baselinePass(new TextEncoder().encode('550 5.7.64 x\nnothing\n250 2.6.0 ok')), 2);
  });

  for (const shape of SHAPES) {
    it(`builds ${shape} pastes of at least the size asked, and fits an exponent`, () => {
      for (const size of [1024, 8192]) assert.ok(buildPaste(shape, size).length >= size);
      const scaled = benchShape(shape, [1024, 4096], true);
      assert.equal(scaled.points.length, 2);
      assert.ok(Number.isFinite(scaled.exponentAll));
    });
  }
});

describe('bench: bots, memory and cold start', function () {
  this.timeout(120000);
  const fixtures = loadFixtures();
  const verdict = verdictTurnWorkload(fixtures);
  const mid = midDialogWorkload(fixtures);

  it('drives our bot and the echo bot through the stand-in connector', async function () {
    const workload = verdict ?? mid;
    if (!workload) {
      process.stdout.write('  (skipped: no own fixture is recognized as a complete NDR yet)\n');
      this.skip();
    }
    const result = await benchTurns(
      workload!,
      { connections: 2, warmupTurns: 4, durationSec: 1, rounds: 1, pool: verdict ? 5 : Infinity },
      silent,
    );
    assert.deepEqual(result.runs.map((r) => r.kind).sort(), ['echo', 'real']);
    for (const run of result.runs) {
      assert.ok(run.requests > 0, `${run.kind} answered no turns`);
      assert.equal(run.errors + run.non2xx + run.timeouts, 0);
      assert.ok(run.activitiesPerTurn >= 1, `${run.kind} sent nothing back`);
    }
    assert.ok(result.runs.find((r) => r.kind === 'real')!.cardsPerTurn >= 1, 'our bot sent no card');
    assert.ok(Number.isFinite(result.throughputRatioVsEcho) && Number.isFinite(result.p99RatioVsEcho));
  });

  it('leaves conversations mid-dialog and sizes their state, real and copied', async function () {
    if (!mid) {
      process.stdout.write('  (skipped: no own fixture makes the engine ask a question yet)\n');
      this.skip();
    }
    const result = await benchMemory(mid!, [1, 4], 2, silent, 2);
    assert.deepEqual(
      result.points.map((p) => [p.conversations, p.storage.conversations, p.storage.midDialog]),
      [
        [1, 1, 1],
        [4, 4, 4],
      ],
    );
    assert.equal(result.points[1].realTurns, 2);
    assert.ok(result.stateBytesPerConversation > 0);
    assert.ok(result.baseline.rss > 0 && result.baseline.storage.conversations === 0);
  });

  it('measures a cold start of each bot and writes results and report', async () => {
    const cold = await benchColdStart(1, false);
    assert.ok(cold.realMs[0] > 0 && cold.echoMs[0] > 0);

    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      mode: 'quick',
      command: 'test',
      machine: machineInfo(),
      corpus: { present: false, dir: 'none', files: 0, ownFixtures: fixtures.length },
      engine: benchEngine(fixtures.slice(0, 2), tiny, 10),
      coldStart: cold,
      skipped: { turn: 'test' },
      goals: [],
      wallSeconds: 0,
    };
    results.goals = checkGoals(results);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    try {
      const written = writeResults(results, root);
      const json = JSON.parse(fs.readFileSync(written.json, 'utf8')) as BenchResults;
      assert.equal(typeof json.engine?.typicalNdrMedianMs, 'number');
      assert.equal(json.goals.find((g) => g.key === 'turn.p99RatioVsEcho')?.met, null);
      const md = fs.readFileSync(written.markdown, 'utf8');
      assert.match(md, /## Machine/);
      assert.match(md, /Cold start/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
