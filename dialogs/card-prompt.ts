import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Question } from '../engine/verdict';
import type { InputKind } from '../engine/facts';
import { ANSWER_VERB, buildAnsweredCard, buildQuestionCard } from '../cards/question-card';
import { cardActivity } from './card-attachment';
import { PASTE_KINDS, recognizeInTurn, type DiagnosisEngine } from './engine-port';
import { matchChoice } from './match-choice';

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
}

/** Submit payload of a question card: the action's data merged with the input (inputs are strings). */
export const AnswerSubmitSchema = z.object({
  verb: z.literal(ANSWER_VERB),
  nonce: z.string().min(1).max(100),
  questionId: z.string().max(200).optional(),
  answer: z.string().max(100_000).optional(),
});

const STATE = 'cardPrompt';

export const ALREADY_ANSWERED = 'That question was already answered, so I did not run it again.';

/**
 * Sends a question card and waits for either a matching Action.Submit (verb + one-time nonce) or a typed
 * answer. A valid answer replaces the card with a read-only "answered" card; a click on any older card
 * gets "already answered" and changes nothing.
 */
export class CardPrompt extends Dialog<CardPromptOptions> {
  constructor(id: string, private readonly engine: DiagnosisEngine) {
    super(id);
  }

  async beginDialog(dc: DialogContext, options?: CardPromptOptions): Promise<DialogTurnResult> {
    if (!options?.question) throw new Error('CardPrompt needs a question');
    const state: CardPromptState = { question: options.question, nonce: randomUUID() };
    const sent = await dc.context.sendActivity(cardActivity(buildQuestionCard(options.question, state.nonce)));
    state.activityId = sent?.id;
    dc.activeDialog!.state[STATE] = state;
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state[STATE] as CardPromptState;
    const { question } = state;

    if (activity.value !== undefined && activity.value !== null) {
      const submit = AnswerSubmitSchema.safeParse(activity.value);
      if (!submit.success || submit.data.nonce !== state.nonce) {
        await dc.context.sendActivity(ALREADY_ANSWERED);
        return Dialog.EndOfTurn;
      }
      const answer = (submit.data.answer ?? '').trim();
      const value = question.kind === 'choice' ? matchChoice(question, answer) : answer;
      if (!value) {
        await dc.context.sendActivity(question.kind === 'choice' ? 'Please pick one of the answers on the card.' : 'Please type or paste an answer first.');
        return Dialog.EndOfTurn;
      }
      return this.finish(dc, state, { questionId: question.id, value, via: 'card' });
    }

    const text = (activity.text ?? '').trim();
    if (text === '') return Dialog.EndOfTurn;
    const recognized = recognizeInTurn(dc.context, this.engine, text);
    if (PASTE_KINDS.has(recognized.kind)) {
      return this.finish(dc, state, { questionId: question.id, value: text, via: 'typed', pasteKind: recognized.kind });
    }
    if (question.kind === 'choice') {
      const value = matchChoice(question, text);
      if (!value) {
        const options = (question.choices ?? []).map((c) => `"${c.title}"`).join(', ');
        await dc.context.sendActivity(`I did not get that. Answer with one of ${options}, click an answer on the card, or paste the cmdlet output.`);
        return Dialog.EndOfTurn;
      }
      return this.finish(dc, state, { questionId: question.id, value, via: 'typed' });
    }
    return this.finish(dc, state, { questionId: question.id, value: text, via: 'typed' });
  }

  private async finish(dc: DialogContext, state: CardPromptState, result: CardPromptResult): Promise<DialogTurnResult> {
    await replaceWithAnswered(dc.context, state, result.value);
    return dc.endDialog(result);
  }
}

async function replaceWithAnswered(context: TurnContext, state: CardPromptState, value: string): Promise<void> {
  if (!state.activityId) return;
  try {
    await context.updateActivity({ ...cardActivity(buildAnsweredCard(state.question, value)), id: state.activityId });
  } catch {
    // Some channels cannot update messages; the answer stands either way.
  }
}
