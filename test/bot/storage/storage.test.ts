import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';

import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';

import { loadConfig } from '../../../bot/config';
import { type Logger, silentLogger } from '../../../bot/logger';
import { StateExpiryMiddleware } from '../../../bot/middleware/state-expiry';
import { StorageGuardMiddleware } from '../../../bot/middleware/storage-guard';
import { BlobStateStorage } from '../../../bot/storage/blob-state-storage';
import { createStorage, describeStorage } from '../../../bot/storage/create-storage';
import { StorageConflictError, storageFailureOf, StorageUnavailableError } from '../../../bot/storage/storage-errors';
import { STATE_EXPIRED_MESSAGE, STORAGE_CONFLICT_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE } from '../../../dialogs/replies';
import { type Azurite, startAzurite } from '../../support/azurite';

describe('storage: configuration', () => {
  it('memory by default; blob with BLOB_CONNECTION_STRING and BLOB_CONTAINER; a TTL in minutes', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.STORAGE, 'memory');
    assert.equal(defaults.BLOB_CONTAINER, 'relay-doctor-state');
    assert.equal(defaults.STATE_TTL_MINUTES, 1440);
    assert.ok(createStorage(defaults) instanceof MemoryStorage);
    const blob = loadConfig({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true;',
      BLOB_CONTAINER: 'state-1',
      STATE_TTL_MINUTES: '90',
    });
    assert.equal(blob.STATE_TTL_MINUTES, 90);
    const storage = createStorage(blob);
    assert.ok(storage instanceof BlobStateStorage);
    assert.equal(storage.container, 'state-1');
  });

  it('refuses blob without a connection string, a bad container name and a bad TTL', () => {
    assert.throws(() => createStorage(loadConfig({ STORAGE: 'blob' })), /BLOB_CONNECTION_STRING/);
    assert.throws(() => loadConfig({ BLOB_CONTAINER: 'Bad_Name' }), /BLOB_CONTAINER/);
    assert.throws(() => loadConfig({ STATE_TTL_MINUTES: '0' }), /STATE_TTL_MINUTES/);
  });

  it('the startup line names account and container, never the key', () => {
    const line = describeStorage(
      loadConfig({
        STORAGE: 'blob',
        BLOB_CONNECTION_STRING:
          'DefaultEndpointsProtocol=https;AccountName=rdstate;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net',
      }),
    );
    assert.match(line, /rdstate/);
    assert.match(line, /relay-doctor-state/);
    assert.doesNotMatch(line, /c2VjcmV0|AccountKey/);
  });
});

describe('storage: failures told apart', () => {
  it('finds a storage failure under dialog and cause wrappers, and nothing in other errors', () => {
    const unavailable = new StorageUnavailableError('read', new Error('connect ECONNREFUSED'));
    assert.equal(storageFailureOf(unavailable), 'unavailable');
    assert.equal(storageFailureOf({ error: new StorageConflictError('k') }), 'conflict');
    assert.equal(storageFailureOf(new Error('outer', { cause: { error: unavailable } })), 'unavailable');
    assert.equal(
      storageFailureOf(new Error('Storage: error writing "k" due to eTag conflict.')),
      undefined,
      'only errors from BlobStateStorage count',
    );
    assert.equal(storageFailureOf(new TypeError('x is undefined')), undefined);
    assert.equal(storageFailureOf(undefined), undefined);
  });
});

describe('storage: the guard middleware', () => {
  function adapterThrowing(error: Error, errors: string[], logged: string[]): TestAdapter {
    const logger: Logger = { ...silentLogger, error: (m) => logged.push(m) };
    const adapter = new TestAdapter(async () => {
      throw error;
    }).use(new StorageGuardMiddleware(logger));
    adapter.onTurnError = async (_context, e) => {
      errors.push(e.message);
    };
    return adapter;
  }

  for (const [label, error, message] of [
    ['an outage', new StorageUnavailableError('write', new Error('ECONNREFUSED')), STORAGE_UNAVAILABLE_MESSAGE],
    ['an eTag conflict', new StorageConflictError('msteams/conversations/c'), STORAGE_CONFLICT_MESSAGE],
  ] as const) {
    it(`answers ${label} with its message, logs it, and keeps it from onTurnError (no reset)`, async () => {
      const errors: string[] = [];
      const logged: string[] = [];
      await adapterThrowing(error, errors, logged).send('next answer').assertReply(message);
      assert.deepEqual(errors, []);
      assert.equal(logged.length, 1);
    });
  }

  it('passes any other error on to onTurnError', async () => {
    const errors: string[] = [];
    await adapterThrowing(new Error('a bug'), errors, []).send('hello');
    assert.deepEqual(errors, ['a bug']);
  });
});

describe('storage: stale conversations expire', () => {
  const TTL = 60 * 60 * 1000;

  function setup() {
    let now = 1_000_000;
    const state = new ConversationState(new MemoryStorage());
    const seen: Array<Record<string, unknown>> = [];
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const s = (await state.load(context)) as Record<string, unknown>;
      seen.push({ ...s });
      if (context.activity.text === 'start') {
        s.dialogState = { dialogStack: [{ id: 'diagnosis' }] };
        s.session = { fragments: ['part'] };
        s.welcomed = true;
      }
      await state.saveChanges(context);
    }).use(new StateExpiryMiddleware(state, TTL, () => now));
    return {
      adapter,
      seen,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('keeps the dialog within the TTL', async () => {
    const { adapter, seen, advance } = setup();
    await adapter.send('start');
    advance(TTL - 1000);
    await adapter.send('answer');
    assert.deepEqual(seen[1].session, { fragments: ['part'] });
    assert.ok(seen[1].dialogState);
  });

  it('drops the open dialog and collected facts after the TTL, keeps the welcome flag, says so once', async () => {
    const { adapter, seen, advance } = setup();
    await adapter.send('start');
    advance(TTL + 1000);
    await adapter.send('answer').assertReply(STATE_EXPIRED_MESSAGE);
    assert.equal(seen[1].session, undefined);
    assert.equal(seen[1].dialogState, undefined);
    assert.equal(seen[1].welcomed, true);
    advance(TTL + 1000);
    await adapter.send('again');
    assert.equal(adapter.activeQueue.length, 0, 'nothing left to expire: no second notice');
  });
});

describe('storage: BlobStateStorage on Azurite', function () {
  this.timeout(60000);
  let azurite: Azurite;
  const container = 'relay-doctor-unit';

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.dispose();
  });

  const settings = () => ({ connectionString: azurite.connectionString, container });

  /** Two bot instances' ConversationState, each with its own store, on one conversation. */
  function turnContext(conversationId: string): TurnContext {
    const adapter = new TestAdapter();
    return {
      activity: { channelId: 'msteams', conversation: { id: conversationId }, type: 'message' },
      turnState: new Map(),
      adapter,
    } as unknown as TurnContext;
  }

  async function concurrentTurns(
    makeStore: () => ConstructorParameters<typeof ConversationState>[0],
    existing: boolean,
  ) {
    const conversationId = `c-${randomUUID()}`;
    const [a, b] = [new ConversationState(makeStore()), new ConversationState(makeStore())];
    if (existing) {
      const setup = turnContext(conversationId);
      (await a.load(setup)).fragments = ['first'];
      await a.saveChanges(setup);
    }
    const [ta, tb] = [turnContext(conversationId), turnContext(conversationId)];
    const [sa, sb] = [await a.load(ta), await b.load(tb)]; // both read the same version
    sa.fragments = [...(sa.fragments ?? []), 'from A'];
    sb.fragments = [...(sb.fragments ?? []), 'from B'];
    await a.saveChanges(ta);
    const second = await b.saveChanges(tb).then(
      () => undefined,
      (e: unknown) => e,
    );
    const check = turnContext(conversationId);
    const stored = (await new ConversationState(makeStore()).load(check)).fragments as string[];
    return { second, stored };
  }

  it('control: plain BlobsStorage lets the second of two concurrent saves overwrite the first in silence', async () => {
    const { second, stored } = await concurrentTurns(() => new BlobsStorage(azurite.connectionString, container), true);
    assert.equal(second, undefined);
    assert.deepEqual(stored, ['first', 'from B'], "A's update is gone and nobody was told");
  });

  for (const existing of [true, false]) {
    it(`the second of two concurrent saves fails with StorageConflictError (${existing ? 'existing conversation: If-Match' : 'new conversation: If-None-Match'})`, async () => {
      const { second, stored } = await concurrentTurns(() => new BlobStateStorage(settings()), existing);
      assert.ok(second instanceof StorageConflictError, String(second));
      assert.deepEqual(stored, existing ? ['first', 'from A'] : ['from A'], 'the first save is kept');
    });
  }

  it("turns one after another on two instances each build on the other's save", async () => {
    const conversationId = `c-${randomUUID()}`;
    const instances = [
      new ConversationState(new BlobStateStorage(settings())),
      new ConversationState(new BlobStateStorage(settings())),
    ];
    for (let i = 0; i < 6; i += 1) {
      const context = turnContext(conversationId);
      const state = await instances[i % 2].load(context);
      state.count = ((state.count as number | undefined) ?? 0) + 1;
      state.text = 'Zürich “quoted” ✓'; // non-ASCII survives the round trip
      await instances[i % 2].saveChanges(context);
    }
    const final = await instances[0].load(turnContext(conversationId));
    assert.equal(final.count, 6);
    assert.equal(final.text, 'Zürich “quoted” ✓');
  });

  it('an outage fails in seconds as StorageUnavailableError; after it, the store works again and kept its data', async () => {
    const before = new BlobStateStorage(settings());
    await before.write({ 'k/outage': { kept: 'yes', eTag: '*' } });
    await azurite.stop();
    try {
      const started = Date.now();
      await assert.rejects(before.read(['k/outage']), StorageUnavailableError);
      assert.ok(Date.now() - started < 5000, `failed in ${Date.now() - started} ms`);
      // Built while storage is down: its first container check fails; it must not stay failed.
      const during = new BlobStateStorage(settings());
      await assert.rejects(during.read(['k/outage']), StorageUnavailableError);
      await assert.rejects(during.write({ 'k/other': { eTag: '*' } }), StorageUnavailableError);
      await azurite.restart();
      assert.equal((await before.read(['k/outage']))['k/outage'].kept, 'yes');
      assert.equal((await during.read(['k/outage']))['k/outage'].kept, 'yes');
    } finally {
      if (!azurite.pid()) await azurite.restart();
    }
  });

  it('storage that accepts connections but never answers fails at the client-side deadline, not when TCP gives up', async function () {
    this.timeout(30000);
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => {
      sockets.add(s);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const hanging = new BlobStateStorage({
        connectionString: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`),
        container,
      });
      const started = Date.now();
      await assert.rejects(hanging.read(['k']), StorageUnavailableError);
      const took = Date.now() - started;
      assert.ok(took < 7000, `gave up after ${took} ms`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
