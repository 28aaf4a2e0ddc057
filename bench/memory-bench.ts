import { turnBodies } from './activities';
import { startChildBot } from './child-bot';
import { ConnectorTally } from './connector-tally';
import { driveTurns } from './drive-turns';
import type { MemorySnapshot, StorageStats } from './host-protocol';
import { round } from './stats';
import type { Workload } from './workload';

// Memory of the real bot with MemoryStorage as conversations pile up, each stopped mid-dialog: real
// turns over HTTP, one new conversation per turn, pasting an NDR the engine asks a question about.

export const CONVERSATION_COUNTS = [1, 1000, 10000];

interface MemoryPoint extends MemorySnapshot {
  conversations: number;
  /** How many of them came from real turns; the rest are copies of their state (quick run). */
  realTurns?: number;
  storage: StorageStats;
}

export interface MemoryResult {
  workload: { id: string; family: string; questions: number; pasteBytes: number };
  method: string;
  baseline: MemoryPoint;
  points: MemoryPoint[];
  /** Conversation state JSON in MemoryStorage at the largest count, per conversation (UTF-8 bytes). */
  stateBytesPerConversation: number;
  /** Growth of the V8 heap (after GC) from 1 conversation to the largest count, per conversation. */
  heapBytesPerConversation: number;
  rssBytesPerConversation: number;
}

export async function benchMemory(
  workload: Workload,
  counts: readonly number[],
  concurrency: number,
  log: (line: string) => void,
  maxRealTurns = Infinity,
): Promise<MemoryResult> {
  const connector = new ConnectorTally();
  await connector.start();
  const bot = await startChildBot('real', { exposeGc: true });
  try {
    const body = turnBodies(connector.url, workload.text, Infinity, 'mem');
    const measure = async (conversations: number): Promise<MemoryPoint> => {
      const m = await bot.measure();
      return { conversations, ...m.memory, storage: m.storage };
    };
    const baseline = await measure(0);
    const points: MemoryPoint[] = [];
    let done = 0;
    for (const count of counts) {
      const realTo = Math.min(count, maxRealTurns);
      if (realTo > done) {
        const drove = await driveTurns(bot.url, body, done, realTo, concurrency);
        const bad = Object.entries(drove.statuses).filter(([s]) => Number(s) < 200 || Number(s) >= 300);
        if (bad.length > 0) throw new Error(`memory bench: unexpected statuses ${JSON.stringify(drove.statuses)}`);
        done = realTo;
      }
      if (count > done) await bot.cloneTo(count);
      connector.take();
      const point = { ...(await measure(count)), realTurns: done };
      points.push(point);
      log(
        `  ${String(count).padStart(6)} conversations: rss ${mb(point.rss)} MB, heap ${mb(point.heapUsed)} MB, state ${point.storage.conversationBytes} B, mid-dialog ${point.storage.midDialog}`,
      );
    }
    const first = points[0];
    const last = points[points.length - 1];
    const span = Math.max(1, last.conversations - first.conversations);
    return {
      workload: {
        id: workload.id,
        family: workload.family,
        questions: workload.questions,
        pasteBytes: Buffer.byteLength(workload.text),
      },
      method:
        Number.isFinite(maxRealTurns) && maxRealTurns < last.conversations
          ? `real turns for the first ${maxRealTurns} conversations, then copies of the state they wrote`
          : 'real turns for every conversation',
      baseline,
      points,
      stateBytesPerConversation: Math.round(last.storage.conversationBytes / Math.max(1, last.storage.conversations)),
      heapBytesPerConversation: Math.round((last.heapUsed - first.heapUsed) / span),
      rssBytesPerConversation: Math.round((last.rss - first.rss) / span),
    };
  } finally {
    await bot.stop();
    await connector.stop();
  }
}

function mb(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}
