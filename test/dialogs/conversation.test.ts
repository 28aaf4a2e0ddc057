import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { MAX_ASKS_PER_QUESTION } from '../../dialogs/case-dialog';
import { type DiagnosisEngine, realEngine } from '../../dialogs/engine-port';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import {
  ALREADY_ANSWERED,
  CANCELLED,
  DONE_WITH_OPEN_QUESTION,
  notRecognizedReply,
  partReply,
  PLAIN_WORDS_REPLY,
  QUESTION_NOT_OPEN,
  readItReply,
  STARTING_OVER,
  VERDICT_GONE,
} from '../../dialogs/replies';
import { KEPT_VERDICTS_BUDGET_CHARS, MAX_KEPT_VERDICTS, rememberVerdict } from '../../dialogs/session';
import { PASTE_HINT } from '../../engine/index';
import { CASE1_ANSWERS, CASE2_ANSWERS } from '../fixtures/dialogs/answers';
import {
  answerFor,
  cardOf,
  ConversationHarness,
  elementIdsOf,
  engineLabel,
  isInteractive,
  type QuestionCardInfo,
  questionOf,
  verdictIdOf,
  verdictOf,
  walk,
  walkEngine,
} from '../support/dialog-walk';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';

const NDR_541_EX2010 = pasteFixture('exchange2010-541');
const SEND_CONNECTOR_DNS = pasteFixture('send-connector-dns');
const UNRELATED_PASTE = pasteFixture('unrelated-log');

// The conversation over DialogTestClient('msteams'), driven by whatever questions the engine asks.
// Teams itself is not involved (the test adapter stands in for the channel).

/** What the engine itself concludes from the NDR and the answers the walk gave. */
function engineVerdict(
  ndr: string,
  asked: string[],
  answers: Record<string, string>,
  choicesOf: Map<string, QuestionCardInfo>,
) {
  let facts = realEngine.mergeFacts(realEngine.emptyFacts(), walkEngine.recognize(ndr).facts);
  for (const id of asked) facts = walkEngine.applyAnswer(facts, id, answerFor(choicesOf.get(id)!, answers));
  return realEngine.diagnose(facts);
}

function questionsIn(replies: Array<Partial<import('botbuilder').Activity>>): QuestionCardInfo[] {
  return replies.map(questionOf).filter((q): q is QuestionCardInfo => Boolean(q));
}

const WALKS = [
  {
    name: 'Case 1 (Send connector routes by DNS)',
    ndr: NDR_541_EX2010,
    answers: CASE1_ANSWERS,
    caseAsked: 'case1.',
    cause: 'send-connector.no-smart-host',
  },
  {
    name: 'Case 2 (inbound connector certificate name)',
    ndr: EXAMPLE_NDR,
    answers: CASE2_ANSWERS,
    caseAsked: 'case2.',
    cause: 'inbound-connector.certificate-mismatch',
  },
] as const;

describe(`dialogs: full walks (${engineLabel})`, () => {
  for (const w of WALKS) {
    for (const mode of ['card', 'typed'] as const) {
      it(`${w.name}, answered by ${mode === 'card' ? 'card submits' : 'typed answers'}`, async () => {
        const h = new ConversationHarness();
        const first = await h.send(w.ndr);
        const result = await walk(h, first, w.answers, mode);
        assert.ok(result.verdict, 'a verdict card arrives');
        assert.ok(
          result.asked.some((id) => id.startsWith(w.caseAsked)),
          `asked ${result.asked.join(', ')}`,
        );
        assert.equal(new Set(result.asked).size, result.asked.length, 'no question is asked twice');
        const status = result.verdict.statuses[result.verdict.causes.indexOf(w.cause)];
        assert.ok(status === 'confirmed' || status === 'likely', `${w.cause} is ${status ?? 'absent'}`);

        const cards = new Map(questionsIn(result.replies).map((q) => [q.questionId, q]));
        const expected = engineVerdict(w.ndr, result.asked, w.answers, cards);
        assert.deepEqual(
          result.verdict.causes,
          expected.causes.map((c) => c.id),
          'the card shows the engine verdict',
        );
        assert.equal(result.verdict.family, expected.family);

        // Each answered question card was replaced by a read-only version.
        assert.equal(h.updates.length, result.asked.length);
        for (const u of h.updates) assert.equal(cardOf(u)?.actions, undefined);
      });
    }
  }
});

describe(`dialogs: interruptions and odd input (${engineLabel})`, () => {
  it('pasting Get-SendConnector output at a question is read and settles the routing question', async () => {
    const h = new ConversationHarness();
    const first = await h.send(NDR_541_EX2010);
    assert.ok(questionsIn(first).length === 1, 'a question card is waiting');
    const afterPaste = await h.send(SEND_CONNECTOR_DNS);
    const labels = (walkEngine.recognize(SEND_CONNECTOR_DNS).facts.inputs ?? []).map((i) => i.label).join(', ');
    assert.ok(afterPaste.some((a) => a.text === readItReply(labels)));
    const result = await walk(h, afterPaste, CASE1_ANSWERS, 'card');
    assert.ok(!result.asked.includes('case1.routing'), 'the engine no longer needs the routing answer');
    assert.ok(result.verdict?.causes.includes('send-connector.no-smart-host'));
  });

  it('a click on a stale card gets "already answered" and runs nothing twice', async () => {
    const h = new ConversationHarness();
    const first = await h.send(EXAMPLE_NDR);
    const q1 = questionsIn(first)[0];
    const second = await h.submit(q1, answerFor(q1, CASE2_ANSWERS));
    const q2 = questionsIn(second)[0];
    assert.ok(q2 && q2.questionId !== q1.questionId);
    const stale = await h.submit(q1, answerFor(q1, CASE2_ANSWERS));
    assert.deepEqual(
      stale.map((a) => a.text),
      [ALREADY_ANSWERED],
    );
    assert.equal(h.updates.length, 1, 'nothing was updated a second time');
    // The open question still works.
    const result = await walk(h, second, CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    // After the verdict, the old card still only says "already answered".
    const late = await h.submit(q2, answerFor(q2, CASE2_ANSWERS));
    assert.deepEqual(
      late.map((a) => a.text),
      [ALREADY_ANSWERED],
    );
  });

  it('help mid-way answers with the help card and asks the open question again below', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(EXAMPLE_NDR))[0];
    const help = await h.send('help');
    assert.ok(elementIdsOf(help[0]).includes('help-card'), 'the help card comes first');
    const again = questionsIn(help);
    assert.deepEqual(
      again.map((x) => x.questionId),
      [q.questionId],
      'the open question is sent again',
    );
    assert.equal(again[0].nonce, q.nonce);
    assert.ok(
      elementIdsOf(h.updates[0]).includes('question-moved') && !isInteractive(h.updates[0]),
      'the earlier card points below',
    );
    const next = await h.submit(again[0], answerFor(q, CASE2_ANSWERS));
    assert.ok(questionsIn(next).length + next.map(verdictOf).filter(Boolean).length > 0, 'the walk goes on');
    assert.ok(!next.some((a) => a.text === ALREADY_ANSWERED));
  });

  it('cancel mid-way stops the questions; the card says cancelled and a late click is not "already answered"', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(EXAMPLE_NDR))[0];
    const cancel = await h.send('cancel');
    assert.deepEqual(
      cancel.map((a) => a.text),
      [CANCELLED],
    );
    assert.equal(h.updates.length, 1);
    assert.equal(h.updates[0].id, q.activityId);
    assert.ok(elementIdsOf(h.updates[0]).includes('question-cancel'));
    assert.ok(!isInteractive(h.updates[0]), 'no inputs or buttons left');
    const click = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.deepEqual(
      click.map((a) => a.text),
      [QUESTION_NOT_OPEN],
    );
    const typed = await h.send('yes');
    assert.equal(questionsIn(typed).length, 0, 'no question resumes after cancel');
  });

  it('restart from a verdict card action while a question is open starts over: nothing was kept', async () => {
    const h = new ConversationHarness();
    const result = await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    const open = questionsIn(await h.send(NDR_541_EX2010))[0];
    assert.ok(open, 'a question of the second case is open');
    const asked = await h.send({
      type: 'message',
      value: { verb: 'restart', family: result.verdict.family, causes: result.verdict.causes },
    });
    assert.ok(elementIdsOf(asked[0]).includes('confirm-restart'), 'the old card\'s "Start over" asks first');
    assert.equal(h.savedSession().session?.facts.ndrs.length, 1, 'nothing dropped yet');
    const restart = await h.send({ type: 'message', value: { verb: 'restart', confirmed: true } });
    assert.deepEqual(
      restart.map((a) => a.text),
      [STARTING_OVER],
    );
    assert.ok(elementIdsOf(h.updates.at(-1)!).includes('question-restart'));
    const click = await h.submit(open, answerFor(open, CASE1_ANSWERS));
    assert.deepEqual(
      click.map((a) => a.text),
      [QUESTION_NOT_OPEN],
    );
    const { session } = h.savedSession();
    assert.deepEqual(session?.facts, realEngine.emptyFacts(), 'no facts');
    assert.deepEqual(session?.fragments, []);
    assert.equal(session?.verdicts, undefined, 'no verdicts kept');
    assert.equal(session?.asked, undefined, 'no ask counts kept');
    const again = await h.send(EXAMPLE_NDR);
    assert.equal(
      questionsIn(again)[0]?.questionId,
      questionsIn(result.replies)[0]?.questionId,
      'the same first question again',
    );
  });

  it('"show fix" mid-way sends the verdict so far without closing the question', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(EXAMPLE_NDR))[0];
    const fix = await h.send('show fix so far');
    const verdict = fix.map(verdictOf).find(Boolean);
    assert.ok(verdict, 'a verdict card');
    assert.ok(verdict.causes.length > 0);
    const next = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.ok(!next.some((a) => a.text === ALREADY_ANSWERED));
  });

  it('"show as plain text" sends the verdict with code fences', async () => {
    const h = new ConversationHarness();
    const result = await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    const text = await h.send({
      type: 'message',
      value: { verb: 'plain-text', family: result.verdict!.family, causes: result.verdict!.causes },
    });
    assert.ok(text.length >= 1);
    assert.ok(text.every((a) => !a.attachments?.length));
    assert.match(text.map((a) => a.text).join('\n'), /```\n.*5\.7\.64/);
  });

  it('an unrecognized paste gets what to paste instead, and no card', async () => {
    const h = new ConversationHarness();
    const replies = await h.send(UNRELATED_PASTE);
    assert.equal(replies.length, 1);
    const hint = walkEngine.recognize(UNRELATED_PASTE).facts.inputs?.[0]?.hint ?? PASTE_HINT;
    assert.equal(replies[0].text, notRecognizedReply(hint));
    assert.equal(replies[0].attachments, undefined);
  });

  it('a question in plain words gets a pointer to paste evidence', async () => {
    const h = new ConversationHarness();
    const replies = await h.send('Why do my emails bounce with relay access denied?');
    assert.equal(replies.length, 1);
    assert.equal(replies[0].text, PLAIN_WORDS_REPLY);
  });

  it('a report sent in two parts is collected until "done"', async () => {
    const h = new ConversationHarness();
    const lines = EXAMPLE_NDR.split('\n');
    const part1 = await h.send(lines.slice(0, 6).join('\n'));
    assert.equal(part1[0].text, partReply(1));
    const part2 = await h.send(lines.slice(6).join('\n'));
    // The second part holds the diagnostic line, yet it continues the report rather than starting one.
    assert.equal(questionsIn(part2).length, 0);
    assert.equal(part2[0].text, partReply(2));
    const done = await h.send('done');
    assert.equal(questionsIn(done).length, 1, 'after "done" the first question arrives');
    const whole = questionsIn(await new ConversationHarness().send(EXAMPLE_NDR))[0];
    assert.equal(questionsIn(done)[0].questionId, whole.questionId, 'the same first question as for the whole report');
  });

  it('in a group chat the bot @mention is removed before the text is read', async () => {
    const h = new ConversationHarness();
    const replies = await h.send({
      type: 'message',
      text: '<at>Relay Doctor</at> help',
      recipient: { id: 'bot', name: 'Relay Doctor' },
      entities: [{ type: 'mention', text: '<at>Relay Doctor</at>', mentioned: { id: 'bot', name: 'Relay Doctor' } }],
    });
    assert.equal(replies.length, 1);
    assert.ok(elementIdsOf(replies[0]).includes('help-card'), 'recognized as "help"');
  });

  it('"try an example" runs a diagnosis on the built-in report', async () => {
    const h = new ConversationHarness(realEngine);
    const replies = await h.send({ type: 'message', value: { verb: 'example' } });
    assert.ok(replies[1].text?.includes(EXAMPLE_NDR), 'the example report is shown');
    const direct = await new ConversationHarness(realEngine).send(EXAMPLE_NDR);
    const first = questionsIn(direct)[0]?.questionId ?? direct.map(verdictOf).find(Boolean)?.family;
    assert.ok(first, 'pasting the example asks a question or gives a verdict');
    const got = questionsIn(replies)[0]?.questionId ?? replies.map(verdictOf).find(Boolean)?.family;
    assert.equal(got, first, 'the same diagnosis as pasting the example');
  });

  it('injected FAKE live checks (the real ones are tested against a DNS server in test/engine) run once per diagnosis after a typing indicator; a failing one does not stop it', async () => {
    const seen: number[] = [];
    const h = new ConversationHarness(walkEngine, async (facts) => {
      seen.push(facts.ndrs.length);
      return [];
    });
    const result = await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    assert.deepEqual(seen, [1], 'called once, with the NDR facts');
    const failing = new ConversationHarness(walkEngine, async () => {
      throw new Error('resolver down');
    });
    const first = await failing.send(EXAMPLE_NDR);
    assert.equal(questionsIn(first).length, 1, 'the diagnosis goes on without live facts');
    assert.equal(first[0]?.type, 'typing', 'a typing indicator comes before the checks');
  });
});

/** The real engine, counting how often each text is recognized. */
function countingEngine(): { engine: DiagnosisEngine; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const engine: DiagnosisEngine = {
    ...walkEngine,
    recognize: (input) => {
      const key = typeof input === 'string' ? input : '(bytes)';
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return walkEngine.recognize(input);
    },
  };
  return { engine, calls };
}

const ACCEPTED_DOMAINS = readFileSync(
  path.join(repoRoot, 'test/fixtures/powershell/accepted-domains-list.txt'),
  'utf8',
) as string;

describe(`dialogs: open questions are not fed what is not an answer (${engineLabel})`, () => {
  it('a new complete NDR pasted at an open question starts a new case, not an answer', async () => {
    const h = new ConversationHarness();
    const old = questionsIn(await h.send(EXAMPLE_NDR))[0];
    assert.ok(old);
    const replies = await h.send(NDR_541_EX2010);
    const fresh = questionsIn(await new ConversationHarness().send(NDR_541_EX2010))[0];
    assert.equal(questionsIn(replies)[0]?.questionId, fresh.questionId, 'the first question of the new case');
    assert.equal(h.updates.length, 1, 'the old card was closed');
    assert.ok(
      elementIdsOf(h.updates[0]).includes('question-new-case') && !isInteractive(h.updates[0]),
      'closed as belonging to the old case, not answered',
    );
    const { session } = h.savedSession();
    assert.deepEqual(session?.facts.answers, {}, 'the NDR is no answer');
    assert.equal(session?.facts.ndrs.length, 1, 'only the new NDR: a new case');
    const click = await h.submit(old, answerFor(old, CASE2_ANSWERS));
    assert.deepEqual(
      click.map((a) => a.text),
      [QUESTION_NOT_OPEN],
    );
  });

  it('an NDR part pasted at an open question is merged as facts, never stored as the answer', async () => {
    // An engine double reading PART as the top of an NDR without its status line or reply code.
    const PART = 'Delivery has failed to these recipients or groups:\n(top of a report)';
    const whole = walkEngine.recognize(NDR_541_EX2010);
    const part = {
      ...whole,
      facts: {
        ...whole.facts,
        ndrs: (whole.facts.ndrs ?? []).map((n) => ({
          ...n,
          enhancedStatus: undefined,
          replyCode: undefined,
          diagnostic: undefined,
        })),
      },
    };
    const engine: DiagnosisEngine = {
      ...walkEngine,
      recognize: (input) => (input === PART ? part : walkEngine.recognize(input)),
    };
    const h = new ConversationHarness(engine);
    const q = questionsIn(await h.send(EXAMPLE_NDR))[0];
    assert.ok(q);
    await h.send(PART);
    const facts = h.savedSession().session?.facts;
    assert.equal(facts?.answers[q.questionId], undefined, 'not the answer');
    assert.equal(facts?.ndrs.length, 2, 'merged into the case');
  });

  it('a paste at a question is recognized once per turn', async () => {
    const { engine, calls } = countingEngine();
    const h = new ConversationHarness(engine);
    await h.send(NDR_541_EX2010);
    const replies = await h.send(SEND_CONNECTOR_DNS);
    assert.ok(
      replies.some((a) => a.text?.startsWith(readItReply('').slice(0, -1))),
      'read as facts',
    );
    assert.equal(calls.get(SEND_CONNECTOR_DNS), 1);
  });

  it('"done" while a question is open gets a hint and is not taken as the answer', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(EXAMPLE_NDR))[0];
    for (const word of ['done', "that's all", 'Finished.']) {
      const replies = await h.send(word);
      assert.deepEqual(
        replies.map((a) => a.text),
        [DONE_WITH_OPEN_QUESTION],
      );
    }
    assert.equal(h.updates.length, 0, 'the question card is still open');
    assert.deepEqual(h.savedSession().session?.facts.answers, {});
    const next = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.ok(!next.some((a) => a.text === ALREADY_ANSWERED), 'the open question still takes its answer');
  });
});

describe(`dialogs: ask limits hold across Case dialog runs (${engineLabel})`, () => {
  it(`pasting output that settles nothing 10 times asks no question more than ${MAX_ASKS_PER_QUESTION} times`, async () => {
    const h = new ConversationHarness();
    const all = [...(await h.send(EXAMPLE_NDR))];
    for (let i = 0; i < 10; i += 1) all.push(...(await h.send(ACCEPTED_DOMAINS)));
    const counts = new Map<string, number>();
    for (const q of questionsIn(all)) counts.set(q.questionId, (counts.get(q.questionId) ?? 0) + 1);
    assert.ok(counts.size > 0, 'questions were asked');
    for (const [id, n] of counts) assert.ok(n <= MAX_ASKS_PER_QUESTION, `${id} asked ${n} times`);
    assert.ok(
      all.some((a) => verdictOf(a)),
      'the diagnosis reaches a verdict',
    );
  });

  it('a new NDR resets the ask counts', async () => {
    const h = new ConversationHarness();
    const first = questionsIn(await h.send(EXAMPLE_NDR))[0];
    let verdict;
    for (let i = 0; i < 10 && !verdict; i += 1) verdict = (await h.send(ACCEPTED_DOMAINS)).map(verdictOf).find(Boolean);
    assert.ok(verdict, 'a verdict once the questions are used up');
    assert.equal(h.savedSession().session?.asked?.[first.questionId], MAX_ASKS_PER_QUESTION);
    const again = await h.send(EXAMPLE_NDR);
    assert.equal(questionsIn(again)[0]?.questionId, first.questionId, 'asked again in the new case');
  });
});

describe(`dialogs: "show as plain text" renders the clicked verdict (${engineLabel})`, () => {
  function plainText(verdictId: string) {
    return { type: 'message', value: { verb: 'plain-text', verdictId } };
  }

  /** Walk to a verdict and return the id on its card. */
  async function verdictIdAfter(
    h: ConversationHarness,
    ndr: string,
    answers: Record<string, string>,
  ): Promise<string | undefined> {
    const result = await walk(h, await h.send(ndr), answers, 'card');
    return result.replies.map(verdictIdOf).find(Boolean);
  }

  it('each verdict card names its own facts; an unknown id is no longer available', async () => {
    const h = new ConversationHarness();
    const a = await verdictIdAfter(h, EXAMPLE_NDR, CASE2_ANSWERS);
    const b = await verdictIdAfter(h, NDR_541_EX2010, CASE1_ANSWERS);
    assert.ok(a && b && a !== b, 'each verdict card carries its own id');
    const textA = (await h.send(plainText(a))).map((x) => x.text).join('\n');
    const textB = (await h.send(plainText(b))).map((x) => x.text).join('\n');
    // Each NDR's own diagnostic line (the verdict prose may name other codes).
    assert.ok(
      textA.includes('TenantAttribution') && !textA.includes('#550 5.4.1'),
      'the first verdict, not the latest',
    );
    assert.ok(textB.includes('#550 5.4.1') && !textB.includes('TenantAttribution'));
    const gone = await h.send(plainText('no-such-id'));
    assert.deepEqual(
      gone.map((x) => x.text),
      [VERDICT_GONE],
    );
  });

  it(`keeps the last ${MAX_KEPT_VERDICTS} verdicts and the session small`, async () => {
    const h = new ConversationHarness();
    await walk(h, await h.send(EXAMPLE_NDR), CASE2_ANSWERS, 'card');
    const ids: string[] = [];
    for (let i = 0; i <= MAX_KEPT_VERDICTS; i += 1) {
      const id = (await h.send('show fix')).map(verdictIdOf).find(Boolean);
      assert.ok(id);
      ids.push(id);
    }
    const { session, chars } = h.savedSession();
    assert.deepEqual(
      session?.verdicts?.map((v) => v.id),
      ids.slice(-MAX_KEPT_VERDICTS),
    );
    assert.ok(chars < 20 * 1024, `session is ${chars} characters`);
    const oldest = await h.send(plainText(ids[0]));
    assert.deepEqual(
      oldest.map((x) => x.text),
      [VERDICT_GONE],
    );
    const newest = await h.send(plainText(ids[ids.length - 1]));
    assert.ok(newest.length > 0 && !newest.some((x) => x.text === VERDICT_GONE));
  });

  it('rememberVerdict drops the oldest past the size budget but keeps the newest', () => {
    const big = { ...realEngine.emptyFacts(), answers: { note: 'x'.repeat(KEPT_VERDICTS_BUDGET_CHARS / 2) } };
    let kept = rememberVerdict(undefined, { id: 'a', facts: big });
    kept = rememberVerdict(kept, { id: 'b', facts: big });
    assert.deepEqual(
      kept.map((v) => v.id),
      ['b'],
    );
    const huge = { ...big, answers: { note: 'x'.repeat(KEPT_VERDICTS_BUDGET_CHARS * 2) } };
    assert.deepEqual(
      rememberVerdict(kept, { id: 'c', facts: huge }).map((v) => v.id),
      ['c'],
    );
  });
});
