import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/card-json';
import { EXAMPLE_NDR } from '../../../dialogs/example-ndr';
import { ALREADY_ANSWERED } from '../../../dialogs/replies';
import { CASE2_ANSWERS } from '../../fixtures/dialogs/answers';
import { cardProblems } from '../../support/adaptive-card-validator';
import { type ConnectorCall, ConnectorStub } from '../../support/connector-stub';
import {
  answerFor,
  elementIdsOf,
  type QuestionCardInfo,
  questionOf,
  verdictIdOf,
  verdictOf,
  walkEngine,
} from '../../support/dialog-walk';

/** The help card (it replaced the plain help text), recognized by its marker id. */
function isHelpCard(activity: Parameters<typeof elementIdsOf>[0]): boolean {
  return elementIdsOf(activity).includes('help-card');
}

// The real restify server and CloudAdapter on an ephemeral port, anonymous mode. The Bot Connector that
// would deliver replies to Teams is a FAKE (test/support/connector-stub.ts), as Teams cannot run here.

describe('bot end-to-end: restify + CloudAdapter + fake Bot Connector (Teams mock)', () => {
  const stub = new ConnectorStub();
  let server: Server;
  let base = '';
  const conversationId = `a:e2e-${randomUUID()}`;

  function activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      timestamp: new Date().toISOString(),
      from: { id: '29:admin', name: 'A. Admin', aadObjectId: '00000000-0000-0000-0000-000000000001' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      locale: 'en-US',
      ...extra,
    };
  }

  async function post(body: unknown, contentType = 'application/json'): Promise<{ status: number; text: string }> {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  /** Replies the connector received since `from` (index into stub.calls). */
  function since(from: number): ConnectorCall[] {
    return stub.calls.slice(from);
  }

  function cardsIn(calls: ConnectorCall[]) {
    return calls
      .filter((c) => c.method === 'POST')
      .flatMap((c) =>
        ((c.activity.attachments ?? []) as Array<{ contentType: string; content: unknown }>)
          .filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
          .map((a) => ({ call: c, content: a.content })),
      );
  }

  function questionIn(calls: ConnectorCall[]): QuestionCardInfo | undefined {
    return calls
      .filter((c) => c.method === 'POST')
      .map((c) => questionOf({ ...c.activity, id: c.assignedId } as never))
      .filter(Boolean)
      .pop();
  }

  before(async () => {
    await stub.start();
    server = createServer(loadConfig({ PORT: '0', MicrosoftAppId: '' }), { logger: silentLogger, engine: walkEngine });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stub.stop();
  });

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('conversationUpdate with the bot added sends the welcome card once; installationUpdate does not repeat it', async () => {
    const start = stub.calls.length;
    const added = await post(
      activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:relay-doctor' }, { id: '29:admin' }] }),
    );
    assert.equal(added.status, 200);
    const install = await post(activity({ type: 'installationUpdate', action: 'add' }));
    assert.equal(install.status, 200);
    const cards = cardsIn(since(start));
    assert.equal(cards.length, 1, 'one welcome card');
    const actions = (cards[0].content as { actions: Array<{ data: { verb: string } }> }).actions;
    assert.ok(actions.some((a) => a.data.verb === 'example'));
    assert.deepEqual(cardProblems(cards[0].content), []);
    assert.equal(cards[0].call.authorization, undefined, 'anonymous mode sends no token');
  });

  it('a pasted 550 5.7.64 NDR leads through card submits to a verdict with fix steps', async () => {
    const start = stub.calls.length;
    const first = await post(activity({ text: EXAMPLE_NDR }));
    assert.equal(first.status, 200);
    let question = questionIn(since(start));
    assert.ok(question, 'a question card reached the connector');
    const asked: string[] = [];
    for (let i = 0; i < 20 && question; i += 1) {
      asked.push(question.questionId);
      const mark = stub.calls.length;
      const res = await post(
        activity({
          value: {
            verb: 'answer',
            nonce: question.nonce,
            questionId: question.questionId,
            answer: answerFor(question, CASE2_ANSWERS),
          },
          replyToId: question.activityId,
        }),
      );
      assert.equal(res.status, 200);
      const calls = since(mark);
      const update = calls.find((c) => c.method === 'PUT');
      assert.ok(update, 'the answered card was replaced (PUT)');
      assert.equal(update.activityId, question.activityId);
      if (calls.some((c) => verdictOf({ attachments: c.activity.attachments } as never))) break;
      question = questionIn(calls);
    }
    const verdictCards = cardsIn(since(start)).filter((c) =>
      verdictOf({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: c.content }] } as never),
    );
    assert.ok(verdictCards.length >= 1, 'a verdict card arrived');
    const verdict = verdictOf({
      attachments: [
        { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: verdictCards[verdictCards.length - 1].content },
      ],
    } as never)!;
    assert.equal(verdict.family, 'eop-relay-denied');
    assert.ok(verdict.causes.includes('inbound-connector.certificate-mismatch'));
    assert.ok(
      verdictIdOf({
        attachments: [
          { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: verdictCards[verdictCards.length - 1].content },
        ],
      } as never),
      '"Show as plain text" names its verdict',
    );
    for (const c of cardsIn(since(start))) {
      assert.deepEqual(cardProblems(c.content), []);
      assert.ok(JSON.stringify(c.call.activity).length * 2 <= 28 * 1024);
    }
    const allText = JSON.stringify(verdictCards.map((c) => c.content));
    assert.match(
      allText,
      /Set-InboundConnector|TlsSenderCertificateName/,
      'fix steps with PowerShell are in the verdict',
    );
  });

  it('a duplicate delivery (same activity id) is answered once', async () => {
    const start = stub.calls.length;
    const dup = activity({ text: 'help' });
    assert.equal((await post(dup)).status, 200);
    assert.equal((await post(dup)).status, 200);
    const replies = since(start).filter((c) => c.method === 'POST' && isHelpCard(c.activity));
    assert.equal(replies.length, 1);
  });

  it('a stale card submit gets "already answered" over the wire', async () => {
    const start = stub.calls.length;
    await post(
      activity({
        value: { verb: 'answer', nonce: 'not-a-live-nonce', questionId: 'case2.inbound-connector', answer: 'none' },
      }),
    );
    const texts = since(start).map((c) => String(c.activity.text ?? ''));
    assert.deepEqual(texts, [ALREADY_ANSWERED]);
  });

  it('malformed requests get 4xx, never 500, and the server keeps serving', async () => {
    const cases: Array<[string, unknown, string?]> = [
      ['empty body', ''],
      ['{}', {}],
      ['activity without ids', { type: 'message', text: 'hi', serviceUrl: `${stub.url}/` }],
      ['non-JSON', 'this is { not json', 'application/json'],
      ['plain text', 'hello', 'text/plain'],
      ['JSON array', [1, 2, 3]],
      ['oversized body', JSON.stringify(activity({ text: 'x'.repeat(400 * 1024) }))],
    ];
    for (const [label, body, type] of cases) {
      const res = await post(body, type);
      assert.ok(res.status >= 400 && res.status < 500, `${label}: ${res.status} ${res.text.slice(0, 100)}`);
    }
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    const start = stub.calls.length;
    assert.equal((await post(activity({ text: 'help' }))).status, 200);
    assert.ok(since(start).length > 0, 'still answering after bad requests');
  });

  it('in a channel without an @mention the bot stays silent; with one it answers', async () => {
    const channel = { id: `19:channel-${randomUUID()}`, conversationType: 'channel', tenantId: 'tenant-1' };
    const start = stub.calls.length;
    await post(activity({ text: 'help', conversation: channel }));
    assert.equal(since(start).length, 0);
    await post(
      activity({
        text: '<at>Relay Doctor</at> help',
        conversation: channel,
        entities: [
          {
            type: 'mention',
            text: '<at>Relay Doctor</at>',
            mentioned: { id: '28:relay-doctor', name: 'Relay Doctor' },
          },
        ],
      }),
    );
    assert.ok(since(start).some((c) => isHelpCard(c.activity)));
  });
});
