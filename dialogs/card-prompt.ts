import { randomUUID } from 'node:crypto';

import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogEvent, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';

import type { CardJson } from '../cards/card-json';
import {
  buildClosedQuestionCard,
  buildStaleQuestionCard,
  type QuestionCloseReason,
  type StaleQuestionState,
} from '../cards/closed-question-card';
import { REFRESH_VERB } from '../cards/execute-action';
import { ANSWER_VERB, buildAnsweredCard, buildQuestionCard } from '../cards/question-card';
import { buildRetryCard } from '../cards/retry-card';
import type { InputKind } from '../engine/facts';
import { type AnswerProblem, isNotSureAnswer, NOT_SURE_VALUE, validateAnswer } from '../engine/index';
import type { Question } from '../engine/verdict';
import { isCardAction, isUserTurn, respondToCardAction, submittedValue } from './card-action';
import { cardActivity } from './card-attachment';
import { type DiagnosisEngine, PASTE_KINDS, recognizeInTurn } from './engine-port';
import { matchChoice } from './match-choice';
import {
  ALREADY_ANSWERED,
  choiceReask,
  PICK_AN_ANSWER_FIRST,
  PICK_OR_SKIP,
  QUESTION_NOT_OPEN,
  retryProblem,
  textReask,
  TYPE_AN_ANSWER_FIRST,
} from './replies';
import { type ClosedCard, rememberClosedCard, type Session, type SessionStore } from './session';

export interface CardPromptOptions {
  question: Question;
}

/** How the question was answered. `pasteKind` is set when the text was cmdlet output or a report: facts, not an answer. */
export interface CardPromptResult {
  questionId: string;
  value: string;
  via: 'card' | 'typed';
  pasteKind?: InputKind;
}

interface CardPromptState {
  question: Question;
  nonce: string;
  activityId?: string;
  /** Answers that matched no choice or failed validation: one re-ask, then the buttons card. */
  misses?: number;
  /** The buttons card sent after the second miss, updated with the question card once answered. */
  retryActivityId?: string;
}

/** Submit payload of a question card: the action's data merged with the input (inputs are strings). */
const AnswerSubmitSchema = z.object({
  verb: z.literal(ANSWER_VERB),
  nonce: z.string().min(1).max(100),
  questionId: z.string().max(200).optional(),
  answer: z.string().max(100_000).optional(),
  /** The "Skip" button of the buttons card. */
  skip: z.boolean().optional(),
});

/** The refresh Teams sends for a question card (cards/question-card.ts): it only reads, never answers. */
const RefreshSchema = z
  .object({
    verb: z.literal(REFRESH_VERB),
    nonce: z.string().min(1).max(100),
    questionId: z.string().max(200).optional(),
  })
  .passthrough();

const STATE = 'cardPrompt';

/** Event the root emits (from the leaf) to have the open question card sent again, e.g. after a reload. */
export const RESEND_QUESTION_EVENT = 'relayDoctor.resendQuestion';
/**
 * Event the root emits (from the leaf) before it cancels the dialogs, with the reason as value, so the open
 * card says why it closed. (Cancelling alone does not reach this dialog: the dialogs of a case are
 * registered on the root, and a component's cancel cascade cannot find them from its own set.)
 */
export const CLOSE_QUESTION_EVENT = 'relayDoctor.closeQuestion';

/** The reply to a click on a question card that is not the open one. */
function staleClickReply(answers: Record<string, string>, questionId: string | undefined): string {
  return questionId !== undefined && answers[questionId] !== undefined ? ALREADY_ANSWERED : QUESTION_NOT_OPEN;
}

/** The state of a question card that is not the open one: as recorded by its nonce, else from the answers. */
function staleQuestionState(
  session: Session,
  nonce: string | undefined,
  questionId: string | undefined,
): StaleQuestionState {
  const closed = nonce ? session.closedCards?.find((c) => c.nonce === nonce) : undefined;
  if (closed) return closed.state;
  return questionId !== undefined && session.facts.answers[questionId] !== undefined ? 'answered' : 'unknown';
}

/**
 * A click on a question card that is not the open one does nothing but say so: an Action.Execute gets the
 * stale card in the invoke response (it replaces the clicked card), a message submit a text reply.
 */
export async function answerStaleClick(context: TurnContext, sessions: SessionStore, value: unknown): Promise<void> {
  const session = await sessions.get(context);
  const parsed = z
    .object({ nonce: z.string().max(100).optional(), questionId: z.string().max(200).optional() })
    .passthrough()
    .safeParse(value);
  const nonce = parsed.success ? parsed.data.nonce : undefined;
  const questionId = parsed.success ? parsed.data.questionId : undefined;
  if (isCardAction(context.activity)) {
    respondToCardAction(context, { card: buildStaleQuestionCard(staleQuestionState(session, nonce, questionId)) });
    return;
  }
  await context.sendActivity(staleClickReply(session.facts.answers, questionId));
}

/** Records a question card as no longer open, so its buttons can say why later. */
async function recordClosed(context: TurnContext, sessions: SessionStore, closed: ClosedCard): Promise<void> {
  const session = await sessions.get(context);
  await sessions.set(context, { ...session, closedCards: rememberClosedCard(session.closedCards, closed) });
}

/** Group chats and channels: the asker gets a refresh on the card (cards/question-card.ts). */
function refreshUsers(context: TurnContext): string[] | undefined {
  const { conversation, from } = context.activity;
  const type = conversation?.conversationType;
  return type && type !== 'personal' && from?.id ? [from.id] : undefined;
}

type Check = { ok: true; value: string } | { ok: false; problem?: AnswerProblem; part?: string };

/** A typed or submitted answer against the question: a choice, a valid value of its type, or "not sure". */
function checkAnswer(question: Question, text: string): Check {
  if (question.kind === 'choice') {
    const value = matchChoice(question, text) ?? (isNotSureAnswer(text) ? NOT_SURE_VALUE : undefined);
    return value ? { ok: true, value } : { ok: false };
  }
  if (question.answerType) {
    const r = validateAnswer(question.answerType, text);
    if (r.outcome === 'invalid') return { ok: false, problem: r.problem, part: r.part };
    return { ok: true, value: r.value };
  }
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  return { ok: true, value: isNotSureAnswer(text) ? NOT_SURE_VALUE : text.trim() };
}

/**
 * Sends a question card and waits for either a matching card action (verb + one-time nonce; an
 * Action.Execute invoke or a message submit) or a typed answer. A valid answer replaces the card with a
 * read-only "answered" card. An answer that matches no choice or is not a usable value is asked again
 * once, then the choices come as buttons with a skip. Cancelled, the card says so and loses its inputs.
 */
export class CardPrompt extends Dialog<CardPromptOptions> {
  constructor(
    id: string,
    private readonly engine: DiagnosisEngine,
    private readonly sessions: SessionStore,
  ) {
    super(id);
  }

  async beginDialog(dc: DialogContext, options?: CardPromptOptions): Promise<DialogTurnResult> {
    if (!options?.question) throw new Error('CardPrompt needs a question');
    const state: CardPromptState = { question: options.question, nonce: randomUUID() };
    const sent = await dc.context.sendActivity(
      cardActivity(buildQuestionCard(options.question, state.nonce, refreshUsers(dc.context))),
    );
    state.activityId = sent?.id;
    dc.activeDialog!.state[STATE] = state;
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (!isUserTurn(activity)) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state[STATE] as CardPromptState;
    const { question } = state;
    const value = submittedValue(activity);

    if (value !== undefined && value !== null) {
      const refresh = RefreshSchema.safeParse(value);
      if (refresh.success) {
        // Teams asks for the card's current state: the open question as it is, or why an old one is closed.
        if (refresh.data.nonce === state.nonce)
          respondToCardAction(dc.context, { card: buildQuestionCard(question, state.nonce, refreshUsers(dc.context)) });
        else await answerStaleClick(dc.context, this.sessions, value);
        return Dialog.EndOfTurn;
      }
      const submit = AnswerSubmitSchema.safeParse(value);
      if (!submit.success || submit.data.nonce !== state.nonce) {
        await answerStaleClick(dc.context, this.sessions, value);
        return Dialog.EndOfTurn;
      }
      if (submit.data.skip)
        return this.finish(dc, state, { questionId: question.id, value: NOT_SURE_VALUE, via: 'card' });
      const answer = (submit.data.answer ?? '').trim();
      if (answer === '') {
        const please = question.kind === 'choice' ? PICK_AN_ANSWER_FIRST : TYPE_AN_ANSWER_FIRST;
        await dc.context.sendActivity(please);
        respondToCardAction(dc.context, { message: please });
        return Dialog.EndOfTurn;
      }
      const checked = checkAnswer(question, answer);
      if (!checked.ok) return this.miss(dc, state, checked);
      return this.finish(dc, state, { questionId: question.id, value: checked.value, via: 'card' });
    }

    const text = (activity.text ?? '').trim();
    if (text === '') return Dialog.EndOfTurn;
    const recognized = recognizeInTurn(dc.context, this.engine, text);
    if (PASTE_KINDS.has(recognized.kind)) {
      return this.finish(dc, state, { questionId: question.id, value: text, via: 'typed', pasteKind: recognized.kind });
    }
    const checked = checkAnswer(question, text);
    if (!checked.ok) return this.miss(dc, state, checked);
    return this.finish(dc, state, { questionId: question.id, value: checked.value, via: 'typed' });
  }

  /** Nothing usable: say why once, then offer buttons and a skip, then only point at them. */
  private async miss(
    dc: DialogContext,
    state: CardPromptState,
    checked: { problem?: AnswerProblem; part?: string },
  ): Promise<DialogTurnResult> {
    const { question } = state;
    state.misses = (state.misses ?? 0) + 1;
    if (state.misses === 1) {
      const reask =
        question.kind === 'choice' || !checked.problem
          ? choiceReask(question)
          : textReask(question, checked.problem, checked.part);
      await dc.context.sendActivity(reask);
    } else if (!state.retryActivityId) {
      const card = buildRetryCard(question, state.nonce, retryProblem(question, checked.problem, checked.part));
      const sent = await dc.context.sendActivity(cardActivity(card));
      state.retryActivityId = sent?.id ?? '';
    } else {
      await dc.context.sendActivity(
        question.kind === 'choice' || !checked.problem
          ? PICK_OR_SKIP
          : textReask(question, checked.problem, checked.part),
      );
    }
    return Dialog.EndOfTurn;
  }

  private async finish(dc: DialogContext, state: CardPromptState, result: CardPromptResult): Promise<DialogTurnResult> {
    const answered = buildAnsweredCard(state.question, result.value);
    // Both for everyone in the chat (updateActivity) and, on a click, for the clicker at once (invoke response).
    await replaceCard(dc.context, state.activityId, answered);
    await replaceCard(dc.context, state.retryActivityId, answered);
    respondToCardAction(dc.context, { card: answered });
    await recordClosed(dc.context, this.sessions, { nonce: state.nonce, state: 'answered' });
    return dc.endDialog(result);
  }

  /** "help" or "show fix" at an open question (perhaps after a reload that emptied the chat): ask it again below. */
  protected async onPreBubbleEvent(dc: DialogContext, e: DialogEvent): Promise<boolean> {
    const state = dc.activeDialog?.state[STATE] as CardPromptState | undefined;
    if (!state) return false;
    if (e.name === CLOSE_QUESTION_EVENT) {
      const reason = e.value as QuestionCloseReason;
      const closed = buildClosedQuestionCard(state.question, reason);
      await replaceCard(dc.context, state.activityId, closed);
      await replaceCard(dc.context, state.retryActivityId, closed);
      if (reason !== 'moved') await recordClosed(dc.context, this.sessions, { nonce: state.nonce, state: reason });
      return true;
    }
    if (e.name !== RESEND_QUESTION_EVENT) return false;
    const moved = buildClosedQuestionCard(state.question, 'moved');
    await replaceCard(dc.context, state.activityId, moved);
    await replaceCard(dc.context, state.retryActivityId, moved);
    const sent = await dc.context.sendActivity(
      cardActivity(buildQuestionCard(state.question, state.nonce, refreshUsers(dc.context))),
    );
    state.activityId = sent?.id;
    state.retryActivityId = undefined;
    return true;
  }
}

async function replaceCard(context: TurnContext, activityId: string | undefined, card: CardJson): Promise<void> {
  if (!activityId) return;
  try {
    await context.updateActivity({ ...cardActivity(card), id: activityId });
  } catch {
    // Some channels cannot update messages; the answer stands either way.
  }
}
