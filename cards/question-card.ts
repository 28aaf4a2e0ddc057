import { NOT_SURE_VALUE } from '../engine/questions/answer-types';
import type { Question } from '../engine/verdict';
import type { CardElement, CardJson } from './card-json';
import { CASE_WORDS, moreLines, QUESTION_TEXTS, runThisIn, typeHint } from './card-texts';
import { REFRESH_VERB } from './execute-action';
import { clip, markdownSafe, noTextFunctions } from './safe-text';
import { expandTemplate } from './template';
import answeredTemplate from './templates/answered.json';
import questionTemplate from './templates/question.json';

/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/** Id of the input that carries the answer in the submit payload. */
const ANSWER_INPUT_ID = 'answer';
export const ANSWER_VERB = 'answer';

/** The input a question is answered with: choices by kind, else a text box. */
export function questionInput(question: Question): CardElement {
  if (question.kind === 'choice') {
    return {
      type: 'Input.ChoiceSet',
      id: ANSWER_INPUT_ID,
      style: 'expanded',
      label: QUESTION_TEXTS.answerLabel,
      isRequired: true,
      errorMessage: QUESTION_TEXTS.pickOne,
      choices: (question.choices ?? []).map((c) => ({ title: clip(c.title, 200), value: c.value })),
    };
  }
  return {
    type: 'Input.Text',
    id: ANSWER_INPUT_ID,
    isMultiline: question.kind === 'paste',
    label: question.kind === 'paste' ? QUESTION_TEXTS.pasteLabel : QUESTION_TEXTS.answerLabel,
    isRequired: true,
    errorMessage: QUESTION_TEXTS.typeOrPaste,
    placeholder: clip(question.placeholder ?? (question.kind === 'paste' ? QUESTION_TEXTS.pastePlaceholder : ''), 200),
  };
}

/** Cmdlets of Exchange Online (run in Exchange Online PowerShell); the others run on premises. */
const ONLINE_CMDLETS = /\b(Get|Set|New)-(InboundConnector|OutboundConnector|AcceptedDomain)\b/i;

/** Where the question's command runs, in the admin's words. */
function shellFor(command: string): string {
  return ONLINE_CMDLETS.test(command) ? QUESTION_TEXTS.onlineShell : QUESTION_TEXTS.onPremisesShell;
}

/**
 * A question card: the engine's question rendered by its kind, tagged with a one-time nonce. `refreshFor`
 * (group chats and channels) adds a Universal Actions refresh for those users: Teams asks the bot for the
 * card's current state when they see it, so a card scrolled back to later shows answered or closed.
 */
export function buildQuestionCard(question: Question, nonce: string, refreshFor?: string[]): CardJson {
  const card = expandTemplate(questionTemplate, {
    caseTitle: markdownSafe(CASE_WORDS[question.case] ?? question.case),
    prompt: markdownSafe(question.prompt),
    why: markdownSafe(question.why),
    hasCommand: Boolean(question.command),
    runIn: runThisIn(shellFor(question.command ?? '')),
    typeHint: typeHint(question.kind === 'choice', Boolean(question.command)),
    command: noTextFunctions(clip(question.command ?? '', 1000)),
    input: questionInput(question),
    submitTitle: question.kind === 'choice' ? QUESTION_TEXTS.answerButton : QUESTION_TEXTS.sendButton,
    nonce,
    questionId: question.id,
  });
  if (refreshFor && refreshFor.length > 0) {
    card.refresh = {
      action: {
        type: 'Action.Execute',
        verb: REFRESH_VERB,
        data: { verb: REFRESH_VERB, nonce, questionId: question.id },
      },
      userIds: refreshFor.slice(0, MAX_REFRESH_USERS),
    };
  }
  return card;
}

/** How an answer reads back: the choice's title, or the text (cut) that was typed or pasted. */
function answerLabel(question: Question, value: string): string {
  const choice = question.choices?.find((c) => c.value === value);
  if (choice) return choice.title;
  if (value === NOT_SURE_VALUE) return QUESTION_TEXTS.skipped;
  const firstLine = value.trim().split(/\r?\n/)[0] ?? '';
  const lines = value.trim().split(/\r?\n/).length;
  return lines > 1 ? moreLines(clip(firstLine, 120), lines - 1) : clip(firstLine, 300);
}

/** The read-only version that replaces a question card once it is answered. */
export function buildAnsweredCard(question: Question, value: string): CardJson {
  return expandTemplate(answeredTemplate, {
    texts: QUESTION_TEXTS,
    caseTitle: markdownSafe(CASE_WORDS[question.case] ?? question.case),
    prompt: markdownSafe(question.prompt),
    answer: noTextFunctions(answerLabel(question, value)),
  });
}
