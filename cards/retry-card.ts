import { NOT_SURE_VALUE } from '../engine/questions/answer-types';
import type { Question } from '../engine/verdict';
import type { CardJson } from './card-json';
import { CASE_WORDS, QUESTION_TEXTS, SKIP_TITLE } from './card-texts';
import { executeAction } from './execute-action';
import { ANSWER_VERB, questionInput } from './question-card';
import { clip, markdownSafe } from './safe-text';
import { expandTemplate } from './template';
import template from './templates/retry.json';

/** Buttons do not wrap in Teams: the title without its parenthetical property name ("(SenderIPAddresses)"). */
function buttonTitle(title: string): string {
  const short = title.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return clip(short === '' ? title : short, 60);
}

/**
 * Sent when a typed answer still matched nothing after one re-ask: each choice as a button of its own
 * (stacked, so long titles wrap) and a skip, or for a text question the input again with a skip. The
 * buttons carry the open question's nonce, so they answer it like the card itself.
 */
export function buildRetryCard(question: Question, nonce: string, problem: string): CardJson {
  const key = { verb: ANSWER_VERB, nonce, questionId: question.id };
  const isChoice = question.kind === 'choice';
  const buttons = isChoice
    ? (question.choices ?? [])
        .filter((c) => c.value !== NOT_SURE_VALUE)
        .map((c) => ({ title: buttonTitle(c.title), data: { ...key, answer: c.value } }))
    : [];
  const skip = executeAction(SKIP_TITLE, { ...key, skip: true }, { associatedInputs: 'none' });
  const actions = isChoice ? [skip] : [executeAction(QUESTION_TEXTS.sendButton, key), skip];
  return expandTemplate(template, {
    caseTitle: markdownSafe(CASE_WORDS[question.case] ?? question.case),
    prompt: markdownSafe(question.prompt),
    problem: markdownSafe(problem),
    buttons,
    hasInput: !isChoice,
    input: isChoice ? {} : questionInput(question),
    actions,
  });
}
