import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';

import type { Question } from '../engine/verdict';
import type { Case } from '../engine/vocabulary';
import type { CardPromptResult } from './card-prompt';
import { CARD_PROMPT, caseDialogId } from './dialog-ids';
import { type DiagnosisEngine, recognizeInTurn } from './engine-port';
import { FACTS_TRIMMED, readItReply } from './replies';
import type { AskCounts, SessionStore } from './session';

/** What the Diagnosis dialog hands in: the counts so far, so a restarted Case dialog does not reset them. */
export interface CaseOptions {
  asked?: AskCounts;
}

/** What the Case dialog hands back: the updated counts and how many questions this run put. */
export interface CaseResult {
  asked: AskCounts;
  put: number;
}

/** A paste that does not settle a question may bring it back once; after that the engine goes without it. */
export const MAX_ASKS_PER_QUESTION = 2;
const LOOP = 'loop';

/** The question is still worth putting: not answered and not asked to its limit. */
export function canAsk(question: Question, answers: Record<string, string>, asked: AskCounts): boolean {
  return !(question.id in answers) && (asked[question.id] ?? 0) < MAX_ASKS_PER_QUESTION;
}

interface LoopState {
  asked: AskCounts;
  put: number;
}

/**
 * Asks the engine's questions of one case (KB 2827473 Case 1 or Case 2, or other) until the engine needs
 * nothing more from that case. Generic over Question objects: it never knows the ids.
 */
export class CaseDialog extends ComponentDialog {
  constructor(
    readonly caseName: Case,
    private readonly engine: DiagnosisEngine,
    private readonly sessions: SessionStore,
  ) {
    super(caseDialogId(caseName));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = LOOP;
  }

  /** The next question of this case the engine still needs, skipping answered and over-asked ones. */
  nextQuestion(questions: Question[], answers: Record<string, string>, asked: AskCounts): Question | undefined {
    return questions.find((q) => q.case === this.caseName && canAsk(q, answers, asked));
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = step.options as Partial<LoopState> | undefined;
    const loop: LoopState = { asked: given?.asked ?? {}, put: given?.put ?? 0 };
    const session = await this.sessions.get(step.context);
    const verdict = this.engine.diagnose(session.facts);
    const question = this.nextQuestion(verdict.questions, session.facts.answers, loop.asked);
    if (!question) return step.endDialog({ asked: loop.asked, put: loop.put } satisfies CaseResult);
    (step.values as Record<string, unknown>).loop = {
      asked: { ...loop.asked, [question.id]: (loop.asked[question.id] ?? 0) + 1 },
      put: loop.put + 1,
    } satisfies LoopState;
    return step.beginDialog(CARD_PROMPT, { question });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as CardPromptResult;
    const session = await this.sessions.get(step.context);
    let facts = session.facts;
    if (result.pasteKind) {
      // Cmdlet output or report text instead of an answer: merge what it shows, never store it as the
      // answer, and let the engine decide what is left.
      const pasted = recognizeInTurn(step.context, this.engine, result.value).facts;
      facts = this.engine.mergeFacts(facts, pasted);
      const labels = pasted.inputs?.map((i) => i.label).join(', ');
      await step.context.sendActivity(readItReply(labels || result.pasteKind));
    } else {
      facts = this.engine.applyAnswer(facts, result.questionId, result.value);
    }
    if (await this.sessions.set(step.context, { ...session, facts })) await step.context.sendActivity(FACTS_TRIMMED);
    return step.replaceDialog(LOOP, (step.values as Record<string, unknown>).loop as LoopState);
  }
}
