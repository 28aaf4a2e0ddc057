import assert from 'node:assert/strict';

import {
  buildConfirmRestartCard,
  buildHelpCard,
  buildQuestionCard,
  buildRetryCard,
  buildStaleQuestionCard,
  buildVerdictCards,
  buildWelcomeCard,
  type CardJson,
  type StaleQuestionState,
  staleStatusId,
} from '../../cards/index';
import { MAX_REFRESH_USERS } from '../../cards/question-card';
import type { Question } from '../../engine/verdict';
import { simpleVerdict } from '../fixtures/cards/verdicts';
import { cardProblems, elementsOfType, walk } from '../support/adaptive-card-validator';

// Universal Actions: every button the bot sends is an Action.Execute whose verb equals its data's verb
// (so the invoke and a message submit read the same), and the cards still validate at 1.5.

const question: Question = {
  id: 'case2.accepted-domain',
  case: 'case2',
  kind: 'choice',
  prompt: 'Is contoso.com an accepted domain?',
  why: 'EOP needs it.',
  choices: [
    { title: 'Yes', value: 'yes' },
    { title: 'No', value: 'no' },
  ],
} as Question;

function actions(card: CardJson): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  walk(card, (n) => {
    if (
      typeof n.type === 'string' &&
      n.type.startsWith('Action.') &&
      n.type !== 'Action.ShowCard' &&
      n.type !== 'Action.OpenUrl'
    )
      out.push(n);
  });
  return out;
}

describe('cards: Universal Actions (Action.Execute)', () => {
  const cards: Array<[string, CardJson]> = [
    ['question', buildQuestionCard(question, 'n-1')],
    ['retry', buildRetryCard(question, 'n-1', 'Pick one.')],
    ['welcome', buildWelcomeCard()],
    ['help', buildHelpCard()],
    ['confirm restart', buildConfirmRestartCard({ answers: 1, questionOpen: true, collectingParts: false })],
    ...buildVerdictCards(simpleVerdict(), { verdictId: 'v1' }).map((c, i): [string, CardJson] => [`verdict ${i}`, c]),
  ];
  for (const [name, card] of cards) {
    it(`${name}: every action is an Action.Execute with its verb in the data too; valid at 1.5`, () => {
      assert.deepEqual(cardProblems(card), []);
      for (const a of actions(card)) {
        assert.equal(a.type, 'Action.Execute', `${name}: ${JSON.stringify(a)}`);
        assert.equal(typeof a.verb, 'string');
        assert.equal((a.data as { verb?: string }).verb, a.verb);
      }
    });
  }

  it('the verdict offers plain text, ticket and start over as Execute verbs', () => {
    const verbs = buildVerdictCards(simpleVerdict(), { verdictId: 'v1' }).flatMap((c) => actions(c).map((a) => a.verb));
    assert.deepEqual(verbs.sort(), ['plain-text', 'restart', 'ticket']);
  });

  it('a question card in a group chat carries a refresh for the listed users (at most 60), still valid', () => {
    const users = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const card = buildQuestionCard(question, 'n-2', users);
    assert.deepEqual(cardProblems(card), []);
    const refresh = card.refresh as {
      action: { type: string; verb: string; data: Record<string, string> };
      userIds: string[];
    };
    assert.equal(refresh.action.type, 'Action.Execute');
    assert.equal(refresh.action.verb, 'refresh');
    assert.deepEqual(refresh.action.data, { verb: 'refresh', nonce: 'n-2', questionId: question.id });
    assert.equal(refresh.userIds.length, MAX_REFRESH_USERS);
    assert.equal(MAX_REFRESH_USERS, 60);
  });

  for (const state of ['answered', 'cancel', 'restart', 'new-case', 'example', 'unknown'] as StaleQuestionState[]) {
    it(`stale card (${state}) validates, names its state by id and has nothing to click`, () => {
      const card = buildStaleQuestionCard(state);
      assert.deepEqual(cardProblems(card), []);
      assert.equal(card.actions, undefined);
      assert.equal(elementsOfType(card, 'Input.ChoiceSet').length + elementsOfType(card, 'Input.Text').length, 0);
      const ids: string[] = [];
      walk(card, (n) => {
        if (typeof n.id === 'string') ids.push(n.id);
      });
      assert.deepEqual(ids, [staleStatusId(state)]);
    });
  }
});
