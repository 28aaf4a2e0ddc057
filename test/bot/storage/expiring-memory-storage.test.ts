import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { createStorage } from '../../../bot/storage/create-storage';
import { ExpiringMemoryStorage } from '../../../bot/storage/expiring-memory-storage';
import { ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../../support/running-bot';
import { WireUser } from '../../support/wire-user';

// Issue 16 item 8: the in-memory store forgets conversations silent beyond the TTL.

describe('memory storage sweep (issue 16)', () => {
  it('STORAGE=memory builds the expiring store', () => {
    assert.ok(
      createStorage(loadConfig({ STORAGE: 'memory', STATE_TTL_MINUTES: '5' })) instanceof ExpiringMemoryStorage,
    );
  });

  it('drops keys idle beyond the TTL at the next write after the sweep interval; keeps the active ones', async () => {
    let now = 0;
    const store = new ExpiringMemoryStorage(60_000, () => now, 10_000);
    await store.write(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`old-${i}`, { n: i }])));
    now = 50_000;
    await store.write({ active: { n: 1 } });
    await store.read(['old-7']); // read counts as use
    now = 70_000;
    await store.write({ another: { n: 2 } });
    assert.equal(store.size, 3, 'only old-7 (read at 50 s), active and another remain');
    assert.deepEqual(Object.keys(await store.read(['old-7', 'old-8', 'active'])).sort(), ['active', 'old-7']);
  });

  it('delete removes the key itself (botbuilder leaves it behind)', async () => {
    const store = new ExpiringMemoryStorage(60_000);
    await store.write({ a: { n: 1 } });
    await store.delete(['a']);
    assert.equal(store.size, 0);
  });

  it('over HTTP: the default store of a server forgets conversations after the TTL (FAKE clock)', async () => {
    const stub = new ConnectorStub();
    await stub.start();
    let now = Date.now();
    const storage = new ExpiringMemoryStorage(60_000, () => now, 1_000);
    const server = createServer(loadConfig({ PORT: '0', TURNS_PER_MINUTE: '0' }), {
      logger: silentLogger,
      engine: walkEngine,
      storage,
    });
    const base = await listenOnLoopback(server);
    try {
      for (let i = 0; i < 20; i += 1) assert.equal((await new WireUser(stub).send(base, { text: 'help' })).status, 200);
      const held = storage.size;
      assert.ok(held >= 20, `${held}`);
      now += 120_000;
      assert.equal((await new WireUser(stub).send(base, { text: `help ${randomUUID()}` })).status, 200);
      assert.ok(storage.size <= 2, `after the TTL only the new conversation is held: ${storage.size}`);
    } finally {
      await closeServer(server);
      await stub.stop();
    }
  });
});
