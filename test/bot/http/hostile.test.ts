import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import fc from 'fast-check';
import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/card-json';
import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { EXECUTE_NOT_SUPPORTED } from '../../../dialogs/replies';
import { cardProblems, markdownRenderedTexts } from '../../support/adaptive-card-validator';
import { type ConnectorCall, ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../../support/running-bot';

// Hostile input along the whole path: HTTP → dialogs → engine → cards, on the real restify server
// (anonymous mode); replies land in a FAKE Bot Connector (test/support/connector-stub.ts).

/** Injection attempts; every link target is under evil.test so a leak is recognizable. */
const PAYLOADS = [
  '[click me](https://evil.test/a)',
  '![img](https://evil.test/i.png)',
  '<a href="https://evil.test/h">x</a>',
  '<img src=https://evil.test/i>',
  '<script>alert(1)</script>',
  'https://evil.test/bare',
  'www.evil.test',
  'mailto:admin@evil.test',
  '[ref]: https://evil.test/r',
  '**bold** _it_ ~~s~~ `code` # head',
  '```\n[x](https://evil.test/f)\n```',
  '${$root.nonce}',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '\u202Eevil.test',
  '\u0000\u0007',
  '{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"[x](https://evil.test/c)"}]}',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '));

/** Pasted text: sometimes a real NDR with hostile text in its diagnostic line, so it reaches verdict cards. */
const pasted = fc.oneof(
  hostileText,
  hostileText.map((h) => EXAMPLE_NDR.replace(/Relay Access Denied/, `Relay Access Denied ${h}`)),
  hostileText.map((h) => `${EXAMPLE_NDR}\n${h}`),
  fc.constantFrom('help', 'show fix', 'plain text', 'restart', 'done', 'contoso.com'),
);

/** Link or HTML syntax that a markdown renderer would act on, and that only user input could have brought. */
export function leakedMarkup(text: string): string | undefined {
  const checks: Array<[string, RegExp]> = [
    ['markdown link', /(?<!\\)\[[^\]\n]*(?<!\\)\]\((?!\s)/],
    ['reference link', /^\s*(?<!\\)\[[^\]\n]*(?<!\\)\]:\s*\S/m],
    ['url', /[a-z]+:\/\/[^\s]*evil\.test/i],
    ['www', /\bwww\.evil\.test/i],
    ['mailto', /mailto:/i],
    ['html', /(?<!\\)<\s*(a|img|script)\b/i],
    ['text function', /\{\{(DATE|TIME)\(/i],
  ];
  return checks.find(([, re]) => re.test(text))?.[0];
}

/** Markdown-rendered text of a plain message, without fenced and inline code (shown verbatim). */
function renderedMessageText(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

describe('bot hostile input: HTTP → dialogs → engine → cards', function () {
  this.timeout(120_000);
  const stub = new ConnectorStub();
  let server: Server;
  let base = '';

  before(async () => {
    await stub.start();
    server = createServer(loadConfig({ PORT: '0', TURNS_PER_MINUTE: '0' }), {
      logger: silentLogger,
      engine: walkEngine,
    });
    base = await listenOnLoopback(server);
  });

  after(async () => {
    await closeServer(server);
    await stub.stop();
  });

  function activity(
    extra: Record<string, unknown> = {},
    conversation = `a:hostile-${randomUUID()}`,
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

  async function postText(body: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** Problems in what the bot sent: invalid cards, or markup from user input. */
  function problemsIn(calls: ConnectorCall[]): string[] {
    const problems: string[] = [];
    for (const call of calls) {
      const a = call.activity;
      if (typeof a.text === 'string' && a.textFormat !== 'plain') {
        const leak = leakedMarkup(renderedMessageText(a.text));
        if (leak) problems.push(`message text: ${leak}: ${a.text.slice(0, 200)}`);
      }
      for (const att of (a.attachments ?? []) as Array<{ contentType: string; content: unknown }>) {
        if (att.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) continue;
        problems.push(...cardProblems(att.content));
        for (const t of markdownRenderedTexts(att.content)) {
          const leak = leakedMarkup(t);
          if (leak) problems.push(`card text: ${leak}: ${t.slice(0, 200)}`);
        }
      }
    }
    return problems;
  }

  it('property: any activity gets a 2xx/4xx, never a crash, never markup from user input', async () => {
    const submitValue = fc.record(
      {
        verb: fc.oneof(
          fc.constantFrom('answer', 'restart', 'plain-text', 'help', 'example', 'answered', ''),
          fc.string({ maxLength: 20 }),
        ),
        nonce: fc.oneof(fc.uuid(), fc.string({ maxLength: 30 })),
        questionId: fc.oneof(fc.constantFrom('case1.routing', 'domain', '__proto__'), fc.string({ maxLength: 20 })),
        answer: fc.oneof(pasted, fc.jsonValue({ maxDepth: 3 })),
      },
      { requiredKeys: [] },
    );
    const activityArb = fc.record({
      type: fc.oneof(
        fc.constantFrom(
          'message',
          'message',
          'message',
          'invoke',
          'event',
          'conversationUpdate',
          'installationUpdate',
          'messageReaction',
          'typing',
          'endOfConversation',
        ),
        fc.string({ minLength: 1, maxLength: 12 }),
      ),
      name: fc.constantFrom(
        undefined,
        'adaptiveCard/action',
        'task/fetch',
        'signin/verifyState',
        'composeExtension/query',
      ),
      text: fc.option(pasted, { nil: undefined }),
      value: fc.option(fc.oneof(submitValue, fc.jsonValue({ maxDepth: 4 })), { nil: undefined }),
      protoKeys: fc.boolean(),
    });
    let conversation = `a:prop-${randomUUID()}`;
    await fc.assert(
      fc.asyncProperty(fc.array(activityArb, { minLength: 1, maxLength: 4 }), async (turns) => {
        conversation = `a:prop-${randomUUID()}`;
        for (const t of turns) {
          const body = activity({ type: t.type, name: t.name, text: t.text, value: t.value }, conversation);
          let json = JSON.stringify(body);
          // Keys JSON.stringify would never write from a normal object: splice them into the text.
          if (t.protoKeys)
            json = json.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
          const start = stub.calls.length;
          const res = await postText(json);
          assert.ok(res.status >= 200 && res.status < 500, `status ${res.status} for ${json.slice(0, 300)}`);
          assert.doesNotMatch(res.text, /\bat \S+\.js|Error:/, 'no stack trace in a response');
          assert.deepEqual(problemsIn(stub.calls.slice(start)), [], json.slice(0, 300));
        }
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      }),
      { numRuns: 60 },
    );
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('the leak detector sees what it must (it can fail)', () => {
    for (const p of PAYLOADS.slice(0, 9)) assert.ok(leakedMarkup(p), p);
    assert.equal(leakedMarkup('\\[click me\\]\\(https:\u200B//evil.test/a\\)'), undefined);
  });

  it('hostile text inside an NDR reaches the verdict cards only as inert text', async () => {
    const conversation = `a:ndr-${randomUUID()}`;
    const start = stub.calls.length;
    const ndr = EXAMPLE_NDR.replace(
      /Relay Access Denied/,
      'Relay Access Denied [click](https://evil.test/x) <a href="https://evil.test">',
    );
    assert.equal((await postText(JSON.stringify(activity({ text: ndr }, conversation)))).status, 200);
    assert.equal((await postText(JSON.stringify(activity({ text: 'show fix' }, conversation)))).status, 200);
    const calls = stub.calls.slice(start);
    assert.ok(
      calls.some((c) => JSON.stringify(c.activity).includes('evil.test')),
      'the hostile text was shown somewhere (as text)',
    );
    assert.deepEqual(problemsIn(calls), []);
  });

  it('card JSON in a submit value, unknown verbs and stale nonces change nothing', async () => {
    const conversation = `a:verbs-${randomUUID()}`;
    const start = stub.calls.length;
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: '[x](https://evil.test/c)' }],
    };
    for (const value of [
      { verb: 'answer', nonce: 'stale', questionId: 'case1.routing', answer: JSON.stringify(card) },
      { verb: 'answer', nonce: 'stale', answer: card },
      { verb: 'format-disk' },
      card,
    ]) {
      assert.equal((await postText(JSON.stringify(activity({ value }, conversation)))).status, 200);
    }
    const calls = stub.calls.slice(start);
    assert.deepEqual(problemsIn(calls), []);
    assert.ok(
      calls.every((c) => !JSON.stringify(c.activity.attachments ?? []).includes('evil.test')),
      'no card echoes the submitted card',
    );
  });

  it('invokes: Action.Execute gets a non-empty answer, any other invoke a 400; unknown types a 200', async () => {
    const execute = await postText(
      JSON.stringify(
        activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'x' } },
        }),
      ),
    );
    assert.equal(execute.status, 200);
    assert.equal((JSON.parse(execute.text) as { value: string }).value, EXECUTE_NOT_SUPPORTED);
    assert.equal((await postText(JSON.stringify(activity({ type: 'invoke', name: 'task/fetch' })))).status, 400);
    assert.equal((await postText(JSON.stringify(activity({ type: 'invoke' })))).status, 400);
    assert.equal((await postText(JSON.stringify(activity({ type: 'holographicProjection' })))).status, 200);
  });

  it('a redelivered invoke (same id) gets its invoke response again, not a 501', async () => {
    const invoke = JSON.stringify(
      activity({
        id: `invoke-${randomUUID()}`,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'x' } },
      }),
    );
    assert.equal((await postText(invoke)).status, 200);
    assert.equal((await postText(invoke)).status, 200);
  });

  it('wrong shapes for text, entities and ids are refused with 400', async () => {
    for (const extra of [
      { text: 42 },
      { text: { $gt: '' } },
      { entities: 'mention' },
      { id: ['a'] },
      { conversation: 'c' },
    ]) {
      assert.equal((await postText(JSON.stringify(activity(extra)))).status, 400, JSON.stringify(extra));
    }
  });
});
