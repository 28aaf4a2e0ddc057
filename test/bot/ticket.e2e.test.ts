import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/card-json';
import { REDACT_INPUT_ID, TICKET_VERB } from '../../cards/ticket-action';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { cardProblems } from '../support/adaptive-card-validator';
import { type ConnectorCall, ConnectorStub } from '../support/connector-stub';
import { verdictIdOf } from '../support/dialog-walk';
import { useWalkBot } from '../support/walk-bot';

// "Copy for a ticket" end to end: the real server and CloudAdapter, a FAKE Bot Connector (Teams mock).

type ShowCard = {
  type: string;
  card: { body: Array<{ type: string; id?: string }>; actions: Array<{ data: Record<string, unknown> }> };
};

describe('bot end-to-end: the verdict as a ticket (Teams mock connector)', () => {
  const stub = new ConnectorStub();
  const bot = useWalkBot(stub);
  const conversationId = `a:ticket-${randomUUID()}`;

  function activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin', name: 'A. Admin' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      ...extra,
    };
  }

  async function send(extra: Record<string, unknown>): Promise<ConnectorCall[]> {
    const mark = stub.calls.length;
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(extra)),
    });
    assert.equal(res.status, 200);
    return stub.calls.slice(mark).filter((c) => c.method === 'POST');
  }

  const texts = (calls: ConnectorCall[]) => calls.map((c) => String(c.activity.text ?? '')).join('\n');

  let ticketData: Record<string, unknown> = {};

  it('the verdict card offers "Copy for a ticket" with a redaction toggle (valid at 1.5)', async () => {
    await send({ text: EXAMPLE_NDR });
    const replies = await send({ text: 'show fix' });
    const card = replies
      .flatMap(
        (c) => (c.activity.attachments ?? []) as Array<{ contentType: string; content: { actions?: ShowCard[] } }>,
      )
      .filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
      .map((a) => a.content)
      .find((c) => verdictIdOf({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: c }] } as never));
    assert.ok(card, 'a verdict card');
    assert.deepEqual(cardProblems(card), []);
    const show = card.actions?.find(
      (a) => a.type === 'Action.ShowCard' && a.card.actions[0]?.data.verb === TICKET_VERB,
    );
    assert.ok(show, 'the ticket action');
    assert.ok(show.card.body.some((e) => e.type === 'Input.Toggle' && e.id === REDACT_INPUT_ID));
    ticketData = show.card.actions[0].data;
    assert.equal(typeof ticketData.verdictId, 'string');
  });

  it('the submit without redaction writes the summary with the real names', async () => {
    const replies = await send({ value: { ...ticketData, [REDACT_INPUT_ID]: 'false' } });
    const all = texts(replies);
    for (const h of [
      '## Symptom',
      '## What was read',
      '## Cause',
      '## Ruled out',
      '## Not checked',
      '## Fix',
      '## Verify',
    ])
      assert.ok(all.includes(h), h);
    assert.match(all, /550 5\.7\.64 TenantAttribution/);
    assert.match(all, /contoso/i);
    for (const c of replies)
      assert.ok(JSON.stringify(c.activity).length * 2 <= 28 * 1024, 'each message within the activity budget');
  });

  it('with the toggle on, no address or organization name is left; "ticket redacted" typed does the same', async () => {
    const clicked = texts(await send({ value: { ...ticketData, [REDACT_INPUT_ID]: 'true' } }));
    assert.match(clicked, /## Symptom/);
    assert.doesNotMatch(clicked, /contoso|fabrikam|someone@/i);
    assert.match(clicked, /domain-1/);
    const typed = texts(await send({ text: 'ticket redacted' }));
    assert.match(typed, /## Fix/);
    assert.doesNotMatch(typed, /contoso|fabrikam|someone@/i);
  });

  it('a ticket for a verdict no longer kept says so', async () => {
    const replies = await send({ value: { verb: TICKET_VERB, verdictId: 'gone1234', [REDACT_INPUT_ID]: 'false' } });
    assert.doesNotMatch(texts(replies), /## Symptom/);
    assert.equal(replies.length, 1);
  });
});
