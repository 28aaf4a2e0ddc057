import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';

import type { Case } from '../engine/vocabulary';
import { canAsk, type CaseOptions, type CaseResult } from './case-dialog';
import { caseDialogId, DIAGNOSIS_DIALOG } from './dialog-ids';
import type { DiagnosisEngine, LiveChecks } from './engine-port';
import { sendVerdict } from './send-verdict';
import { type AskCounts, rememberVerdict, type SessionStore } from './session';

interface DiagnosisOptions {
  liveDone?: boolean;
  /** Cases whose dialog found nothing left to ask (guards against a loop). */
  exhausted?: Case[];
  /** Ask counts of the case: each Case dialog run starts from these, so limits hold across runs. */
  asked?: AskCounts;
}

const LOOP = 'diagnosisLoop';

/**
 * One diagnosis: optional live checks, then the Case dialogs in the order the engine's questions come,
 * then the verdict cards.
 */
export class DiagnosisDialog extends ComponentDialog {
  constructor(
    private readonly engine: DiagnosisEngine,
    private readonly sessions: SessionStore,
    private readonly liveChecks?: LiveChecks,
  ) {
    super(DIAGNOSIS_DIALOG);
    this.addDialog(new WaterfallDialog(LOOP, [this.next.bind(this), this.loop.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async next(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options as DiagnosisOptions | undefined) ?? {};
    (step.values as Record<string, unknown>).options = options;
    let session = await this.sessions.get(step.context);
    if (!options.liveDone && this.liveChecks && (session.facts.domain || session.facts.ndrs.length > 0)) {
      try {
        // The checks may take up to their budget (3 s): show the user that the bot is working.
        await step.context.sendActivity({ type: ActivityTypes.Typing });
        const live = await this.liveChecks(session.facts);
        session = { ...session, facts: this.engine.mergeFacts(session.facts, { live }) };
        await this.sessions.set(step.context, session);
      } catch {
        // Live checks are a bonus; the diagnosis stands on what was pasted.
      }
      (step.values as Record<string, unknown>).options = { ...options, liveDone: true };
    }
    const verdict = this.engine.diagnose(session.facts);
    const exhausted = options.exhausted ?? [];
    // The first step starts from the case's counts, kept in the session by earlier diagnoses.
    const asked = options.asked ?? session.asked ?? {};
    const question = verdict.questions.find(
      (q) => canAsk(q, session.facts.answers, asked) && !exhausted.includes(q.case),
    );
    if (question) {
      (step.values as Record<string, unknown>).case = question.case;
      return step.beginDialog(caseDialogId(question.case), { asked } satisfies CaseOptions);
    }
    const verdictId = await sendVerdict(step.context, this.engine, session.facts);
    const verdicts = verdictId
      ? rememberVerdict(session.verdicts, { id: verdictId, facts: session.facts })
      : session.verdicts;
    await this.sessions.set(step.context, { ...session, asked, verdicts });
    return step.endDialog();
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Record<string, unknown>;
    const options = values.options as DiagnosisOptions;
    const result = step.result as CaseResult | undefined;
    const exhausted = [...(options.exhausted ?? [])];
    if (!result || result.put === 0) exhausted.push(values.case as Case);
    const asked = result?.asked ?? options.asked;
    return step.replaceDialog(LOOP, { ...options, liveDone: true, exhausted, asked } satisfies DiagnosisOptions);
  }
}
