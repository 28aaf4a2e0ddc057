import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';

import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import {
  type BlobBackend,
  blobBackend,
  type BlobStateSettings,
  BlobStateStorage,
} from '../../../bot/storage/blob-state-storage';
import { createStorage } from '../../../bot/storage/create-storage';
import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { STORAGE_CONFLICT_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE } from '../../../dialogs/replies';
import { type Azurite, startAzurite } from '../../support/azurite';
import { ConnectorStub } from '../../support/connector-stub';
import { answerFor } from '../../support/dialog-walk';
import { CASE2_ANSWERS, walkOverWire, WireUser, type WireWalk } from '../../support/wire-user';

// Bot instances as real restify servers in this process (each with its own adapter, middleware and
// storage client; they share nothing but the Azurite container), so a test can hold one instance's save
// back or stop Azurite between two turns. Teams' Bot Connector is a FAKE (connector-stub.ts).

const CONTAINER = 'relay-doctor-instances';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A backend whose writes wait until `release()` is called (once `held` resolves, a write is waiting). */
function heldBackend(inner: BlobBackend) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const held = new Promise<void>((r) => {
    reached = r;
  });
  const backend: BlobBackend = {
    items: {
      read: (keys) => inner.items.read(keys),
      write: async (changes) => {
        reached();
        await gate;
        return inner.items.write(changes);
      },
      delete: (keys) => inner.items.delete(keys),
    },
    create: async (key, item) => {
      reached();
      await gate;
      return inner.create(key, item);
    },
  };
  return { backend, release, held };
}

describe('storage: bot instances in one process sharing Azurite', function () {
  this.timeout(90000);
  const stub = new ConnectorStub();
  let azurite: Azurite;
  const servers: Server[] = [];
  const config = () =>
    loadConfig({
      PORT: '0',
      MicrosoftAppId: '',
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: CONTAINER,
    });
  const settings = (): BlobStateSettings => ({ connectionString: azurite.connectionString, container: CONTAINER });

  async function instance(storage = createStorage(config())): Promise<string> {
    const server = createServer(config(), { logger: silentLogger, storage });
    servers.push(server);
    return listen(server);
  }

  async function storedFragments(user: WireUser): Promise<string[]> {
    const key = `msteams/conversations/${user.conversationId}`;
    const items = await new BlobsStorage(azurite.connectionString, CONTAINER).read([key]);
    return (items[key] as { session?: { fragments?: string[] } } | undefined)?.session?.fragments ?? [];
  }

  const part = (n: string) =>
    `Original message headers:\n\nReceived: from EX01.contoso.com by EX02.contoso.com\nMessage-ID: <part-${n}@contoso.com>`;

  let baseUrl = '';

  before(async () => {
    await stub.start();
    azurite = await startAzurite();
    baseUrl = await instance();
  });

  after(async () => {
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await azurite?.dispose();
    await stub.stop();
  });

  it('a turn whose save loses the race is answered "send it again"; after the resend both parts are kept', async () => {
    const held = heldBackend(blobBackend(settings()));
    const slow = await instance(new BlobStateStorage(settings(), () => held.backend));
    const fast = await instance();
    const user = new WireUser(stub);
    assert.equal((await user.send(fast, { text: 'help' })).status, 200); // the conversation exists
    // A reads, then its save waits; B reads the same version and saves; then A's save goes on.
    const turnA = user.send(slow, { text: part('a') });
    await held.held;
    const turnB = await user.send(fast, { text: part('b') });
    held.release();
    const a = await turnA;
    assert.equal(a.status, 200);
    assert.ok(
      WireUser.texts(a.replies).includes(STORAGE_CONFLICT_MESSAGE),
      `A told to resend: ${JSON.stringify(WireUser.texts(a.replies))}`,
    );
    assert.ok(!WireUser.texts(turnB.replies).includes(STORAGE_CONFLICT_MESSAGE));
    assert.deepEqual(await storedFragments(user), [part('b')], "B's update was not overwritten");
    // The user sends part A again (to either instance): both parts are kept.
    const again = await user.send(fast, { text: part('a') });
    assert.ok(!WireUser.texts(again.replies).includes(STORAGE_CONFLICT_MESSAGE));
    assert.deepEqual(await storedFragments(user), [part('b'), part('a')]);
  });

  it('Azurite stopped mid-conversation: "can\'t save right now", the server stays up, and the walk continues after it returns', async () => {
    const reference: WireWalk = await walkOverWire(new WireUser(stub), EXAMPLE_NDR, {
      base: () => baseUrl,
      answers: CASE2_ANSWERS,
    });
    const user = new WireUser(stub);
    let { replies } = await user.send(baseUrl, { text: EXAMPLE_NDR });
    const asked: string[] = [];
    let duringOutage: string[][] = [];
    for (let turn = 1; turn < 25 && !WireUser.verdict(replies); turn += 1) {
      const question = WireUser.question(replies);
      assert.ok(question, `turn ${turn}: a question card`);
      asked.push(question.questionId);
      const answer = {
        value: {
          verb: 'answer',
          nonce: question.nonce,
          questionId: question.questionId,
          answer: answerFor(question, CASE2_ANSWERS),
        },
        replyToId: question.activityId,
      };
      if (turn === 2) {
        await azurite.stop();
        // The answer and a command, while storage is down: each gets the message, in seconds, no error card.
        const started = Date.now();
        duringOutage = [
          WireUser.texts((await user.send(baseUrl, answer)).replies),
          WireUser.texts((await user.send(baseUrl, { text: 'show fix' })).replies),
        ];
        assert.ok(Date.now() - started < 12000, `both answered in ${Date.now() - started} ms`);
        assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200, 'the server stays up');
        await azurite.restart();
      }
      // After the outage the same card (same nonce) is clicked again.
      ({ replies } = await user.send(baseUrl, answer));
    }
    assert.deepEqual(duringOutage, [[STORAGE_UNAVAILABLE_MESSAGE], [STORAGE_UNAVAILABLE_MESSAGE]]);
    assert.deepEqual(asked, reference.asked, 'nothing written before the outage was lost');
    assert.deepEqual(WireUser.verdict(replies), reference.verdict);
  });
});
