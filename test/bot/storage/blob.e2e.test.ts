import assert from 'node:assert/strict';

import { BlobsStorage } from 'botbuilder-azure-blobs';

import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { STORAGE_CONFLICT_MESSAGE } from '../../../dialogs/replies';
import { type Azurite, startAzurite } from '../../support/azurite';
import { type BotProcess, startBotProcess } from '../../support/bot-process';
import { ConnectorStub } from '../../support/connector-stub';
import { CASE2_ANSWERS, walkOverWire, WireUser, type WireWalk } from '../../support/wire-user';

// Several real bot processes (`node dist/bot/index.js`, STORAGE=blob) sharing one real Azurite Blob
// service. Teams' Bot Connector is a FAKE (connector-stub.ts). Processes and Azurite are killed by PID.

/** Budget for one conversation's stored state at its largest (the measured size is logged). */
const STATE_BUDGET_BYTES = 8 * 1024;

const CONTAINER = 'relay-doctor-e2e';

describe('storage e2e: bot processes sharing Azure Blob Storage (Azurite)', function () {
  this.timeout(120000);
  const stub = new ConnectorStub();
  let azurite: Azurite;
  const processes: BotProcess[] = [];
  let reference: WireWalk;

  async function startBot(): Promise<BotProcess> {
    const bot = await startBotProcess({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: CONTAINER,
    });
    processes.push(bot);
    return bot;
  }

  async function storedBytes(user: WireUser): Promise<number> {
    const key = `msteams/conversations/${user.conversationId}`;
    const items = await new BlobsStorage(azurite.connectionString, CONTAINER).read([key]);
    const item = items[key] as Record<string, unknown> | undefined;
    if (!item) return 0;
    const { eTag: _eTag, ...stored } = item;
    return Buffer.byteLength(JSON.stringify(stored));
  }

  before(async () => {
    await stub.start();
    azurite = await startAzurite();
  });

  after(async () => {
    for (const p of processes) await p.kill();
    await azurite?.dispose();
    await stub.stop();
  });

  it('one process: the Case 2 walk reaches its verdict, and the stored state stays small', async () => {
    const bot = await startBot();
    const user = new WireUser(stub);
    let largest = 0;
    reference = await walkOverWire(user, EXAMPLE_NDR, {
      base: () => bot.url,
      answers: CASE2_ANSWERS,
      afterTurn: async () => {
        largest = Math.max(largest, await storedBytes(user));
      },
    });
    assert.equal(reference.verdict?.family, 'eop-relay-denied');
    assert.ok(reference.verdict?.causes.includes('inbound-connector.certificate-mismatch'));
    assert.ok(reference.asked.length >= 2, `a real walk asks several questions (asked ${reference.asked.join(', ')})`);
    assert.ok(largest > 0, 'the state is in Blob Storage, not in the process');
    assert.ok(largest <= STATE_BUDGET_BYTES, `state at most ${STATE_BUDGET_BYTES} bytes, was ${largest}`);
    console.log(
      `      stored state per conversation: at most ${largest} bytes over ${reference.asked.length + 1} turns`,
    );
  });

  it('turns alternating between two processes reach the same verdict through the same questions', async () => {
    const [a, b] = [await startBot(), await startBot()];
    const user = new WireUser(stub);
    const walk = await walkOverWire(user, EXAMPLE_NDR, {
      base: (turn) => (turn % 2 === 0 ? a.url : b.url),
      answers: CASE2_ANSWERS,
    });
    assert.deepEqual(walk.asked, reference.asked);
    assert.deepEqual(walk.verdict, reference.verdict);
  });

  it('a process killed in the middle of a dialog and started again continues where it was', async () => {
    let bot = await startBot();
    const user = new WireUser(stub);
    let killedAt = -1;
    const walk = await walkOverWire(user, EXAMPLE_NDR, {
      base: () => bot.url,
      answers: CASE2_ANSWERS,
      beforeTurn: async (turn) => {
        if (turn !== 2) return;
        await bot.kill('SIGKILL');
        killedAt = turn;
        bot = await startBot();
      },
    });
    assert.equal(killedAt, 2, 'the process was killed with a question open');
    assert.deepEqual(walk.asked, reference.asked, 'no question asked twice, none skipped');
    assert.deepEqual(walk.verdict, reference.verdict);
  });

  it('two turns of one conversation arriving at the same moment on two processes lose no update', async () => {
    const [a, b] = [await startBot(), await startBot()];
    let conflicts = 0;
    for (let round = 0; round < 6; round += 1) {
      const user = new WireUser(stub);
      // Odd rounds race on a conversation that already exists (If-Match), even ones on a new one (If-None-Match).
      if (round % 2 === 1) assert.equal((await user.send(a.url, { text: 'help' })).status, 200);
      const part = (n: string) =>
        `Original message headers:\n\nReceived: from EX01.contoso.com by EX02.contoso.com\nMessage-ID: <part-${n}-${round}@contoso.com>`;
      const [ra, rb] = await Promise.all([
        user.send(a.url, { text: part('a') }),
        user.send(b.url, { text: part('b') }),
      ]);
      assert.equal(ra.status, 200);
      assert.equal(rb.status, 200);
      // Each part is either kept or its sender was asked to send it again; never dropped in silence.
      // Both sends read the stub's calls from their own start, so a reply can be in both lists: count it once.
      const all = [...new Set([...ra.replies, ...rb.replies])];
      const toldToRepeat = WireUser.texts(all).filter((t) => t === STORAGE_CONFLICT_MESSAGE).length;
      conflicts += toldToRepeat;
      const stored = await new BlobsStorage(azurite.connectionString, CONTAINER).read([
        `msteams/conversations/${user.conversationId}`,
      ]);
      const session = (Object.values(stored)[0] as { session?: { fragments?: string[] } } | undefined)?.session;
      const kept = (session?.fragments ?? []).length;
      assert.equal(kept + toldToRepeat, 2, `round ${round}: ${kept} kept + ${toldToRepeat} told to repeat`);
      assert.ok(kept >= 1, 'one of the two always wins');
    }
    console.log(`      simultaneous pairs: ${conflicts} of 6 raced and were answered "send it again"`);
  });
});
