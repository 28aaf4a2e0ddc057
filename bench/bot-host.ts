import type { AddressInfo } from 'node:net';

import { MemoryStorage } from 'botbuilder';
import type restify from 'restify';

import { loadConfig } from '../bot/config';
import { createServer } from '../bot/http/server';
import { silentLogger } from '../bot/logger';
import { createEchoServer } from './echo-server';
import type { BotKind, HostMessage, HostRequest, MemorySnapshot, StorageStats } from './host-protocol';

// Runs one bot (ours or the echo baseline) in its own process on 127.0.0.1, so the load generator and
// the bot do not share a core, and memory figures are the bot's alone. Controlled over IPC.

function storageStats(storage: MemoryStorage): StorageStats {
  // MemoryStorage keeps each item as a JSON string in a plain object; reading it is the only way to size it.
  const memory = (storage as unknown as { memory: Record<string, string | undefined> }).memory;
  const stats: StorageStats = {
    items: 0,
    conversations: 0,
    midDialog: 0,
    conversationBytes: 0,
    largestConversationBytes: 0,
  };
  for (const [key, json] of Object.entries(memory)) {
    if (json === undefined) continue;
    stats.items++;
    if (!key.includes('/conversations/')) continue;
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(json);
    stats.conversations++;
    stats.conversationBytes += bytes;
    stats.largestConversationBytes = Math.max(stats.largestConversationBytes, bytes);
    const state = JSON.parse(json) as { dialogState?: { dialogStack?: unknown[] } };
    if ((state.dialogState?.dialogStack?.length ?? 0) > 0) stats.midDialog++;
  }
  return stats;
}

/**
 * Copies the conversation state real turns wrote until there are `total` conversations: each copy a
 * fresh string, as if that many more users had sent the same paste (used by the quick run only).
 */
function cloneConversations(storage: MemoryStorage, total: number): number {
  const memory = (storage as unknown as { memory: Record<string, string | undefined> }).memory;
  const originals = Object.entries(memory).filter(
    (e): e is [string, string] => e[0].includes('/conversations/') && e[1] !== undefined,
  );
  let count = originals.length;
  for (let copy = 1; count < total && originals.length > 0; copy++) {
    for (const [key, json] of originals) {
      if (count >= total) break;
      memory[`${key}-copy${copy}`] = JSON.stringify(JSON.parse(json));
      count++;
    }
  }
  return count;
}

function snapshot(): MemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
  };
}

function send(message: HostMessage): void {
  process.send?.(message);
}

export function startHost(kind: BotKind): restify.Server {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
  const storage = new MemoryStorage();
  const server = kind === 'real' ? createServer(config, { storage, logger: silentLogger }) : createEchoServer(config);
  server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (server.address() as AddressInfo).port }));
  process.on('message', (request: HostRequest) => {
    if (request.type === 'measure') send({ type: 'measured', memory: snapshot(), storage: storageStats(storage) });
    if (request.type === 'clone') send({ type: 'cloned', conversations: cloneConversations(storage, request.total) });
    if (request.type === 'stop') server.close(() => process.exit(0));
  });
  // If the runner dies, do not linger.
  process.on('disconnect', () => process.exit(0));
  return server;
}

if (require.main === module) {
  const kind = process.argv[2];
  if (kind !== 'real' && kind !== 'echo') {
    console.error('usage: node dist/bench/bot-host.js real|echo');
    process.exit(2);
  }
  startHost(kind);
}
