import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { TestAdapter } from 'botbuilder';
import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { jsonDepth, parseJsonSafely } from '../../../bot/http/parse-json-safely';
import { isJsonContentType } from '../../../bot/http/read-json-body';
import { createServer, isLoopbackAddress } from '../../../bot/http/server';
import { isLoopbackUrl } from '../../../bot/http/validate-request';
import { silentLogger } from '../../../bot/logger';
import { messageChars, TurnLimitsMiddleware } from '../../../bot/middleware/turn-limits';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/card-json';
import { buildTooLongCard } from '../../../cards/too-long-card';
import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { SLOW_DOWN_TEXT } from '../../../dialogs/replies';
import { cardProblems } from '../../support/adaptive-card-validator';
import { type ConnectorCall, ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../../support/running-bot';

// Limits at the HTTP level on the real restify server (anonymous mode); replies land in a FAKE Bot
// Connector (test/support/connector-stub.ts).

describe('bot limits: JSON depth and prototype keys', () => {
  it('counts nesting, ignoring brackets inside strings', () => {
    assert.equal(jsonDepth('{}'), 1);
    assert.equal(jsonDepth('{"a":[{"b":1}]}'), 3);
    assert.equal(jsonDepth('{"a":"[[[[{{{{\\"]]"}'), 1);
    assert.equal(jsonDepth('['.repeat(100000) + ']'.repeat(100000)), 100000);
  });

  it('drops __proto__, constructor and prototype keys and pollutes nothing', () => {
    const parsed = parseJsonSafely('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"x":1}},"b":2}}', 10);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.equal(parsed.droppedKeys, 3); // the reviver sees inner keys first
    assert.deepEqual(parsed.value, { a: { b: 2 } });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed.value), Object.prototype);
  });

  it('refuses too deep and invalid JSON without throwing', () => {
    assert.deepEqual(parseJsonSafely('[[[[1]]]]', 3), { ok: false, error: 'too-deep' });
    assert.deepEqual(parseJsonSafely('{"a":', 3), { ok: false, error: 'invalid-json' });
  });

  it('accepts application/json with or without a UTF-8 charset only', () => {
    assert.ok(isJsonContentType('application/json'));
    assert.ok(isJsonContentType('application/json; charset=utf-8'));
    assert.ok(!isJsonContentType('application/json; charset=latin1'));
    assert.ok(!isJsonContentType('text/plain'));
    assert.ok(!isJsonContentType(undefined));
  });

  it('loopback service URLs only in anonymous mode', () => {
    assert.ok(isLoopbackUrl('http://127.0.0.1:3000/'));
    assert.ok(isLoopbackUrl('http://localhost:56150'));
    assert.ok(!isLoopbackUrl('https://smba.trafficmanager.net/emea/'));
    assert.ok(!isLoopbackUrl('http://127.0.0.1.evil.test/'));
  });
});

describe('bot limits: turn rate per conversation (fake clock)', () => {
  it('lets N messages through per minute, says "slow down" once, then recovers', async () => {
    let now = 0;
    const limits = new TurnLimitsMiddleware({ maxPasteChars: 1000, turnsPerMinute: 2 }, silentLogger, () => now);
    let turns = 0;
    const adapter = new TestAdapter(async (ctx) => {
      turns += 1;
      await ctx.sendActivity('ok');
    }).use(limits);
    const replies: string[] = [];
    const send = async () => {
      await adapter.send('hi');
      let a = adapter.activeQueue.shift();
      while (a) {
        replies.push(String(a.text));
        a = adapter.activeQueue.shift();
      }
    };
    await send();
    await send();
    await send();
    await send();
    assert.equal(turns, 2);
    assert.deepEqual(replies, ['ok', 'ok', SLOW_DOWN_TEXT]);
    now = 61_000;
    await send();
    assert.equal(turns, 3);
  });

  it('measures text and submit values', () => {
    assert.equal(messageChars({ text: 'abc' }), 3);
    assert.equal(messageChars({ value: { a: 'xx' } }), JSON.stringify({ a: 'xx' }).length);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.ok(messageChars({ value: cyclic }) > 1e9);
  });

  it('the too-long card validates and shows only numbers from the paste', () => {
    const card = buildTooLongCard(123456, 40000);
    assert.deepEqual(cardProblems(card), []);
    assert.match(JSON.stringify(card), /123,456/);
  });
});

describe('bot limits: over HTTP', () => {
  const stub = new ConnectorStub();
  let server: Server;
  let base = '';

  function activity(
    extra: Record<string, unknown> = {},
    conversation = `a:limits-${randomUUID()}`,
  ): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin' },
      recipient: { id: '28:bot' },
      conversation: { id: conversation, conversationType: 'personal' },
      ...extra,
    };
  }

  async function post(body: string, headers: Record<string, string> = {}): Promise<number> {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await res.text();
    return res.status;
  }

  const since = (n: number): ConnectorCall[] => stub.calls.slice(n);

  before(async () => {
    await stub.start();
    const config = loadConfig({
      PORT: '0',
      MAX_BODY_BYTES: '4096',
      MAX_JSON_DEPTH: '8',
      MAX_PASTE_CHARS: '1500',
      TURNS_PER_MINUTE: '3',
    });
    server = createServer(config, { logger: silentLogger, engine: walkEngine });
    base = await listenOnLoopback(server);
  });

  after(async () => {
    await closeServer(server);
    await stub.stop();
  });

  it('413 beyond the body size limit', async () => {
    assert.equal(await post(JSON.stringify(activity({ text: 'x'.repeat(5000) }))), 413);
  });

  it('415 for other content types and for compressed bodies', async () => {
    const body = JSON.stringify(activity({ text: 'help' }));
    assert.equal(await post(body, { 'content-type': 'text/plain' }), 415);
    assert.equal(await post(body, { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    assert.equal(await post(body, { 'content-encoding': 'gzip' }), 415);
  });

  it('400 beyond the JSON depth limit; at the limit the activity is served', async () => {
    const nest = (d: number): unknown => (d === 0 ? 1 : { n: nest(d - 1) });
    assert.equal(await post(JSON.stringify(activity({ text: 'help', channelData: nest(8) }))), 400);
    assert.equal(await post(JSON.stringify(activity({ text: 'help', channelData: nest(7) }))), 200);
  });

  it('403 for a non-local serviceUrl in anonymous mode (replies are not relayed elsewhere)', async () => {
    const start = stub.calls.length;
    assert.equal(await post(JSON.stringify(activity({ text: 'help', serviceUrl: 'https://connector.invalid/' }))), 403);
    assert.equal(since(start).length, 0);
  });

  it('a paste over the limit gets the trim card and runs no diagnosis', async () => {
    const start = stub.calls.length;
    const long = `${EXAMPLE_NDR}\n${'Received: from host.contoso.local\n'.repeat(60)}`;
    assert.ok(long.length > 1500);
    assert.equal(await post(JSON.stringify(activity({ text: long }))), 200);
    const calls = since(start);
    assert.equal(calls.length, 1);
    const card = (calls[0].activity.attachments as Array<{ contentType: string; content: unknown }>)[0];
    assert.equal(card.contentType, ADAPTIVE_CARD_CONTENT_TYPE);
    assert.deepEqual(cardProblems(card.content), []);
    assert.match(JSON.stringify(card.content), new RegExp(long.length.toLocaleString('en-US')));
    assert.doesNotMatch(JSON.stringify(card.content), /contoso/);
  });

  it('a huge submit value gets the same card', async () => {
    const start = stub.calls.length;
    assert.equal(
      await post(JSON.stringify(activity({ value: { verb: 'answer', nonce: 'n', answer: 'y'.repeat(2000) } }))),
      200,
    );
    const calls = since(start);
    assert.equal(calls.length, 1);
    assert.match(JSON.stringify(calls[0].activity), /too long/);
  });

  it('more than TURNS_PER_MINUTE messages in one conversation: one polite "slow down", others unaffected', async () => {
    const conversation = `a:rate-${randomUUID()}`;
    const start = stub.calls.length;
    for (let i = 0; i < 5; i += 1)
      assert.equal(await post(JSON.stringify(activity({ text: 'help' }, conversation))), 200);
    const texts = since(start).map((c) => String(c.activity.text ?? ''));
    assert.equal(texts.filter((t) => t === SLOW_DOWN_TEXT).length, 1);
    // "help" is answered with the help card, which names the cmdlets to paste.
    assert.equal(
      since(start).filter((c) =>
        /Get-SendConnector/.test(JSON.stringify(c.activity.attachments ?? c.activity.text ?? '')),
      ).length,
      3,
      'three answered',
    );
    const other = stub.calls.length;
    assert.equal(await post(JSON.stringify(activity({ text: 'help' }))), 200);
    assert.ok(
      since(other).some((c) =>
        /Get-SendConnector/.test(JSON.stringify(c.activity.attachments ?? c.activity.text ?? '')),
      ),
    );
  });
});

describe('anonymous mode stays on this machine', () => {
  it('a blank HOST listens on 127.0.0.1 without an app id, on every interface with one', () => {
    assert.equal(loadConfig({}).HOST, '127.0.0.1');
    assert.equal(
      loadConfig({ MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'x' }).HOST,
      '0.0.0.0',
    );
    assert.equal(loadConfig({ HOST: '10.1.2.3' }).HOST, '10.1.2.3');
  });

  it('only loopback callers count as this machine', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) assert.ok(isLoopbackAddress(a), a);
    for (const a of [undefined, '10.0.0.5', '::ffff:192.168.1.4', '2001:db8::1', '128.0.0.1'])
      assert.ok(!isLoopbackAddress(a), String(a));
  });
});
