import assert from 'node:assert/strict';
import { ALREADY_ANSWERED } from '../../dialogs/card-prompt';
import { realEngine } from '../../dialogs/engine-port';
import {
  answerFor, cardOf, ConversationHarness, engineLabel, questionOf, verdictOf, walk, walkEngine, type QuestionCardInfo,
} from '../support/dialog-walk';
import { NDR_541_EX2010, NDR_5764_EX2013, SEND_CONNECTOR_DNS, UNRELATED_PASTE } from '../fixtures/dialogs/ndrs';

// The conversation over DialogTestClient('msteams'), driven by whatever questions the engine asks.
// Teams itself is not involved (the test adapter stands in for the channel).

const CASE1_ANSWERS: Record<string, string> = {
  'case1.routing': 'dns',
  'case1.require-tls': 'yes',
  'case2.inbound-connector': 'onpremises-enabled',
  'case2.auth-method': 'certificate',
  'case2.connector-certificate-name': 'mail.contoso.com',
  'case2.presented-certificate-name': 'mail.contoso.com',
  'case2.accepted-domain': 'yes',
  domain: 'contoso.com',
};

const CASE2_ANSWERS: Record<string, string> = {
  'case1.routing': 'smart-host',
  'case1.smart-host': 'contoso-com.mail.protection.outlook.com',
  'case1.require-tls': 'yes',
  'case2.inbound-connector': 'onpremises-enabled',
  'case2.auth-method': 'certificate',
  'case2.connector-certificate-name': 'mail.contoso.com',
  'case2.presented-certificate-name': 'ex01.contoso.local',
  'case2.accepted-domain': 'yes',
  domain: 'contoso.com',
};

/** What the engine itself concludes from the NDR and the answers the walk gave. */
function engineVerdict(ndr: string, asked: string[], answers: Record<string, string>, choicesOf: Map<string, QuestionCardInfo>) {
  let facts = realEngine.mergeFacts(realEngine.emptyFacts(), walkEngine.recognize(ndr).facts);
  for (const id of asked) facts = walkEngine.applyAnswer(facts, id, answerFor(choicesOf.get(id)!, answers));
  return realEngine.diagnose(facts);
}

function questionsIn(replies: Array<Partial<import('botbuilder').Activity>>): QuestionCardInfo[] {
  return replies.map(questionOf).filter((q): q is QuestionCardInfo => Boolean(q));
}

const WALKS = [
  { name: 'Case 1 (Send connector routes by DNS)', ndr: NDR_541_EX2010, answers: CASE1_ANSWERS, caseAsked: 'case1.', cause: 'send-connector.no-smart-host' },
  { name: 'Case 2 (inbound connector certificate name)', ndr: NDR_5764_EX2013, answers: CASE2_ANSWERS, caseAsked: 'case2.', cause: 'inbound-connector.certificate-mismatch' },
] as const;

describe(`dialogs: full walks (${engineLabel})`, () => {
  for (const w of WALKS) {
    for (const mode of ['card', 'typed'] as const) {
      it(`${w.name}, answered by ${mode === 'card' ? 'card submits' : 'typed answers'}`, async () => {
        const h = new ConversationHarness();
        const first = await h.send(w.ndr);
        const result = await walk(h, first, w.answers, mode);
        assert.ok(result.verdict, 'a verdict card arrives');
        assert.ok(result.asked.some((id) => id.startsWith(w.caseAsked)), `asked ${result.asked.join(', ')}`);
        assert.equal(new Set(result.asked).size, result.asked.length, 'no question is asked twice');
        const status = result.verdict.statuses[result.verdict.causes.indexOf(w.cause)];
        assert.ok(status === 'confirmed' || status === 'likely', `${w.cause} is ${status ?? 'absent'}`);

        const cards = new Map(questionsIn(result.replies).map((q) => [q.questionId, q]));
        const expected = engineVerdict(w.ndr, result.asked, w.answers, cards);
        assert.deepEqual(result.verdict.causes, expected.causes.map((c) => c.id), 'the card shows the engine verdict');
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
    assert.ok(afterPaste.some((a) => /read it: Get-SendConnector output/.test(a.text ?? '')));
    const result = await walk(h, afterPaste, CASE1_ANSWERS, 'card');
    assert.ok(!result.asked.includes('case1.routing'), 'the engine no longer needs the routing answer');
    assert.ok(result.verdict?.causes.includes('send-connector.no-smart-host'));
  });

  it('a click on a stale card gets "already answered" and runs nothing twice', async () => {
    const h = new ConversationHarness();
    const first = await h.send(NDR_5764_EX2013);
    const q1 = questionsIn(first)[0];
    const second = await h.submit(q1, answerFor(q1, CASE2_ANSWERS));
    const q2 = questionsIn(second)[0];
    assert.ok(q2 && q2.questionId !== q1.questionId);
    const stale = await h.submit(q1, answerFor(q1, CASE2_ANSWERS));
    assert.deepEqual(stale.map((a) => a.text), [ALREADY_ANSWERED]);
    assert.equal(h.updates.length, 1, 'nothing was updated a second time');
    // The open question still works.
    const result = await walk(h, second, CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    // After the verdict, the old card still only says "already answered".
    const late = await h.submit(q2, answerFor(q2, CASE2_ANSWERS));
    assert.deepEqual(late.map((a) => a.text), [ALREADY_ANSWERED]);
  });

  it('help mid-way answers and leaves the question open', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(NDR_5764_EX2013))[0];
    const help = await h.send('help');
    assert.ok(help.some((a) => /Get-SendConnector/.test(a.text ?? '')));
    assert.equal(questionsIn(help).length, 0);
    const next = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.ok(questionsIn(next).length + next.map(verdictOf).filter(Boolean).length > 0, 'the walk goes on');
    assert.ok(!next.some((a) => a.text === ALREADY_ANSWERED));
  });

  it('cancel mid-way stops the questions; the old card is then stale', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(NDR_5764_EX2013))[0];
    const cancel = await h.send('cancel');
    assert.ok(cancel.some((a) => /^Cancelled/.test(a.text ?? '')));
    const click = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.deepEqual(click.map((a) => a.text), [ALREADY_ANSWERED]);
    const typed = await h.send('yes');
    assert.equal(questionsIn(typed).length, 0, 'no question resumes after cancel');
  });

  it('restart from a verdict card action starts over', async () => {
    const h = new ConversationHarness();
    const result = await walk(h, await h.send(NDR_5764_EX2013), CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    const restart = await h.send({ type: 'message', value: { verb: 'restart', family: result.verdict.family, causes: result.verdict.causes } });
    assert.ok(restart.some((a) => /^Starting over/.test(a.text ?? '')));
    const again = await h.send(NDR_5764_EX2013);
    assert.equal(questionsIn(again)[0]?.questionId, questionsIn(result.replies)[0]?.questionId, 'the same first question again: nothing was kept');
  });

  it('"show fix" mid-way sends the verdict so far without closing the question', async () => {
    const h = new ConversationHarness();
    const q = questionsIn(await h.send(NDR_5764_EX2013))[0];
    const fix = await h.send('show fix so far');
    const verdict = fix.map(verdictOf).find(Boolean);
    assert.ok(verdict, 'a verdict card');
    assert.ok(verdict.causes.length > 0);
    const next = await h.submit(q, answerFor(q, CASE2_ANSWERS));
    assert.ok(!next.some((a) => a.text === ALREADY_ANSWERED));
  });

  it('"show as plain text" sends the verdict with code fences', async () => {
    const h = new ConversationHarness();
    const result = await walk(h, await h.send(NDR_5764_EX2013), CASE2_ANSWERS, 'card');
    const text = await h.send({ type: 'message', value: { verb: 'plain-text', family: result.verdict!.family, causes: result.verdict!.causes } });
    assert.ok(text.length >= 1);
    assert.ok(text.every((a) => !a.attachments?.length));
    assert.match(text.map((a) => a.text).join('\n'), /```\n.*5\.7\.64/);
  });

  it('an unrecognized paste gets what to paste instead, and no card', async () => {
    const h = new ConversationHarness();
    const replies = await h.send(UNRELATED_PASTE);
    assert.equal(replies.length, 1);
    assert.match(replies[0].text ?? '', /could not recognize/);
    assert.match(replies[0].text ?? '', /Get-SendConnector/);
    assert.equal(replies[0].attachments, undefined);
  });

  it('a question in plain words gets a pointer to paste evidence', async () => {
    const h = new ConversationHarness();
    const replies = await h.send('Why do my emails bounce with relay access denied?');
    assert.equal(replies.length, 1);
    assert.match(replies[0].text ?? '', /Paste the bounce/);
  });

  it('a report sent in two parts is collected until "done"', async () => {
    const h = new ConversationHarness();
    const lines = NDR_5764_EX2013.split('\n');
    const part1 = await h.send(lines.slice(0, 6).join('\n'));
    assert.match(part1[0].text ?? '', /part 1/);
    const part2 = await h.send(lines.slice(6).join('\n'));
    // The second part holds the diagnostic line, yet it continues the report rather than starting one.
    assert.equal(questionsIn(part2).length, 0);
    assert.match(part2[0].text ?? '', /part 2/);
    const done = await h.send('done');
    assert.equal(questionsIn(done).length, 1, 'after "done" the first question arrives');
    const whole = questionsIn(await new ConversationHarness().send(NDR_5764_EX2013))[0];
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
    assert.ok(replies.some((a) => /Get-SendConnector/.test(a.text ?? '')), 'recognized as "help"');
  });

  it('"try an example" runs a diagnosis on the built-in report', async () => {
    const h = new ConversationHarness(realEngine);
    const replies = await h.send({ type: 'message', value: { verb: 'example' } });
    assert.ok(replies.length >= 2);
    assert.match(replies[1].text ?? '', /5\.7\.64/);
  });

  it('injected live checks run once per diagnosis and a failing one does not stop it', async () => {
    const seen: number[] = [];
    const h = new ConversationHarness(walkEngine, async (facts) => {
      seen.push(facts.ndrs.length);
      return [];
    });
    const result = await walk(h, await h.send(NDR_5764_EX2013), CASE2_ANSWERS, 'card');
    assert.ok(result.verdict);
    assert.deepEqual(seen, [1], 'called once, with the NDR facts');
    const failing = new ConversationHarness(walkEngine, async () => { throw new Error('resolver down'); });
    const first = await failing.send(NDR_5764_EX2013);
    assert.equal(questionsIn(first).length, 1, 'the diagnosis goes on without live facts');
  });
});
