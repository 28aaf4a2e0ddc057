import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/http/server';
import { silentLogger } from '../../bot/logger';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/card-json';
import { closedStatusId, staleStatusId } from '../../cards/closed-question-card';
import { REDACT_INPUT_ID } from '../../cards/ticket-action';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { CLICK_ALREADY_HANDLED, EXECUTE_NOT_SUPPORTED, SEE_REPLY_BELOW, SLOW_DOWN_TEXT } from '../../dialogs/replies';
import { cardProblems, walk } from '../support/adaptive-card-validator';
import { type ConnectorCall, ConnectorStub } from '../support/connector-stub';
import {
  answerFor,
  cardOf,
  elementIdsOf,
  type QuestionCardInfo,
  questionOf,
  verdictIdOf,
  walkEngine,
} from '../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../support/running-bot';
import { useWalkBot } from '../support/walk-bot';
import { CASE2_ANSWERS } from '../support/wire-user';

// Universal Actions end to end: card buttons arrive as `adaptiveCard/action` invokes (Action.Execute) at the
// real restify server and CloudAdapter; the invoke response carries the clicked card's new state. The Bot
// Connector is a FAKE (Teams mock) that records the messages and updates the bot sends meanwhile.

type InvokeBody = { statusCode: number; type: string; value: unknown };
type Card = Record<string, unknown>;

describe('bot end-to-end: Universal Actions (adaptiveCard/action, Teams mock connector)', () => {
  const stub = new ConnectorStub();
  const bot = useWalkBot(stub);

  function conversation(type: 'personal' | 'groupChat' = 'personal') {
    const id = `a:ua-${randomUUID()}`;
    const activity = (extra: Record<string, unknown>): Record<string, unknown> => ({
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin', name: 'A. Admin' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id, conversationType: type, tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    });
    async function post(
      extra: Record<string, unknown>,
      at = bot.base,
    ): Promise<{ status: number; body: InvokeBody | undefined; calls: ConnectorCall[] }> {
      const mark = stub.calls.length;
      const res = await fetch(`${at}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(extra)),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? (JSON.parse(text) as InvokeBody) : undefined,
        calls: stub.calls.slice(mark).filter((c) => c.conversationId === id),
      };
    }
    /** Type a message (in a group chat with the bot @mentioned). */
    const say = (text: string) =>
      post(
        type === 'personal'
          ? { text }
          : {
              text: `<at>Relay Doctor</at> ${text}`,
              entities: [
                {
                  type: 'mention',
                  mentioned: { id: '28:relay-doctor', name: 'Relay Doctor' },
                  text: '<at>Relay Doctor</at>',
                },
              ],
            },
      );
    /** Click an Action.Execute button of the card sent as `replyToId`. */
    const execute = (
      verb: string,
      data: Record<string, unknown>,
      replyToId?: string,
      trigger: 'manual' | 'automatic' = 'manual',
      extra: Record<string, unknown> = {},
      at = bot.base,
    ) =>
      post(
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId,
          value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger },
          ...extra,
        },
        at,
      );
    return { id, say, execute };
  }

  const posts = (calls: ConnectorCall[]) => calls.filter((c) => c.method === 'POST');
  const puts = (calls: ConnectorCall[]) => calls.filter((c) => c.method === 'PUT');
  const question = (calls: ConnectorCall[]): QuestionCardInfo | undefined =>
    posts(calls)
      .map((c) => questionOf({ ...c.activity, id: c.assignedId } as never))
      .filter(Boolean)
      .pop();
  const verdictCall = (calls: ConnectorCall[]) => posts(calls).find((c) => verdictIdOf(c.activity as never));
  const answerData = (q: QuestionCardInfo, answer: string) => ({ nonce: q.nonce, questionId: q.questionId, answer });

  /** The card of an invoke response, checked to be one (valid at 1.5). */
  function responseCard(body: InvokeBody | undefined): Card {
    assert.ok(body, 'an invoke response body');
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, ADAPTIVE_CARD_CONTENT_TYPE, JSON.stringify(body));
    const card = body.value as Card;
    assert.deepEqual(cardProblems(card), []);
    return card;
  }
  function ids(card: Card): string[] {
    const out: string[] = [];
    walk(card, (n) => {
      if (typeof n.id === 'string') out.push(n.id);
    });
    return out;
  }
  const hasActionsOrInputs = (card: Card) => {
    let found = false;
    walk(card, (n) => {
      if (typeof n.type === 'string' && (n.type.startsWith('Action.') || n.type.startsWith('Input.'))) found = true;
    });
    return found;
  };

  it('answering by Action.Execute returns the answered card, updates it for everyone and advances the walk; the old card then says it was answered and does nothing', async () => {
    const chat = conversation();
    const first = question((await chat.say(EXAMPLE_NDR)).calls);
    assert.ok(first, 'a question card');
    const answer = answerFor(first, CASE2_ANSWERS);
    const clicked = await chat.execute('answer', answerData(first, answer), first.activityId);
    assert.equal(clicked.status, 200);
    const answered = responseCard(clicked.body);
    assert.equal(hasActionsOrInputs(answered), false, 'the answered card has nothing to click');
    assert.ok(JSON.stringify(answered).includes('Answered: '));
    const update = puts(clicked.calls).find((c) => c.activityId === first.activityId);
    assert.ok(update, 'the card is updated in the chat too (everyone sees it)');
    assert.deepEqual(cardOf(update.activity as never), answered);
    const next = question(clicked.calls);
    const verdict = verdictCall(clicked.calls);
    assert.ok(next || verdict, 'the walk goes on: a next question or the verdict');
    if (next) assert.notEqual(next.questionId, first.questionId);

    const again = await chat.execute('answer', answerData(first, answer), first.activityId);
    const stale = responseCard(again.body);
    assert.deepEqual(ids(stale), [staleStatusId('answered')]);
    assert.equal(hasActionsOrInputs(stale), false);
    assert.deepEqual(again.calls, [], 'nothing sent or updated: the click did not act');
  });

  it('a cancelled card and a card superseded by a new report each explain their state, and do not act', async () => {
    const chat = conversation();
    const cancelled = question((await chat.say(EXAMPLE_NDR)).calls)!;
    const said = await chat.say('cancel');
    assert.ok(
      puts(said.calls).some(
        (c) =>
          c.activityId === cancelled.activityId && elementIdsOf(c.activity as never).includes(closedStatusId('cancel')),
      ),
    );
    const late = await chat.execute(
      'answer',
      answerData(cancelled, answerFor(cancelled, CASE2_ANSWERS)),
      cancelled.activityId,
    );
    assert.deepEqual(ids(responseCard(late.body)), [staleStatusId('cancel')]);
    assert.deepEqual(late.calls, []);

    const old = question((await chat.say(EXAMPLE_NDR)).calls)!;
    const fresh = question((await chat.say(EXAMPLE_NDR)).calls)!;
    assert.notEqual(fresh.nonce, old.nonce);
    const superseded = await chat.execute('answer', answerData(old, answerFor(old, CASE2_ANSWERS)), old.activityId);
    assert.deepEqual(ids(responseCard(superseded.body)), [staleStatusId('new-case')]);
    assert.deepEqual(superseded.calls, []);
    // The open question still takes its answer.
    const ok = await chat.execute('answer', answerData(fresh, answerFor(fresh, CASE2_ANSWERS)), fresh.activityId);
    assert.ok(JSON.stringify(responseCard(ok.body)).includes('Answered: '));

    const forged = await chat.execute('answer', {
      nonce: 'not-a-nonce',
      questionId: 'case2.accepted-domain',
      answer: 'yes',
    });
    assert.deepEqual(ids(responseCard(forged.body)), [staleStatusId('unknown')]);
  });

  it("the verdict card's plain text, ticket and start over work by Action.Execute, each with a non-empty response", async () => {
    const chat = conversation();
    let { calls } = await chat.say(EXAMPLE_NDR);
    for (let turn = 0; turn < 25 && !verdictCall(calls); turn += 1) {
      const q = question(calls);
      assert.ok(q, `turn ${turn}: a question or the verdict`);
      const clicked = await chat.execute('answer', answerData(q, answerFor(q, CASE2_ANSWERS)), q.activityId);
      responseCard(clicked.body);
      calls = clicked.calls;
    }
    const verdict = verdictCall(calls);
    assert.ok(verdict, 'a verdict after the walk');
    const card = cardOf(verdict.activity as never) as Card;
    const data = (verb: string) => {
      let found: Record<string, unknown> | undefined;
      walk(card, (n) => {
        if (n.type === 'Action.Execute' && n.verb === verb) found = n.data as Record<string, unknown>;
      });
      assert.ok(found, `an Action.Execute "${verb}" on the verdict`);
      return found;
    };

    const plain = await chat.execute('plain-text', data('plain-text'), verdict.assignedId);
    assert.deepEqual(plain.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: SEE_REPLY_BELOW,
    });
    assert.ok(
      posts(plain.calls).some((c) => String(c.activity.text ?? '').includes('```')),
      'the verdict as text with code fences',
    );

    const ticket = await chat.execute('ticket', { ...data('ticket'), [REDACT_INPUT_ID]: 'true' }, verdict.assignedId);
    assert.equal(ticket.body?.type, 'application/vnd.microsoft.activity.message');
    const summary = posts(ticket.calls)
      .map((c) => String(c.activity.text ?? ''))
      .join('\n');
    assert.match(summary, /## Symptom/);
    assert.doesNotMatch(summary, /contoso/i, 'redacted as the toggle asked');

    const restart = await chat.execute('restart', data('restart'), verdict.assignedId);
    assert.equal(restart.body?.type, 'application/vnd.microsoft.activity.message');
    assert.ok(posts(restart.calls).some((c) => /^Starting over/.test(String(c.activity.text ?? ''))));
  });

  it("in a group chat the question card carries a refresh for the asker; the refresh reads the card's state and never answers", async () => {
    const chat = conversation('groupChat');
    const q = question((await chat.say(EXAMPLE_NDR)).calls);
    assert.ok(q, 'a question card in the group chat');
    const sent = posts(stub.calls.filter((c) => c.conversationId === chat.id))
      .map((c) => cardOf(c.activity as never) as Card | undefined)
      .find((c) => c?.refresh);
    assert.ok(sent, 'the question card has a refresh');
    assert.deepEqual((sent.refresh as { userIds: string[] }).userIds, ['29:admin']);

    const open = await chat.execute('refresh', { nonce: q.nonce, questionId: q.questionId }, q.activityId, 'automatic');
    const current = responseCard(open.body);
    assert.equal(
      questionOf({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: current }] } as never)?.nonce,
      q.nonce,
      'still the open question',
    );
    assert.deepEqual(open.calls, [], 'a refresh sends nothing');

    await chat.execute('answer', answerData(q, answerFor(q, CASE2_ANSWERS)), q.activityId);
    const after = await chat.execute(
      'refresh',
      { nonce: q.nonce, questionId: q.questionId },
      q.activityId,
      'automatic',
    );
    assert.deepEqual(ids(responseCard(after.body)), [staleStatusId('answered')]);
  });

  it('an Execute with a verb no card sends, or a forged shape, gets a message and reaches no dialog', async () => {
    const chat = conversation();
    const unknown = await chat.execute('delete-everything', {});
    assert.deepEqual(unknown.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: EXECUTE_NOT_SUPPORTED,
    });
    assert.deepEqual(unknown.calls, []);
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `act-${randomUUID()}`,
        channelId: 'msteams',
        serviceUrl: `${stub.url}/`,
        from: { id: '29:admin' },
        recipient: { id: '28:relay-doctor' },
        conversation: { id: chat.id, conversationType: 'personal' },
        value: { action: { type: 'Action.Submit', verb: 'answer', data: 'x' } },
      }),
    });
    assert.equal(res.status, 200);
    assert.equal((JSON.parse(await res.text()) as InvokeBody).value, EXECUTE_NOT_SUPPORTED);
  });

  it('a redelivered click gets a message response and runs nothing twice', async () => {
    const chat = conversation();
    const q = question((await chat.say(EXAMPLE_NDR)).calls)!;
    const id = `act-${randomUUID()}`;
    const once = await chat.execute('answer', answerData(q, answerFor(q, CASE2_ANSWERS)), q.activityId, 'manual', {
      id,
    });
    responseCard(once.body);
    const twice = await chat.execute('answer', answerData(q, answerFor(q, CASE2_ANSWERS)), q.activityId, 'manual', {
      id,
    });
    assert.deepEqual(twice.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: CLICK_ALREADY_HANDLED,
    });
    assert.deepEqual(twice.calls, []);
  });

  it('clicks count against the turn rate like messages, and are refused with a message response', async () => {
    const limited = createServer(
      loadConfig({ PORT: '0', MicrosoftAppId: '', LIVE_CHECKS: 'off', TURNS_PER_MINUTE: '2' }),
      { logger: silentLogger, engine: walkEngine },
    );
    const at = await listenOnLoopback(limited);
    try {
      const chat = conversation();
      const first = await chat.execute('help', {}, undefined, 'manual', {}, at);
      assert.equal(first.body?.type, 'application/vnd.microsoft.activity.message');
      assert.ok(first.calls.length > 0, 'the help card was sent');
      await chat.execute('help', {}, undefined, 'manual', {}, at);
      const third = await chat.execute('help', {}, undefined, 'manual', {}, at);
      assert.deepEqual(third.body, {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: SLOW_DOWN_TEXT,
      });
      assert.deepEqual(third.calls, []);
    } finally {
      await closeServer(limited);
    }
  });
});
