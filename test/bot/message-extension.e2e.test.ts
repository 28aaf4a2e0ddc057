import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { DIAGNOSE_MESSAGE_COMMAND } from '../../bot/message-extension';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/card-json';
import { NO_BOUNCE_IN_MESSAGE } from '../../dialogs/replies';
import { buildFacts, diagnose } from '../../engine/index';
import { cardProblems } from '../support/adaptive-card-validator';
import { ConnectorStub } from '../support/connector-stub';
import { repoRoot } from '../support/paths';
import { useWalkBot } from '../support/walk-bot';

// "Diagnose with Relay Doctor" on a channel message: the composeExtension/submitAction invoke over the
// Bot Framework protocol (real restify + CloudAdapter), answered in the HTTP response. The connector is a
// FAKE (Teams mock); the invoke must not post anything to it.

const ndr = fs
  .readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ndr', 'exchange2013-5764.txt'), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('# '))
  .join('\n');
/** The bounce as Teams delivers a pasted message: HTML paragraphs with entities. */
const asTeamsHtml = (text: string) =>
  text
    .split('\n')
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;')}</p>`)
    .join('');

type TaskResponse = { task: { type: string; value: unknown } };
type Card = { body: unknown[]; actions: Array<{ type: string; url?: string }> };

describe('bot end-to-end: message extension diagnoseMessage (Teams mock)', () => {
  const stub = new ConnectorStub();
  const bot = useWalkBot(stub);

  function invoke(value: Record<string, unknown>, name = 'composeExtension/submitAction'): Record<string, unknown> {
    return {
      type: 'invoke',
      name,
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin', name: 'A. Admin' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id: `19:channel-${randomUUID()}`, conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, channel: { id: '19:channel' } },
      value,
    };
  }

  async function post(body: Record<string, unknown>): Promise<{ status: number; body: TaskResponse }> {
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as TaskResponse };
  }

  const action = (content: string, extra: Record<string, unknown> = {}) => ({
    commandId: DIAGNOSE_MESSAGE_COMMAND,
    commandContext: 'message',
    context: { theme: 'default' },
    messagePayload: {
      id: '1700000000000',
      messageType: 'message',
      body: { contentType: 'html', content },
      from: { user: { id: '29:colleague', displayName: 'Colleague' } },
    },
    data: {},
    ...extra,
  });

  it('a bounce pasted in a channel comes back as a verdict dialog with a link to continue in the 1:1 chat', async () => {
    const calls = stub.calls.length;
    const res = await post(invoke(action(asTeamsHtml(ndr), { data: { domain: 'contoso.com' } })));
    assert.equal(res.status, 200);
    assert.equal(res.body.task.type, 'continue');
    const value = res.body.task.value as { title: string; card: { contentType: string; content: Card } };
    assert.equal(value.card.contentType, ADAPTIVE_CARD_CONTENT_TYPE);
    const card = value.card.content;
    assert.deepEqual(cardProblems(card), []);
    const expected = diagnose(buildFacts([ndr], { domain: 'contoso.com' }));
    const shown = JSON.stringify(card.body);
    assert.ok(shown.includes(JSON.stringify(expected.headline).slice(1, 40)), "the engine's headline for this bounce");
    assert.ok(expected.diagnostic && shown.includes('550 5.7.64 TenantAttribution'));
    const [open] = card.actions;
    assert.equal(open.type, 'Action.OpenUrl');
    const url = new URL(open.url!);
    assert.equal(url.searchParams.get('users'), '28:relay-doctor');
    assert.ok(
      url.searchParams.get('message')?.includes('550 5.7.64 TenantAttribution'),
      'the bounce is prefilled in the chat',
    );
    assert.ok(JSON.stringify(res.body).length * 2 <= 28 * 1024);
    assert.equal(stub.calls.length, calls, 'answered in the invoke response, nothing posted');
  });

  it('a message without a bounce gets a plain answer, and so does an unknown command', async () => {
    const plain = await post(invoke(action('<p>Lunch at noon?</p>')));
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body.task, { type: 'message', value: NO_BOUNCE_IN_MESSAGE });
    const empty = await post(invoke({ commandId: DIAGNOSE_MESSAGE_COMMAND }));
    assert.deepEqual(empty.body.task, { type: 'message', value: NO_BOUNCE_IN_MESSAGE });
    const other = await post(invoke(action(asTeamsHtml(ndr), { commandId: 'somethingElse' })));
    assert.equal(other.body.task.type, 'message');
    assert.notEqual(other.body.task.value, NO_BOUNCE_IN_MESSAGE);
  });

  it('other message-extension invokes are still refused by the invoke guard', async () => {
    const res = await post(invoke(action(asTeamsHtml(ndr)), 'composeExtension/query'));
    assert.equal(res.status, 400);
  });
});
