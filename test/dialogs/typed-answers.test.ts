import assert from 'node:assert/strict';

import type { Activity } from 'botbuilder';

import type { DiagnosisEngine } from '../../dialogs/engine-port';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { matchChoice } from '../../dialogs/match-choice';
import { choiceReask, PICK_OR_SKIP, textReask } from '../../dialogs/replies';
import { NOT_SURE_VALUE, type QuestionId, validateAnswer } from '../../engine/index';
import { QUESTION_CATALOGUE } from '../../engine/questions/question-catalogue';
import { buildContext } from '../../engine/rules/context';
import type { Question } from '../../engine/verdict';
import { CASE2_ANSWERS } from '../fixtures/dialogs/answers';
import {
  ConversationHarness,
  elementIdsOf,
  engineLabel,
  isInteractive,
  type QuestionCardInfo,
  questionOf,
  submitDataOf,
  verdictOf,
  walk,
  walkEngine,
} from '../support/dialog-walk';

// Answers typed in words: synonyms, short forms and option numbers reach the right choice; an answer that
// matches nothing is asked again once, then comes as buttons with a skip; text answers are validated by
// their question's type and nothing unusable is recorded.

function catalogueQuestion(id: QuestionId): Question {
  return QUESTION_CATALOGUE[id].question(buildContext(walkEngine.emptyFacts()));
}

const MATCHES: Array<[QuestionId, string, string | undefined]> = [
  ['case2.inbound-connector', 'yes', 'onpremises-enabled'],
  ['case2.inbound-connector', 'enabled', 'onpremises-enabled'],
  ['case2.inbound-connector', 'yes, it exists and it is enabled', 'onpremises-enabled'],
  ['case2.inbound-connector', "Yes it's turned on", 'onpremises-enabled'],
  ['case2.inbound-connector', "it isn't enabled", 'onpremises-disabled'],
  ['case2.inbound-connector', 'no, it is disabled', 'onpremises-disabled'],
  ['case2.inbound-connector', 'partner only', 'partner'],
  ['case2.inbound-connector', 'There is no connector', 'none'],
  ['case2.inbound-connector', 'no', 'none'],
  ['case2.inbound-connector', 'not sure', 'not-sure'],
  ['case2.inbound-connector', 'I don’t know', 'not-sure'],
  ['case2.inbound-connector', 'not sure, maybe enabled', 'not-sure'],
  ['case2.inbound-connector', '1', 'onpremises-enabled'],
  ['case2.inbound-connector', '2.', 'onpremises-disabled'],
  ['case2.inbound-connector', 'option 3', 'partner'],
  ['case2.inbound-connector', 'the fourth one', 'none'],
  ['case2.inbound-connector', '6', undefined],
  ['case2.inbound-connector', 'yes and no', undefined],
  ['case2.inbound-connector', 'banana', undefined],
  ['case2.auth-method', 'by certificate', 'certificate'],
  ['case2.auth-method', 'cert', 'certificate'],
  ['case2.auth-method', 'TlsSenderCertificateName', 'certificate'],
  ['case2.auth-method', 'by IP address', 'ip'],
  ['case2.auth-method', 'certificate and IP', undefined],
  ['case1.routing', 'smarthost', 'smart-host'],
  ['case1.routing', 'through', 'smart-host'],
  ['case1.routing', 'MX records', 'dns'],
  ['case1.routing', 'DNSRoutingEnabled : True', 'dns'],
  ['case1.routing', 'no smart host', undefined],
  ['case1.require-tls', 'RequireTLS : False', 'no'],
  ['case1.require-tls', 'RequireTLS: True', 'yes'],
  ['case1.require-tls', 'it is not required', 'no'],
  ['case1.require-tls', 'y', 'yes'],
  ['case2.accepted-domain', 'yes, it is accepted', 'yes'],
  ['case2.accepted-domain', 'it is not accepted', 'no'],
  ['case2.accepted-domain', 'nope', 'no'],
];

describe('dialogs: choices typed in words', () => {
  for (const [id, typed, value] of MATCHES) {
    it(`${id}: "${typed}" → ${value ?? 'no match'}`, () => {
      assert.equal(matchChoice(catalogueQuestion(id), typed), value);
    });
  }

  it('a submitted value always matches itself', () => {
    for (const id of [
      'case2.inbound-connector',
      'case2.auth-method',
      'case1.routing',
      'case1.require-tls',
      'case2.accepted-domain',
    ] as const) {
      const q = catalogueQuestion(id);
      for (const c of q.choices ?? []) assert.equal(matchChoice(q, c.value), c.value);
      (q.choices ?? []).forEach((c, i) => assert.equal(matchChoice(q, String(i + 1)), c.value, `${id} #${i + 1}`));
    }
  });
});

/** The question card among the replies (not the retry card, which also carries the answer verb). */
function questionCard(replies: Array<Partial<Activity>>): QuestionCardInfo | undefined {
  return replies
    .filter((a) => !elementIdsOf(a).includes('retry-question'))
    .map(questionOf)
    .filter(Boolean)
    .pop();
}

function retryCard(replies: Array<Partial<Activity>>): Partial<Activity> | undefined {
  return replies.find((a) => elementIdsOf(a).includes('retry-question'));
}

describe(`dialogs: a walk answered in typed words (${engineLabel})`, () => {
  it('synonyms and numbers answer; nonsense is asked again once, then buttons and a skip; nothing unusable is recorded', async () => {
    const h = new ConversationHarness();
    const q1 = questionCard(await h.send(EXAMPLE_NDR));
    assert.equal(q1?.questionId, 'case2.inbound-connector');

    // A sentence with the words of the first choice.
    const q2 = questionCard(await h.send('yes, it exists and it is enabled'));
    assert.equal(h.savedSession().session?.facts.answers['case2.inbound-connector'], 'onpremises-enabled');
    assert.equal(q2?.questionId, 'case2.auth-method');

    // Nonsense: asked again once, in words, with the numbered choices.
    const miss1 = await h.send('banana');
    const auth = catalogueQuestion('case2.auth-method');
    assert.deepEqual(
      miss1.map((a) => a.text),
      [choiceReask(auth)],
    );
    // Still nonsense: the choices as buttons and a skip, carrying the open question's nonce.
    const miss2 = await h.send('purple');
    const retry = retryCard(miss2);
    assert.ok(retry, 'a buttons card');
    const data = submitDataOf(retry);
    assert.deepEqual(
      data.filter((d) => !d.skip).map((d) => d.answer),
      auth.choices!.filter((c) => c.value !== NOT_SURE_VALUE).map((c) => c.value),
    );
    assert.ok(data.every((d) => d.verb === 'answer' && d.nonce === q2!.nonce && d.questionId === 'case2.auth-method'));
    assert.equal(data.filter((d) => d.skip === true).length, 1, 'one skip');
    // A third miss only points at the buttons.
    assert.deepEqual(
      (await h.send('green')).map((a) => a.text),
      [PICK_OR_SKIP],
    );
    assert.deepEqual(h.savedSession().session?.facts.answers['case2.auth-method'], undefined, 'no answer recorded');

    // A click on a button answers; the question card and the buttons card both become read-only.
    const certificate = data.find((d) => d.answer === 'certificate')!;
    const q3 = questionCard(await h.send({ type: 'message', value: certificate }));
    assert.equal(h.savedSession().session?.facts.answers['case2.auth-method'], 'certificate');
    const updatedIds = h.updates.map((u) => u.id);
    assert.ok(updatedIds.includes(q2!.activityId) && updatedIds.includes(retry.id), 'both cards replaced');
    assert.ok(h.updates.every((u) => !isInteractive(u)));

    // A text question: "Yes" and a property name are refused with the reason, then a real name is taken.
    assert.equal(q3?.questionId, 'case2.connector-certificate-name');
    const certQ = catalogueQuestion('case2.connector-certificate-name');
    assert.deepEqual(
      (await h.send('Yes')).map((a) => a.text),
      [textReask(certQ, 'yes-no')],
    );
    const second = await h.send('TlsSenderCertificateName');
    const textRetry = retryCard(second);
    assert.ok(textRetry, 'the retry card for a text question');
    assert.ok(JSON.stringify(textRetry).includes('"Input.Text"'), 'with the input again');
    assert.equal(
      h.savedSession().session?.facts.answers['case2.connector-certificate-name'],
      undefined,
      'nothing unusable recorded',
    );
    const afterCert = await h.send('It is *.Contoso.com');
    assert.equal(
      h.savedSession().session?.facts.answers['case2.connector-certificate-name'],
      '*.contoso.com',
      'the value, normalized',
    );

    // The rest typed as the walk types it (choice titles, text values); a verdict comes.
    const result = await walk(h, afterCert, CASE2_ANSWERS, 'typed');
    assert.ok(result.verdict);
    const answers = h.savedSession().session?.facts.answers ?? {};
    for (const [id, value] of Object.entries(answers)) {
      const q = QUESTION_CATALOGUE[id as QuestionId]?.question(buildContext(walkEngine.emptyFacts()));
      if (q?.kind === 'text' && q.answerType && value !== NOT_SURE_VALUE)
        assert.equal(validateAnswer(q.answerType, value).outcome, 'valid', `${id}: ${value}`);
      if (q?.kind === 'choice')
        assert.ok(
          q.choices!.some((c) => c.value === value),
          `${id}: ${value}`,
        );
    }
  });

  it('"skip" on the buttons card records "not sure" and the walk goes on', async () => {
    const h = new ConversationHarness();
    const q = questionCard(await h.send(EXAMPLE_NDR))!;
    await h.send('banana');
    const retry = retryCard(await h.send('banana again'))!;
    const skip = submitDataOf(retry).find((d) => d.skip === true)!;
    const next = await h.send({ type: 'message', value: skip });
    assert.equal(h.savedSession().session?.facts.answers[q.questionId], NOT_SURE_VALUE);
    assert.ok(questionCard(next) || next.map(verdictOf).find(Boolean), 'the walk goes on');
  });

  it('typing "skip" at a text question records "not sure"', async () => {
    const h = new ConversationHarness();
    await h.send(EXAMPLE_NDR);
    await h.send('1');
    const replies = await h.send('by certificate');
    assert.equal(questionCard(replies)?.questionId, 'case2.connector-certificate-name');
    await h.send('skip');
    assert.equal(h.savedSession().session?.facts.answers['case2.connector-certificate-name'], NOT_SURE_VALUE);
  });
});

/**
 * The real engine, asking exactly one question first: a catalogue text question of the type under test.
 * (FAKE question order: the real engine only reaches some text questions after several answers.)
 */
function askingFirst(q: Question): DiagnosisEngine {
  return {
    ...walkEngine,
    diagnose: (facts) => {
      const v = walkEngine.diagnose(facts);
      return { ...v, questions: facts.answers[q.id] === undefined ? [q] : [] };
    },
  };
}

const TEXT_CASES: Array<{
  id: QuestionId;
  bad: Array<[string, Parameters<typeof textReask>[1], string?]>;
  good: [string, string];
}> = [
  {
    id: 'domain',
    bad: [
      ['Yes', 'yes-no'],
      ['contoso', 'not-a-domain', 'contoso'],
    ],
    good: ['Contoso.com', 'contoso.com'],
  },
  {
    id: 'case2.connector-certificate-name',
    bad: [
      ['TlsSenderCertificateName', 'property-name', 'TlsSenderCertificateName'],
      ['no', 'yes-no'],
    ],
    good: ['*.contoso.com', '*.contoso.com'],
  },
  {
    id: 'case2.presented-certificate-name',
    bad: [['Get-ExchangeCertificate', 'command', 'Get-ExchangeCertificate']],
    good: ['CN=mail.contoso.com', 'mail.contoso.com'],
  },
  {
    id: 'case2.onprem-ip',
    bad: [
      ['10.1.2.3', 'private-ipv4', '10.1.2.3'],
      ['true', 'yes-no'],
    ],
    good: ['203.0.113.10', '203.0.113.10'],
  },
  {
    id: 'case2.connector-ips',
    bad: [['SenderIPAddresses', 'property-name', 'SenderIPAddresses']],
    good: ['{203.0.113.10, 198.51.100.0/24}', '203.0.113.10, 198.51.100.0/24'],
  },
  {
    id: 'case1.smart-host',
    bad: [['yes', 'yes-no']],
    good: ['Contoso-com.mail.protection.outlook.com', 'contoso-com.mail.protection.outlook.com'],
  },
];

describe(`dialogs: text answers are checked by type (${engineLabel}, FAKE question order)`, () => {
  for (const c of TEXT_CASES) {
    it(`${c.id} (${catalogueQuestion(c.id).answerType}): refused with a re-ask, then the valid value is recorded`, async () => {
      const q = catalogueQuestion(c.id);
      const h = new ConversationHarness(askingFirst(q));
      assert.equal(questionCard(await h.send(EXAMPLE_NDR))?.questionId, c.id);
      const [bad, problem, part] = c.bad[0];
      assert.deepEqual(
        (await h.send(bad)).map((a) => a.text),
        [textReask(q, problem, part)],
      );
      assert.equal(h.savedSession().session?.facts.answers[c.id], undefined);
      // The same check applies to an answer submitted from the card.
      const card = questionCard(h.transcript)!;
      const submitted = await h.submit(card, c.bad[c.bad.length - 1][0]);
      assert.ok(retryCard(submitted), 'the second miss brings the retry card');
      assert.equal(h.savedSession().session?.facts.answers[c.id], undefined);
      await h.submit(card, c.good[0]);
      assert.equal(h.savedSession().session?.facts.answers[c.id], c.good[1]);
    });
  }
});
