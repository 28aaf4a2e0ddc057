import assert from 'node:assert/strict';

import {
  buildClosedQuestionCard,
  buildConfirmRestartCard,
  buildHelpCard,
  buildQuestionCard,
  buildRetryCard,
  buildWelcomeCard,
  CARD_BUDGET_CHARS,
  cardChars,
  type CardJson,
  closedStatusId,
  QUESTION_CLOSE_REASONS,
} from '../../cards/index';
import { emptyFacts } from '../../engine/facts';
import { QUESTION_IDS } from '../../engine/index';
import { QUESTION_CATALOGUE } from '../../engine/questions/question-catalogue';
import { buildContext } from '../../engine/rules/context';
import type { Question } from '../../engine/verdict';
import { HOSTILE } from '../fixtures/cards/verdicts';
import { cardProblems, elementsOfType, markdownRenderedTexts, walk } from '../support/adaptive-card-validator';

// The conversation's own cards (help, "Start over?", the buttons card after two misses, a question closed
// without an answer), validated at Adaptive Cards 1.5 and checked by their ids and action data.

const CATALOGUE: Question[] = QUESTION_IDS.map((id) => QUESTION_CATALOGUE[id].question(buildContext(emptyFacts())));
const HOSTILE_QUESTION: Question = {
  id: 'q.hostile',
  kind: 'choice',
  case: 'case1',
  prompt: HOSTILE,
  why: HOSTILE,
  decides: [],
  choices: [
    { value: 'a', title: HOSTILE },
    { value: 'not-sure', title: 'Not sure' },
  ],
};

function assertValid(card: CardJson, label: string): void {
  assert.deepEqual(cardProblems(card), [], `${label} has validation problems`);
  assert.ok(cardChars(card) <= CARD_BUDGET_CHARS, `${label} is ${cardChars(card)} characters`);
}

function ids(card: CardJson): string[] {
  const out: string[] = [];
  walk(card.body, (n) => {
    if (typeof n.id === 'string') out.push(n.id);
  });
  return out;
}

function submits(card: CardJson): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  walk(card, (n) => {
    if (n.type === 'Action.Submit' || n.type === 'Action.Execute') out.push(n);
  });
  return out;
}

function inputs(card: CardJson): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out.push(n);
  });
  return out;
}

describe("cards: the conversation's cards at Adaptive Cards 1.5", () => {
  it("help card: valid, marked, in the welcome card's style, with the example button only", () => {
    const card = buildHelpCard();
    assertValid(card, 'help');
    assert.ok(ids(card).includes('help-card'));
    assert.deepEqual(
      submits(card).map((a) => a.data),
      [{ verb: 'example' }],
    );
    // The same paste sources as the welcome card, monospace commands.
    const monospace = (c: CardJson) =>
      elementsOfType(c, 'TextRun')
        .filter((r) => r.fontType === 'Monospace')
        .map((r) => r.text);
    assert.deepEqual(monospace(card), monospace(buildWelcomeCard()));
  });

  for (const reason of QUESTION_CLOSE_REASONS) {
    it(`a question closed by "${reason}": valid, says why by id, nothing to click`, () => {
      for (const q of [...CATALOGUE, HOSTILE_QUESTION]) {
        const card = buildClosedQuestionCard(q, reason);
        assertValid(card, `${q.id} ${reason}`);
        assert.deepEqual(ids(card), [closedStatusId(reason)]);
        assert.equal(submits(card).length, 0);
        assert.equal(inputs(card).length, 0);
        assert.equal(card.actions, undefined);
      }
    });
  }

  it('buttons card for a choice: one button per choice (not "not sure"), and a skip, all with the nonce', () => {
    for (const q of [...CATALOGUE.filter((x) => x.kind === 'choice'), HOSTILE_QUESTION]) {
      const card = buildRetryCard(q, 'nonce-1', 'I still could not match that.');
      assertValid(card, `retry ${q.id}`);
      assert.ok(ids(card).includes('retry-question'));
      assert.equal(inputs(card).length, 0);
      const data = submits(card).map((a) => a.data as Record<string, unknown>);
      assert.deepEqual(
        data.filter((d) => !d.skip).map((d) => d.answer),
        q.choices!.filter((c) => c.value !== 'not-sure').map((c) => c.value),
      );
      assert.deepEqual(
        data.filter((d) => d.skip),
        [{ verb: 'answer', nonce: 'nonce-1', questionId: q.id, skip: true }],
      );
      assert.ok(data.every((d) => d.nonce === 'nonce-1' && d.questionId === q.id && d.verb === 'answer'));
      // Each choice is an ActionSet of its own, so long titles stack rather than squeeze into one row.
      assert.equal(
        elementsOfType(card.body, 'ActionSet').length,
        q.choices!.filter((c) => c.value !== 'not-sure').length,
      );
    }
  });

  it('retry card for a text question: the input again, "Send", and a skip that needs no input', () => {
    for (const q of CATALOGUE.filter((x) => x.kind === 'text')) {
      const card = buildRetryCard(q, 'nonce-2', 'That is not a domain name.');
      assertValid(card, `retry ${q.id}`);
      assert.deepEqual(
        inputs(card).map((i) => i.id),
        ['answer'],
      );
      const actions = submits(card);
      assert.deepEqual(
        actions.map((a) => a.data),
        [
          { verb: 'answer', nonce: 'nonce-2', questionId: q.id },
          { verb: 'answer', nonce: 'nonce-2', questionId: q.id, skip: true },
        ],
      );
      assert.equal(actions[1].associatedInputs, 'none', 'skip works with the required input empty');
    }
  });

  it('"Start over?" card: valid, asks with both answers', () => {
    for (const progress of [
      { answers: 0, questionOpen: true, collectingParts: false },
      { answers: 3, questionOpen: true, collectingParts: true },
    ]) {
      const card = buildConfirmRestartCard(progress);
      assertValid(card, 'confirm restart');
      assert.ok(ids(card).includes('confirm-restart'));
      assert.deepEqual(
        submits(card).map((a) => a.data),
        [{ verb: 'restart', confirmed: true }, { verb: 'keep-going' }],
      );
    }
  });

  it('hostile question text stays inert in every new card', () => {
    const cards = [buildClosedQuestionCard(HOSTILE_QUESTION, 'cancel'), buildRetryCard(HOSTILE_QUESTION, 'n', HOSTILE)];
    for (const card of cards) {
      for (const text of markdownRenderedTexts(card)) {
        assert.doesNotMatch(text, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, `markdown link survived: ${text.slice(0, 80)}`);
        assert.doesNotMatch(text, /https?:\/\//i);
        assert.doesNotMatch(text, /(?<!\\)<(img|a)\b/i);
      }
      assert.equal(elementsOfType(card, 'Image').length, 0);
    }
  });

  it('question cards of every catalogue question still validate (choice synonyms stay out of the card)', () => {
    for (const q of CATALOGUE) {
      const card = buildQuestionCard(q, 'n');
      assertValid(card, q.id);
      assert.ok(!JSON.stringify(card).includes('synonyms'));
      // Commands break between properties on a narrow card, never inside a property name.
      if (q.command) assert.doesNotMatch(q.command, /,\S/, `${q.id}: a comma without a space`);
    }
  });
});
