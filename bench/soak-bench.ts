import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

import { EXAMPLE_NDR } from '../dialogs/example-ndr';
import { ALREADY_ANSWERED } from '../dialogs/replies';
import { startAzurite } from '../test/support/azurite';
import { type BotProcess, startBotProcess } from '../test/support/bot-process';
import { type ConnectorCall, ConnectorStub } from '../test/support/connector-stub';
import { answerFor, type QuestionCardInfo, questionOf, verdictOf } from '../test/support/dialog-walk';
import { CASE2_ANSWERS, WireUser } from '../test/support/wire-user';
import { quantile } from './stats';

// `npm run bench -- --soak` (issue 16): two things the other sections do not show, on loopback only.
//  1. Auth flood: a bot process with an app id receives forged tokens, each with a unique 2.5 KB `tid`
//     (the shape that grew botbuilder's issuer cache), and, as the baseline in the same run, the same
//     number of forged tokens of the same size naming an unknown issuer. Resident memory growth is compared.
//  2. Soak: two bot processes on one Azurite Blob store, a few hundred conversations walking to a verdict
//     at once, the stand-in connector answering some calls late, failing some and never answering some;
//     one instance is killed (SIGKILL) mid-run and restarted. A client that gets no answer retries, on the
//     other instance when one is down, as Teams' connector does.

export interface FloodResult {
  requests: number;
  uniqueTidGrowthMb: number;
  baselineGrowthMb: number;
  ratioVsBaseline: number;
  statuses: Record<string, number>;
  peakRssMb: number;
  heapLimitMb: number;
  survived: boolean;
}

export interface SoakResult {
  conversations: number;
  concurrency: number;
  completed: number;
  lost: number;
  duplicatedReplies: number;
  duplicatedVerdicts: number;
  clientRetries: number;
  requestsRefusedByDeadInstance: number;
  turns: number;
  turnP50Ms: number;
  turnP99Ms: number;
  peakRssMb: number;
  connectorFaults: { delayed: number; failed: number; hung: number };
  killedAfterCompleted: number;
  wallSeconds: number;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** Resident and peak resident memory of a process, in KB (Linux /proc). */
function memoryKb(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

async function pool<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

function forgedToken(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `Bearer ${part({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${part(claims)}.${randomBytes(128).toString('base64url')}`;
}

export async function benchAuthFlood(requests: number, log: (line: string) => void): Promise<FloodResult> {
  const heapLimitMb = 160;
  // The per-IP limit would refuse most of this flood with 429 first; it is off here so every request reaches the pre-check.
  const bot = await startBotProcess({
    MicrosoftAppId: '00000000-1111-2222-3333-444444444444',
    MicrosoftAppPassword: 'not-a-real-secret',
    IP_REQUESTS_PER_SECOND: '0',
    LOG_LEVEL: 'info',
    NODE_OPTIONS: `--max-old-space-size=${heapLimitMb}`,
  });
  const statuses: Record<string, number> = {};
  const body = JSON.stringify({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: { id: '29:x' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:flood' },
    text: 'hi',
  });
  let survived = true;
  const flood = async (withTid: boolean) => {
    await pool(Array.from({ length: requests }), 20, async () => {
      const claims = withTid
        ? { iss: 'https://api.botframework.com', aud: 'x', tid: randomBytes(1250).toString('hex') }
        : { iss: 'https://issuer.invalid', aud: 'x', pad: randomBytes(1250).toString('hex') };
      try {
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: forgedToken(claims) },
          body,
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
        survived = false;
      }
    });
  };
  try {
    await flood(false); // warm-up: code paths and buffers allocated once
    const start = memoryKb(bot.pid).rss;
    await flood(false);
    const afterBaseline = memoryKb(bot.pid).rss;
    await flood(true);
    const afterTid = memoryKb(bot.pid);
    const baselineGrowthMb = mb(afterBaseline - start);
    const uniqueTidGrowthMb = mb(afterTid.rss - afterBaseline);
    const result: FloodResult = {
      requests,
      uniqueTidGrowthMb,
      baselineGrowthMb,
      ratioVsBaseline: Math.round((Math.max(uniqueTidGrowthMb, 0.1) / Math.max(baselineGrowthMb, 0.1)) * 100) / 100,
      statuses,
      peakRssMb: mb(afterTid.hwm),
      heapLimitMb,
      survived,
    };
    log(
      `  auth flood: ${requests} unique-tid tokens grew RSS ${uniqueTidGrowthMb} MB, ${requests} same-size tokens from an unknown issuer ${baselineGrowthMb} MB; statuses ${JSON.stringify(statuses)}`,
    );
    return result;
  } finally {
    await bot.kill();
  }
}

/** The stand-in connector's faults, decided per call from a seeded sequence (repeatable mix). */
function faultMix(stub: ConnectorStub, counts: SoakResult['connectorFaults']): void {
  let seed = 16;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  stub.behaviour = (call) => {
    if (call.method !== 'POST' && call.method !== 'PUT') return 'ok';
    const r = next();
    if (r < 0.01) {
      counts.hung += 1;
      return 'hang';
    }
    if (r < 0.04) {
      counts.failed += 1;
      return { status: 500 };
    }
    if (r < 0.14) {
      counts.delayed += 1;
      return { delayMs: 200 + Math.floor(next() * 600) };
    }
    return 'ok';
  };
}

export async function benchSoak(
  conversations: number,
  concurrency: number,
  log: (line: string) => void,
): Promise<SoakResult> {
  const started = Date.now();
  const stub = new ConnectorStub();
  await stub.start();
  const azurite = await startAzurite();
  const env = {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: 'relay-doctor-soak',
    OUTBOUND_TIMEOUT_MS: '2000',
    TURNS_PER_MINUTE: '0',
    LOG_LEVEL: 'info',
  };
  const instances: Array<BotProcess | undefined> = [
    await startBotProcess(env, 90_000),
    await startBotProcess(env, 90_000),
  ];
  const peaks: number[] = [];
  const faults = { delayed: 0, failed: 0, hung: 0 };
  faultMix(stub, faults);

  // Calls per conversation, indexed as they arrive.
  const byConversation = new Map<string, ConnectorCall[]>();
  let indexed = 0;
  const callsOf = (id: string): ConnectorCall[] => {
    for (; indexed < stub.calls.length; indexed += 1) {
      const c = stub.calls[indexed];
      const list = byConversation.get(c.conversationId) ?? [];
      list.push(c);
      byConversation.set(c.conversationId, list);
    }
    return byConversation.get(id) ?? [];
  };

  const latencies: number[] = [];
  let completed = 0;
  let lost = 0;
  let retries = 0;
  let refusedByDead = 0;
  let killedAfter = -1;
  let restarting: Promise<void> | undefined;
  const killAt = Math.floor(conversations / 3);

  const send = async (user: WireUser, preferred: number, extra: Record<string, unknown>): Promise<boolean> => {
    for (let k = 0; k < 2; k += 1) {
      const bot = instances[(preferred + k) % 2];
      if (!bot) continue;
      const t = performance.now();
      try {
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(user.activity(extra)),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        return res.status === 200;
      } catch {
        refusedByDead += 1; // connection refused or reset: the instance is down, try the other one
      }
    }
    return false;
  };

  const killAndRestart = async () => {
    const victim = instances[0]!;
    peaks.push(memoryKb(victim.pid).hwm);
    instances[0] = undefined;
    await victim.kill('SIGKILL');
    log(`  soak: instance A killed after ${completed} conversations completed; restarting`);
    instances[0] = await startBotProcess(env, 90_000);
  };

  await pool(Array.from({ length: conversations }), concurrency, async (_x, index) => {
    const user = new WireUser(stub);
    // What the user sent, oldest first: the paste, then one answer per question card seen.
    const sent: Array<Record<string, unknown>> = [{ text: EXAMPLE_NDR }];
    const seenNonces = new Set<string>();
    let attempts = 0;
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (Date.now() > deadline || attempts >= 60) {
        lost += 1;
        return;
      }
      attempts += 1;
      const mark = callsOf(user.conversationId).length;
      await send(user, index + attempts, sent[sent.length - 1]);
      const replies = callsOf(user.conversationId)
        .slice(mark)
        .filter((c) => c.method === 'POST');
      if (callsOf(user.conversationId).some((c) => c.method === 'POST' && verdictOf(c.activity as never))) {
        completed += 1;
        if (completed === killAt && killedAfter < 0) {
          killedAfter = completed;
          restarting = killAndRestart().catch((error: unknown) =>
            log(`  soak: restart failed: ${String(error).slice(0, 200)}`),
          );
        }
        return;
      }
      const question: QuestionCardInfo | undefined = replies
        .map((c) => questionOf({ ...c.activity, id: c.assignedId } as never))
        .filter(Boolean)
        .pop();
      if (question && !seenNonces.has(question.nonce)) {
        seenNonces.add(question.nonce);
        sent.push({
          value: {
            verb: 'answer',
            nonce: question.nonce,
            questionId: question.questionId,
            answer: answerFor(question, CASE2_ANSWERS),
          },
          replyToId: question.activityId,
        });
        continue;
      }
      retries += 1;
      // A card from a turn whose later send failed was never saved: the bot still waits on the card
      // before it. Like a user, go back to the previous answer and send it again.
      if (replies.some((c) => c.activity.text === ALREADY_ANSWERED) && sent.length > 1) sent.pop();
      else await new Promise((r) => setTimeout(r, 200));
    }
  });

  await restarting;
  for (const bot of instances) if (bot) peaks.push(memoryKb(bot.pid).hwm);
  // Duplicated replies: the same activity (question card with its one-time nonce, verdict, text) sent twice to one conversation.
  let duplicated = 0;
  let duplicatedVerdicts = 0;
  for (const [, calls] of byConversation) {
    const seen = new Set<string>();
    for (const c of calls.filter((x) => x.method === 'POST' && x.activity.type !== 'typing')) {
      const { id: _id, replyToId: _r, timestamp: _t, localTimestamp: _l, ...rest } = c.activity;
      const key = JSON.stringify(rest);
      if (seen.has(key)) {
        duplicated += 1;
        if (verdictOf(c.activity as never)) duplicatedVerdicts += 1;
      }
      seen.add(key);
    }
  }
  stub.behaviour = undefined;
  for (const bot of instances) await bot?.kill();
  await azurite.dispose();
  await stub.stop();
  const result: SoakResult = {
    conversations,
    concurrency,
    completed,
    lost,
    duplicatedReplies: duplicated,
    duplicatedVerdicts,
    clientRetries: retries,
    requestsRefusedByDeadInstance: refusedByDead,
    turns: latencies.length,
    turnP50Ms: Math.round(quantile(latencies, 0.5)),
    turnP99Ms: Math.round(quantile(latencies, 0.99)),
    peakRssMb: mb(Math.max(...peaks)),
    connectorFaults: faults,
    killedAfterCompleted: killedAfter,
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  log(
    `  soak: ${completed}/${conversations} completed, ${lost} lost, ${duplicated} duplicated replies, p99 ${result.turnP99Ms} ms, peak RSS ${result.peakRssMb} MB`,
  );
  return result;
}

export function renderSoak(flood: FloodResult, soak: SoakResult, when: string, machine: string): string {
  return [
    '<!-- soak:start -->',
    '## Under attack and faults (`npm run bench -- --soak`)',
    '',
    `Run ${when} on ${machine}. Figures: \`bench/soak-results.json\`. Loopback only; the Bot Connector is the FAKE stub.`,
    '',
    '### Auth flood (issue 16, item 1)',
    '',
    `A bot process with an app id and a ${flood.heapLimitMb} MB heap limit receives ${flood.requests} forged bearer tokens, each with a unique`,
    `2.5 KB \`tid\` claim (before the fix each one added four issuer strings to botbuilder's global list), after`,
    `${flood.requests} forged tokens of the same size naming an unknown issuer as the baseline in the same process.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| resident memory growth, unique \`tid\` | ${flood.uniqueTidGrowthMb} MB |`,
    `| resident memory growth, baseline (unknown issuer) | ${flood.baselineGrowthMb} MB |`,
    `| ratio (growths under 0.1 MB, or negative, count as 0.1) | ×${flood.ratioVsBaseline} |`,
    `| responses | ${Object.entries(flood.statuses)
      .map(([s, n]) => `${n}× ${s}`)
      .join(', ')} |`,
    `| peak resident memory | ${flood.peakRssMb} MB |`,
    `| process still serving at the end | ${flood.survived ? 'yes' : '**no**'} |`,
    '',
    '### Soak: two instances, Blob state, faulty connector, one instance killed',
    '',
    `${soak.conversations} conversations (the 5.7.64 walk: NDR, then every question answered by card submit) at ${soak.concurrency} at a time,`,
    'alternating between two bot processes on one Azurite Blob container. The stand-in connector delays 10 % of',
    'replies by 200–800 ms, fails 3 % with 500 and never answers 1 % (the bot aborts those after',
    '`OUTBOUND_TIMEOUT_MS` = 2000). Instance A is killed with SIGKILL after a third of the conversations',
    'completed and restarted. A client that sees no reply resends its last message (to the other instance',
    'while one is down).',
    '',
    '| figure | value |',
    '|---|---|',
    `| conversations completed (verdict received) | ${soak.completed} of ${soak.conversations} |`,
    `| lost (no verdict within 60 attempts or 3 minutes) | ${soak.lost} |`,
    `| duplicated replies (same activity twice in one conversation) | ${soak.duplicatedReplies} (of which verdict cards: ${soak.duplicatedVerdicts}) |`,
    `| client resends after a missing reply | ${soak.clientRetries} |`,
    `| requests refused by the killed instance (connection refused/reset) | ${soak.requestsRefusedByDeadInstance} |`,
    `| connector faults injected | ${soak.connectorFaults.delayed} delayed, ${soak.connectorFaults.failed} failed, ${soak.connectorFaults.hung} never answered |`,
    `| requests (turns) answered | ${soak.turns} |`,
    `| turn latency p50 / p99 (client side, faults included) | ${soak.turnP50Ms} ms / ${soak.turnP99Ms} ms |`,
    `| peak resident memory of a bot process | ${soak.peakRssMb} MB |`,
    `| wall time | ${soak.wallSeconds} s |`,
    '',
    "Duplicates come from turns that sent part of their replies before a later send failed: the turn's state",
    'is not saved (so the diagnosis is kept), and the resent message produces those replies again. A question',
    'card sent by such a turn is stale (the bot still waits on the card before it): a click on it gets "already',
    'answered", and the soak client then resends its previous answer, as a user would click the earlier card or',
    'type the answer. Negative memory growth means the process shrank (garbage collection) during that flood.',
    '<!-- soak:end -->',
    '',
  ].join('\n');
}
