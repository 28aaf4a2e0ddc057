import assert from 'node:assert/strict';

import type { Activity } from 'botbuilder';

import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { CANCELLED, CARRYING_ON, QUESTION_NOT_OPEN, STARTING_OVER } from '../../dialogs/replies';
import { PASTE_HINT } from '../../engine/index';
import { CASE1_ANSWERS, CASE2_ANSWERS } from '../fixtures/dialogs/answers';
import {
  answerFor,
  ConversationHarness,
  elementIdsOf,
  engineLabel,
  isInteractive,
  type QuestionCardInfo,
  questionOf,
  submitDataOf,
  verdictOf,
  walk,
} from '../support/dialog-walk';
import { pasteFixture } from '../support/paste-fixture';

const NDR_541_EX2010 = pasteFixture('exchange2010-541');

// What happens to question cards when the case around them ends without an answer, and what "help",
// "show fix" and an old "Start over" do in the middle of a case.

function questionCard(replies: Array<Partial<Activity>>): QuestionCardInfo | undefined {
  return replies
    .filter((a) => !elementIdsOf(a).includes('retry-question'))
    .map(questionOf)
    .filter(Boolean)
    .pop();
}

function lastUpdateOf(h: ConversationHarness, activityId: string): Partial<Activity> | undefined {
  return h.updates.filter((u) => u.id === activityId).at(-1);
}

describe(`dialogs: cancelled and old cards (${engineLabel})`, () => {
  it('cancel closes the open card and its buttons card, which say "cancelled" and can no longer be clicked', async () => {
    const h = new ConversationHarness();
    const q = questionCard(await h.send(EXAMPLE_NDR))!;
    await h.send('banana');
    const retry = (await h.send('banana')).find((a) => elementIdsOf(a).includes('retry-question'))!;
    assert.deepEqual(
      (await h.send('cancel')).map((a) => a.text),
      [CANCELLED],
    );
    for (const id of [q.activityId, retry.id!]) {
      const updated = lastUpdateOf(h, id);
      assert.ok(updated && elementIdsOf(updated).includes('question-cancel'), `card ${id} says cancelled`);
      assert.ok(!isInteractive(updated), 'no inputs or buttons');
    }
    // A click that still arrives (a client that cannot update) is not called answered.
    const late = await h.send({ type: 'message', value: submitDataOf(retry)[0] });
    assert.deepEqual(
      late.map((a) => a.text),
      [QUESTION_NOT_OPEN],
    );
    assert.deepEqual(h.savedSession().session?.facts.answers, {});
  });

  for (const [how, send, reason] of [
    ['typed "restart"', 'restart', 'question-restart'],
    ['"try an example"', { type: 'message', value: { verb: 'example' } }, 'question-example'],
    ['a new report', NDR_541_EX2010, 'question-new-case'],
  ] as const) {
    it(`${how} closes the open card with its reason`, async () => {
      const h = new ConversationHarness();
      const q = questionCard(await h.send(EXAMPLE_NDR))!;
      await h.send(send as Partial<Activity> | string);
      const updated = lastUpdateOf(h, q.activityId);
      assert.ok(updated && elementIdsOf(updated).includes(reason), `closed as ${reason}`);
      assert.ok(!isInteractive(updated));
    });
  }

  it('an old verdict\'s "Start over" in the middle of a new case asks first; "keep going" keeps the case and asks the open question again', async () => {
    const h = new ConversationHarness();
    const first = await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    const oldRestart = first.replies.flatMap(submitDataOf).find((d) => d.verb === 'restart');
    assert.ok(oldRestart, 'the verdict card has "Start over"');
    const open = questionCard(await h.send(NDR_541_EX2010))!;
    await h.submit(open, answerFor(open, CASE1_ANSWERS));
    const before = h.savedSession().session!;
    const openNow = questionCard(h.transcript)!;

    const asked = await h.send({ type: 'message', value: oldRestart });
    assert.equal(asked.length, 1);
    assert.ok(elementIdsOf(asked[0]).includes('confirm-restart'));
    assert.deepEqual(
      submitDataOf(asked[0]).map((d) => d.verb),
      ['restart', 'keep-going'],
    );
    assert.deepEqual(h.savedSession().session?.facts, before.facts, 'nothing dropped while asking');

    const keep = await h.send({ type: 'message', value: submitDataOf(asked[0])[1] });
    assert.equal(keep[0].text, CARRYING_ON);
    assert.equal(questionCard(keep)?.questionId, openNow.questionId, 'the open question again');
    const result = await walk(h, keep, CASE1_ANSWERS, 'card');
    assert.ok(result.verdict, 'the case goes on to its verdict');
    assert.ok(result.verdict.causes.includes('send-connector.no-smart-host'));
  });

  it('"Start over" from the current verdict with nothing in progress starts over at once', async () => {
    const h = new ConversationHarness();
    const result = await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    const restart = result.replies.flatMap(submitDataOf).find((d) => d.verb === 'restart')!;
    assert.deepEqual(
      (await h.send({ type: 'message', value: restart })).map((a) => a.text),
      [STARTING_OVER],
    );
  });

  it('after a reload, "show fix" and "help" send the open question again (never "still above")', async () => {
    const h = new ConversationHarness();
    const q = questionCard(await h.send(EXAMPLE_NDR))!;
    const fix = await h.send('show fix');
    assert.ok(fix.map(verdictOf).find(Boolean), 'the fix so far');
    const again = questionCard(fix);
    assert.equal(again?.questionId, q.questionId);
    assert.notEqual(again?.activityId, q.activityId, 'a new card below');
    assert.ok(elementIdsOf(lastUpdateOf(h, q.activityId)!).includes('question-moved'));
    const help = await h.send('help');
    assert.ok(elementIdsOf(help[0]).includes('help-card'));
    const third = questionCard(help)!;
    assert.equal(third.questionId, q.questionId);
    // The newest card answers the question.
    const next = await h.submit(third, answerFor(third, CASE2_ANSWERS));
    assert.equal(h.savedSession().session?.facts.answers[q.questionId], answerFor(third, CASE2_ANSWERS));
    assert.ok(questionCard(next) || next.map(verdictOf).find(Boolean));
  });

  it('"show fix" with nothing collected says what to paste once', async () => {
    const h = new ConversationHarness();
    const replies = await h.send('show fix');
    assert.equal(replies.length, 1);
    const text = replies[0].text ?? '';
    assert.equal(text.split(PASTE_HINT).length, 2, 'the paste hint once');
    const sentences = text.split(/(?<=\.)\s+/);
    assert.equal(new Set(sentences).size, sentences.length, 'no sentence repeated');
    assert.equal(text.match(/paste the non-delivery report/gi)?.length, 1);
  });

  it('"help" with nothing open is the help card alone, with the example button', async () => {
    const h = new ConversationHarness();
    const replies = await h.send('help');
    assert.equal(replies.length, 1);
    assert.ok(elementIdsOf(replies[0]).includes('help-card'));
    assert.deepEqual(
      submitDataOf(replies[0]).map((d) => d.verb),
      ['example'],
    );
    const example = await h.send({ type: 'message', value: submitDataOf(replies[0])[0] });
    assert.ok(questionCard(example) || example.map(verdictOf).find(Boolean), 'the example runs');
  });
});
