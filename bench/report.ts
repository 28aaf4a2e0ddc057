import type { BenchResults, GoalCheck } from './results';

// Renders bench/results.json as BENCHMARKS.md: what was measured, how, on what, and the figures.

const kb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0));

function table(head: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function goalRow(g: GoalCheck): string[] {
  const verdict = g.met === null ? 'not measured' : g.met ? 'met' : '**missed**';
  return [g.goal, `\`${g.key}\``, g.value === null ? '–' : String(g.value), g.limit, verdict];
}

function engineSection(r: BenchResults): string {
  const e = r.engine;
  if (!e) return '';
  const files = [...e.files].sort((a, b) => a.id.localeCompare(b.id));
  return `## Engine: time to a verdict

Typical NDR (median over ${e.typicalNdrFiles} realistic NDRs of each file's median): **${ms(e.typicalNdrMedianMs)} ms**
(p99: median of the files' p99, ${ms(e.typicalNdrP99Ms)} ms). Baseline pass on the same files: ${ms(e.typicalBaselineMedianMs)} ms,
so the engine costs ×${e.typicalRatioVsBaseline} of decoding and scanning the input once.
Verdicts per second on one core, cycling through the ${e.diagnosesPerSecondInputs} realistic NDRs: **${e.diagnosesPerSecond}**.

Slowest inputs:

${table(
  ['input', 'size', 'median ms', 'p99 ms'],
  e.slowest.map((f) => [f.id, kb(f.bytes), ms(f.medianMs), ms(f.p99Ms)]),
)}

<details><summary>Every corpus file and own fixture (${files.length})</summary>

${table(
  ['input', 'size', 'family', 'questions', 'samples', 'median ms', 'p99 ms', 'baseline ms'],
  files.map((f) => [
    f.id,
    kb(f.bytes),
    f.family,
    f.questions,
    f.samples,
    ms(f.medianMs),
    ms(f.p99Ms),
    ms(f.baselineMedianMs),
  ]),
)}

</details>
`;
}

function scalingSection(r: BenchResults): string {
  const s = r.scaling;
  if (!s) return '';
  const head = ['shape (family)', ...s.sizes.map((b) => kb(b)), 'exponent ≥64 KB', 'exponent all'];
  const rows = s.shapes.map((sh) => [
    `${sh.shape} (${sh.family})`,
    ...sh.points.map((p) => ms(p.medianMs)),
    String(sh.exponentLarge),
    String(sh.exponentAll),
  ]);
  return `## Engine: paste size from 1 KB to 5 MB

Median ms to a verdict. The exponent k is the least-squares slope of log(time) on log(size)
(time ∝ size^k; 1.0 = linear), fitted over sizes ≥ 64 KB (where fixed costs no longer hide growth) and
over all sizes. \`engine.scalingExponent\` = the worst shape's ≥ 64 KB fit: **${s.scalingExponent}** (${s.worstShape}).

${table(head, rows)}
`;
}

function turnSection(r: BenchResults): string {
  const t = r.turn;
  if (!t) return '';
  const pool = Number.isFinite(t.options.pool)
    ? `rotating over ${t.options.pool} conversations`
    : 'a new conversation every turn';
  return `## Turn: our bot against an echo bot

Paste: \`${t.workload.id}\` (${t.workload.pasteBytes} B, family ${t.workload.family}, reply: ${t.workload.reply}),
${t.options.connections} connections, ${t.options.durationSec} s per run after ${t.options.warmupTurns} warm-up turns, ${t.options.rounds} round(s), ${pool}.

${table(
  ['bot', 'round', 'turns/s', 'p50 ms', 'p99 ms', 'max ms', 'activities sent per turn'],
  t.runs.map((run) => [
    run.kind,
    run.round + 1,
    run.throughputPerSec.toFixed(1),
    run.latencyP50Ms,
    run.latencyP99Ms,
    run.latencyMaxMs,
    run.activitiesPerTurn,
  ]),
)}

Throughput ×**${t.throughputRatioVsEcho}** of the echo bot's, p99 ×**${t.p99RatioVsEcho}**, p50 ×${t.p50RatioVsEcho}
(medians over rounds of per-round ratios).
`;
}

function memorySection(r: BenchResults): string {
  const m = r.memory;
  if (!m) return '';
  const rows = [m.baseline, ...m.points].map((p) => [
    p.conversations,
    p.storage.midDialog,
    mb(p.rss),
    mb(p.heapUsed),
    mb(p.heapTotal),
    kb(p.storage.conversationBytes),
  ]);
  return `## Memory: conversations mid-dialog in MemoryStorage

Each conversation pasted \`${m.workload.id}\` (${m.workload.family}); the engine asked ${m.workload.questions} question(s), so a
prompt waits in each dialog stack. Method: ${m.method}. Figures after two forced GCs.

${table(['conversations', 'mid-dialog', 'RSS', 'heap used', 'heap total', 'conversation state'], rows)}

State per conversation (\`memory.stateBytesPerConversation\`): **${m.stateBytesPerConversation} B** of JSON.
Heap growth per conversation: ${m.heapBytesPerConversation} B; RSS growth: ${m.rssBytesPerConversation} B.
`;
}

function coldSection(r: BenchResults): string {
  const c = r.coldStart;
  if (!c) return '';
  return `## Cold start: process start to a ready /healthz

${c.starts} starts each, interleaved. Our bot (\`node dist/bot/index.js\`): median **${ms(c.realMedianMs)} ms** (${c.realMs.join(', ')});
echo bot: ${ms(c.echoMedianMs)} ms (${c.echoMs.join(', ')}); ratio ×${c.ratioVsEcho}.
`;
}

const METHOD = `## Method

- **One run, baselines in the same run.** Each figure that depends on the machine's speed has a
  baseline measured in the same run: the engine against a pass that only decodes and scans the input,
  our bot against an echo bot, cold start against the echo bot's. Ratios hold on a noisy machine; the
  absolute numbers are this machine's.
- **Engine**: \`diagnose(buildFacts([bytes]))\` per input, synchronous, in the runner process, after
  warm-up calls; wall time per call with \`process.hrtime\`. Inputs: every file listed in
  \`test/fixtures/bounces/INDEX.tsv\` (the vendored real bounces) and every own fixture under
  \`test/fixtures/ndr\` and \`test/fixtures/powershell\`. "Realistic NDRs" are the corpus bounces other than
  near misses and the own NDR fixtures.
- **Scaling**: pastes built from the project's own example NDR and PowerShell fixtures, grown with
  filler to 1 KB … 5 MB: an NDR with a long original message, a MIME DSN with a base64 attachment,
  a long \`Get-SendConnector | Format-List\`, a long Send protocol log.
- **Turn**: each bot runs in its own process on 127.0.0.1 (\`bench/bot-host.ts\`), with the same
  restify server, body parser, request check, CloudAdapter (anonymous local mode) and the two
  middlewares (duplicate drop, per-conversation serialization). Replies go to the tests' local
  stand-in Bot Connector (\`test/support/connector-stub.ts\`, a fake of Teams' connector service),
  which runs in the runner process with the load generator (autocannon). Every request is a new
  activity id. The paste is chosen at run time: the first complete NDR (own fixtures first) whose
  verdict needs no question, so the reply is the verdict card(s). Live DNS checks are not wired in.
- **Memory**: our bot in its own process with \`--expose-gc\` and MemoryStorage; the paste is the first
  NDR on which the engine asks a question, one new conversation per turn, so each conversation stays
  mid-dialog with a card prompt waiting. State size is the JSON MemoryStorage keeps for each
  conversation. The full run drives every conversation with a real turn over HTTP; the quick run
  drives 1 000 and copies their state to reach 10 000.
- **Cold start**: \`node dist/bot/index.js\` and \`node dist/bench/echo-main.js\` spawned with a free
  \`PORT\` on 127.0.0.1, polled every 2 ms on \`GET /healthz\`; each process is killed by its pid.
- Nothing is asserted on timings in tests; \`test/bench/\` only checks that the harness runs.`;

export function renderReport(r: BenchResults, findings?: string): string {
  const m = r.machine;
  const skipped = Object.entries(r.skipped);
  return `# Benchmarks

Written by \`${r.command}\` on ${r.generatedAt} (${r.mode} run, ${r.wallSeconds} s). Figures: \`bench/results.json\`.

## Goals

${table(['goal', 'key in results.json', 'value', 'limit', ''], r.goals.map(goalRow))}

## Machine

${m.cpuModel}, **${m.cores} cores**, ${m.memoryGB} GB RAM, ${m.platform}, Node ${m.node} (V8 ${m.v8}).
Load average (1 min) at the start of the run: ${m.loadAverage1m ?? '–'}, at the end: ${r.loadAverageAtEnd ?? '–'}
(above about 1 on this machine, other work competed with the benchmark; ratios suffer less than absolute figures).
The load generator and the stand-in connector share one process; each bot has its own, so on
2 cores each side has about one core.

## How to reproduce

\`\`\`
npm run bench             # full: about ten minutes here
npm run bench -- --quick  # under two minutes: fewer samples, shorter loads, memory partly copied
\`\`\`
Both rebuild \`dist/\` first. Everything they read is in the repository (\`test/fixtures/\`).
${skipped.length > 0 ? `\nSkipped in this run: ${skipped.map(([k, v]) => `${k} (${v})`).join('; ')}.\n` : ''}
${engineSection(r)}
${scalingSection(r)}
${turnSection(r)}
${memorySection(r)}
${coldSection(r)}
${findings ? `${findings.trim()}\n\n` : ''}${METHOD}
`;
}
