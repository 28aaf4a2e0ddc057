import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { createLogger, silentLogger } from '../../../bot/logger';
import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../../support/running-bot';
import { CASE2_ANSWERS, WireUser } from '../../support/wire-user';

// Issue 16 items 3a, 4, 7 and 10 at the HTTP level: the real server and CloudAdapter, with the Bot
// Connector played by a FAKE stub that can hang, fail, or answer late.

describe('bot under connector faults (issue 16)', function () {
  this.timeout(60_000);
  const stub = new ConnectorStub();
  let server: Server;
  let base = '';
  const lines: string[] = [];

  before(async () => {
    await stub.start();
    const config = loadConfig({ PORT: '0', OUTBOUND_TIMEOUT_MS: '400', TURNS_PER_MINUTE: '0' });
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (s: string) => {
          lines.push(s);
        },
      },
    });
    server = createServer(config, { logger, engine: walkEngine });
    base = await listenOnLoopback(server);
  });

  afterEach(() => {
    stub.behaviour = undefined;
  });

  after(async () => {
    await closeServer(server);
    await stub.stop();
  });

  /** Paste the NDR: the first question card arrives; returns it. */
  async function openQuestion(user: WireUser) {
    const { status, replies } = await user.send(base, { text: EXAMPLE_NDR });
    assert.equal(status, 200);
    const question = WireUser.question(replies);
    assert.ok(question, 'the NDR opens a question');
    return question;
  }

  function answerValue(question: NonNullable<ReturnType<typeof WireUser.question>>) {
    return {
      verb: 'answer',
      nonce: question.nonce,
      questionId: question.questionId,
      answer: CASE2_ANSWERS[question.questionId] ?? 'not-sure',
    };
  }

  it('a connector that accepts and never answers: the turn is aborted and the conversation is served again', async () => {
    const user = new WireUser(stub);
    const question = await openQuestion(user);
    stub.behaviour = (c) => (c.conversationId === user.conversationId ? 'hang' : 'ok');
    const hung = await user.send(base, { value: answerValue(question), replyToId: question.activityId });
    assert.equal(hung.status, 200, 'the request ends (the reply was aborted), it does not hang');
    assert.ok(stub.faults.some((f) => f.behaviour === 'hang'));
    stub.behaviour = undefined;
    // Same conversation: not wedged behind the hung turn, and the open question is still there.
    const again = await user.send(base, { value: answerValue(question), replyToId: question.activityId });
    assert.equal(again.status, 200);
    const next = WireUser.question(again.replies) ?? WireUser.verdict(again.replies);
    assert.ok(next, `the answer was taken: ${JSON.stringify(WireUser.texts(again.replies))}`);
  });

  for (const [label, status] of [
    ['404', 404],
    ['307', 307],
    ['500', 500],
  ] as const) {
    it(`a reply failing with ${label} keeps the diagnosis so far (no reset in the turn error handler)`, async () => {
      const user = new WireUser(stub);
      const question = await openQuestion(user);
      stub.behaviour = (c) =>
        c.conversationId === user.conversationId ? { status, location: 'http://127.0.0.1:9/elsewhere' } : 'ok';
      await user.send(base, { value: answerValue(question), replyToId: question.activityId });
      stub.behaviour = undefined;
      // The same answer again: accepted, so the question (and its nonce) survived the failed turn.
      const again = await user.send(base, { value: answerValue(question), replyToId: question.activityId });
      const next = WireUser.question(again.replies) ?? WireUser.verdict(again.replies);
      assert.ok(next, `answer accepted after the failed reply: ${JSON.stringify(WireUser.texts(again.replies))}`);
      assert.ok(
        lines.some((l) => l.includes('"code":"send-failed"')),
        'logged as a failed send',
      );
    });
  }

  it('a conversation id HTTP cannot carry in a reply: no reset, no crash, a 2xx or 4xx', async () => {
    for (const id of ['a:bad\nid', 'a:bad\u0000id', 'a:\u0100\u2028id', `a:${'\uD800'}`]) {
      const user = new WireUser(stub);
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...user.activity({ text: 'help' }),
          conversation: { id, conversationType: 'personal' },
        }),
      });
      assert.ok(res.status < 500, `${JSON.stringify(id)}: ${res.status}`);
    }
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('an activity without recipient is answered (mention removal does not throw)', async () => {
    const user = new WireUser(stub);
    const activity = user.activity({ text: 'help' });
    delete activity.recipient;
    const before = stub.calls.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.equal(res.status, 200);
    const replies = stub.calls.slice(before).filter((c) => c.conversationId === user.conversationId);
    assert.ok(replies.length >= 1);
    assert.ok(
      !lines.some((l) => l.includes('unhandled error in turn') && l.includes(user.conversationId)),
      'no turn error',
    );
  });

  for (const [field, value] of [
    ['conversation id', '.'],
    ['conversation id', '..'],
    ['activity id', '.'],
    ['activity id', '..'],
    ['replyToId', '..'],
  ] as const) {
    it(`refuses ${field} ${JSON.stringify(value)} with 400 before any reply URL is built`, async () => {
      const user = new WireUser(stub);
      const activity = user.activity({ text: 'help' });
      if (field === 'conversation id') activity.conversation = { id: value, conversationType: 'personal' };
      else if (field === 'activity id') activity.id = value;
      else activity.replyToId = value;
      const before = stub.calls.length;
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(res.status, 400);
      assert.equal(stub.calls.length, before);
    });
  }

  it('log lines cut a long conversation id, whichever part of the bot writes them', async () => {
    const user = new WireUser(stub);
    const long = `a:${'x'.repeat(900)}`;
    stub.behaviour = () => ({ status: 404 });
    await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...user.activity({ text: 'help' }),
        conversation: { id: long, conversationType: 'personal' },
      }),
    });
    const mine = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => typeof r.conversationId === 'string' && r.conversationId.startsWith('a:xxxx'));
    assert.ok(mine.length >= 2, 'the request line and the failed send line');
    for (const r of mine)
      assert.ok((r.conversationId as string).length <= 128, `${r.msg}: ${(r.conversationId as string).length}`);
  });
});

describe('bot with an app id: per-IP limit and botbuilder console lines (issue 16)', function () {
  this.timeout(30_000);
  let server: Server;
  let base = '';

  afterEach(async () => {
    if (server) await closeServer(server);
  });

  const forged = 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln';
  const activity = () => ({
    type: 'message',
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:x' },
    recipient: { id: '28:bot' },
    conversation: { id: `a:${randomUUID()}` },
    text: 'hi',
  });
  const post = async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: forged },
      body: JSON.stringify(activity()),
    });
    await res.arrayBuffer();
    return res.status;
  };

  it('one IP beyond its burst gets 429 before authentication', async () => {
    const config = loadConfig({
      PORT: '0',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'x',
      IP_REQUESTS_PER_SECOND: '1',
      IP_REQUEST_BURST: '5',
    });
    server = createServer(config, { logger: silentLogger, engine: walkEngine });
    base = await listenOnLoopback(server);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push(await post());
    assert.equal(statuses.filter((s) => s === 429).length >= 6, true, statuses.join(','));
    // The first five reach authentication (401, or 503: the real identity service is not reachable here).
    assert.ok(
      statuses.slice(0, 5).every((s) => s === 401 || s === 503),
      statuses.join(','),
    );
  });

  it('a token refused inside botbuilder writes nothing to the console; the request line counts it', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (s: string) => {
          lines.push(s);
        },
      },
    });
    const config = loadConfig({
      PORT: '0',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'x',
      IP_REQUESTS_PER_SECOND: '0',
    });
    // The identity service is a closed port: the well-formed token passes the pre-check, botbuilder fails.
    server = createServer(config, {
      logger,
      engine: walkEngine,
      authOptions: {
        endpoints: {
          ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/openid',
          ToBotFromEmulatorOpenIdMetadataUrl: 'http://127.0.0.1:9/emu',
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: 'http://127.0.0.1:9/login',
          ToChannelFromBotOAuthScope: 'http://127.0.0.1:9/scope',
          OAuthUrl: 'http://127.0.0.1:9/oauth',
          CallerId: 'urn:test',
          ValidateAuthority: false,
        },
      },
    });
    base = await listenOnLoopback(server);
    const written: unknown[] = [];
    const original = { error: console.error, warn: console.warn, log: console.log };
    const spy = (...args: unknown[]) => {
      written.push(args);
    };
    // Spies first: the capture wraps whatever the console is when a request arrives.
    console.error = spy;
    console.warn = spy;
    console.log = spy;
    try {
      for (let i = 0; i < 5; i += 1) assert.ok([401, 503].includes(await post()));
    } finally {
      Object.assign(console, original);
    }
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(
      records.some((r) => typeof r.libraryLines === 'number' && r.libraryLines > 0),
      'the request line counts the library lines',
    );
    assert.deepEqual(written, [], 'nothing reached the console');
  });
});
