import type { Question } from '../engine/verdict';
import template from './templates/closed-question.json';
import type { CardJson } from './card-json';
import { CASE_WORDS } from './family-words';
import { markdownSafe } from './safe-text';
import { expandTemplate } from './template';

/** Why an open question card was closed without an answer. */
export const QUESTION_CLOSE_REASONS = ['cancel', 'restart', 'new-case', 'example', 'moved'] as const;
export type QuestionCloseReason = (typeof QUESTION_CLOSE_REASONS)[number];

const STATUS: Record<QuestionCloseReason, { label: string; text: string }> = {
  cancel: { label: 'Cancelled: ', text: 'you said "cancel", so nothing was recorded for this question.' },
  restart: { label: 'Cancelled: ', text: 'you started over, so nothing was recorded for this question.' },
  'new-case': { label: 'Closed: ', text: 'a new report started a new case.' },
  example: { label: 'Closed: ', text: 'the example started a new case.' },
  moved: { label: 'Asked again below. ', text: 'Answer it there.' },
};

/** The id of the status line, which says why the card was closed (tests and clients read it). */
export function closedStatusId(reason: QuestionCloseReason): string {
  return `question-${reason}`;
}

/** The read-only version of a question card closed without an answer: no inputs, no actions. */
export function buildClosedQuestionCard(question: Question, reason: QuestionCloseReason): CardJson {
  return expandTemplate(template, {
    caseTitle: markdownSafe(CASE_WORDS[question.case] ?? question.case),
    prompt: markdownSafe(question.prompt),
    statusId: closedStatusId(reason),
    statusLabel: STATUS[reason].label,
    status: STATUS[reason].text,
  });
}
