import type { Question } from '../engine/verdict';
import type { CardJson } from './card-json';
import { CASE_WORDS, CLOSED_QUESTION_TEXTS, STALE_QUESTION_TEXTS } from './card-texts';
import { markdownSafe } from './safe-text';
import { expandTemplate } from './template';
import template from './templates/closed-question.json';
import staleTemplate from './templates/stale-question.json';

/** Why an open question card was closed without an answer. */
export const QUESTION_CLOSE_REASONS = ['cancel', 'restart', 'new-case', 'example', 'moved'] as const;
export type QuestionCloseReason = (typeof QUESTION_CLOSE_REASONS)[number];

const STATUS: Record<QuestionCloseReason, { label: string; text: string }> = CLOSED_QUESTION_TEXTS;

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

/**
 * What a click on a question card that is not the open one finds: answered, closed for a reason (kept in
 * the session by card nonce), or unknown (older than what is kept, or from another conversation).
 */
export type StaleQuestionState = 'answered' | Exclude<QuestionCloseReason, 'moved'> | 'unknown';

const STALE: Record<StaleQuestionState, { label: string; text: string }> = CLOSED_QUESTION_TEXTS;

/** The id of a stale card's status line. */
export function staleStatusId(state: StaleQuestionState): string {
  return `question-stale-${state}`;
}

/**
 * The card an old question card's button gets back (in the `adaptiveCard/action` invoke response): it says
 * why nothing happened and has no inputs or actions. Without the question's text: only the open question is kept.
 */
export function buildStaleQuestionCard(state: StaleQuestionState): CardJson {
  return expandTemplate(staleTemplate, {
    texts: STALE_QUESTION_TEXTS,
    statusId: staleStatusId(state),
    statusLabel: STALE[state].label,
    status: STALE[state].text,
  });
}
