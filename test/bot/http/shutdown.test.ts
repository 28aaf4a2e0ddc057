import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';

import { MemoryStorage, type StoreItems } from 'botbuilder';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { InFlight, installShutdown } from '../../../bot/http/shutdown';
import { type Logger, silentLogger } from '../../../bot/logger';
import { ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';

// Graceful shutdown and the process-level error policy, on the real restify server. Signals come from an
// EventEmitter standing in for `process`, and exit is captured, so the test process itself stays up.
// Replies land in a FAKE Bot Connector (test/support/connector-stub.ts).

/** Memory storage whose writes take a while, so a turn is still in flight when SIGTERM arrives. */
class SlowStorage extends MemoryStorage {
  constructor(private readonly delayMs: number) {
    super();
  }
  async write(changes: StoreItems): Promise<void> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    return super.write(changes);
  }
}

describe('bot shutdown: SIGTERM drains turns in flight; rejections are logged, not fatal', () => {
  const stub = new ConnectorStub();
  before(() => stub.start());
  after(() => stub.stop());

  async function start(delayMs: number, timeoutMs: number, logger: Logger = silentLogger) {
    const inFlight = new InFlight();
    const server = createServer(loadConfig({ PORT: '0' }), {
      logger,
      engine: walkEngine,
      storage: new SlowStorage(delayMs),
      inFlight,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const events = new EventEmitter();
    const exits: number[] = [];
    const handle = installShutdown({
      server,
      inFlight,
      logger,
      timeoutMs,
      exit: (code) => {
        exits.push(code);
      },
      events,
    });
    const post = () =>
      fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `act-${randomUUID()}`,
          channelId: 'msteams',
          serviceUrl: `${stub.url}/`,
          text: 'help',
          from: { id: '29:admin' },
          recipient: { id: '28:bot' },
          conversation: { id: `a:sd-${randomUUID()}`, conversationType: 'personal' },
        }),
      });
    const stop = async () => {
      handle.dispose();
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    return { server, base, events, exits, handle, inFlight, post, stop };
  }

  it('finishes the turn in flight, refuses new work, then exits 0', async () => {
    const bot = await start(300, 5000);
    try {
      const inflight = bot.post();
      await new Promise((r) => setTimeout(r, 80));
      assert.equal(bot.inFlight.active, 1);
      bot.events.emit('SIGTERM', 'SIGTERM');
      await new Promise((r) => setTimeout(r, 20));
      await assert.rejects(bot.post(), 'no new connections once closing');
      assert.deepEqual(bot.exits, [], 'does not exit while a turn runs');
      const res = await inflight;
      assert.equal(res.status, 200, 'the turn in flight completed');
      await bot.handle.shutdown('join');
      assert.deepEqual(bot.exits, [0]);
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });

  it('exits 1 when turns outlast the timeout', async () => {
    const bot = await start(1500, 100);
    try {
      const inflight = bot.post().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      await bot.handle.shutdown('SIGTERM');
      assert.deepEqual(bot.exits, [1]);
      await inflight;
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });

  it('an unhandled rejection is logged with a code and the bot keeps serving', async () => {
    const logged: Array<{ message: string; code?: unknown }> = [];
    const logger: Logger = {
      ...silentLogger,
      error: (message, _e, fields) => {
        logged.push({ message, code: fields?.code });
      },
    };
    const bot = await start(0, 1000, logger);
    try {
      bot.events.emit('unhandledRejection', new Error('lost promise'), Promise.resolve());
      assert.ok(logged.some((l) => l.code === 'unhandled-rejection'));
      assert.equal((await bot.post()).status, 200);
      assert.deepEqual(bot.exits, []);
      bot.events.emit('uncaughtException', new Error('broken state'));
      await bot.handle.shutdown('join');
      assert.deepEqual(bot.exits, [1], 'an uncaught exception ends the process after draining');
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });

  it('InFlight refuses new work once draining and reports idle', async () => {
    const f = new InFlight();
    assert.ok(f.enter());
    const idle = f.idle(1000);
    f.startDraining();
    assert.equal(f.enter(), false);
    f.leave();
    assert.equal(await idle, true);
    assert.ok(f.isDraining);
  });
});
