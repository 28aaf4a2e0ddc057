import { ComponentDialog, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Case } from '../engine/vocabulary';
import type { Question } from '../engine/verdict';
import type { CardPromptResult } from './card-prompt';
import { CARD_PROMPT, caseDialogId } from './dialog-ids';
import type { DiagnosisEngine } from './engine-port';
import type { SessionStore } from './session';

interface CaseOptions {
  /** How often each question was put in this run (a paste that does not settle it may bring it back). */
  asked: Record<string, number>;
}

/** What the Case dialog hands back: how many questions it put. */
export interface CaseResult {
  asked: number;
}

const MAX_ASKS_PER_QUESTION = 2;
const LOOP = 'loop';

/**
 * Asks the engine's questions of one case (KB 2827473 Case 1 or Case 2, or other) until the engine needs
 * nothing more from that case. Generic over Question objects: it never knows the ids.
 */
export class CaseDialog extends ComponentDialog {
  constructor(readonly caseName: Case, private readonly engine: DiagnosisEngine, private readonly sessions: SessionStore) {
    super(caseDialogId(caseName));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = LOOP;
  }

  /** The next question of this case the engine still needs, skipping answered and over-asked ones. */
  nextQuestion(questions: Question[], answers: Record<string, string>, asked: Record<string, number>): Question | undefined {
    return questions.find((q) => q.case === this.caseName && !(q.id in answers) && (asked[q.id] ?? 0) < MAX_ASKS_PER_QUESTION);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options: CaseOptions = { asked: (step.options as Partial<CaseOptions> | undefined)?.asked ?? {} };
    (step.values as Record<string, unknown>).asked = options.asked;
    const session = await this.sessions.get(step.context);
    const verdict = this.engine.diagnose(session.facts);
    const question = this.nextQuestion(verdict.questions, session.facts.answers, options.asked);
    if (!question) {
      const total = Object.values(options.asked).reduce((a, b) => a + b, 0);
      return step.endDialog({ asked: total } satisfies CaseResult);
    }
    (step.values as Record<string, unknown>).asked = { ...options.asked, [question.id]: (options.asked[question.id] ?? 0) + 1 };
    return step.beginDialog(CARD_PROMPT, { question });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as CardPromptResult;
    const session = await this.sessions.get(step.context);
    let facts = session.facts;
    if (result.pasteKind && result.pasteKind !== 'ndr') {
      // Cmdlet output instead of an answer: merge what it shows and let the engine decide what is left.
      facts = this.engine.mergeFacts(facts, this.engine.recognize(result.value).facts);
      const labels = this.engine.recognize(result.value).facts.inputs?.map((i) => i.label).join(', ');
      await step.context.sendActivity(`Thanks, I read it: ${labels ?? result.pasteKind}.`);
    } else {
      facts = this.engine.applyAnswer(facts, result.questionId, result.value);
    }
    await this.sessions.set(step.context, { ...session, facts });
    return step.replaceDialog(LOOP, { asked: (step.values as Record<string, unknown>).asked as Record<string, number> } satisfies CaseOptions);
  }
}
