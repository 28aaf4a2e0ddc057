import { ComponentDialog, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Case } from '../engine/vocabulary';
import type { CaseResult } from './case-dialog';
import { caseDialogId, DIAGNOSIS_DIALOG } from './dialog-ids';
import type { DiagnosisEngine, LiveChecks } from './engine-port';
import type { SessionStore } from './session';
import { sendVerdict } from './send-verdict';

interface DiagnosisOptions {
  liveDone?: boolean;
  /** Cases whose dialog found nothing left to ask (guards against a loop). */
  exhausted?: Case[];
}

const LOOP = 'diagnosisLoop';

/**
 * One diagnosis: optional live checks, then the Case dialogs in the order the engine's questions come,
 * then the verdict cards.
 */
export class DiagnosisDialog extends ComponentDialog {
  constructor(private readonly engine: DiagnosisEngine, private readonly sessions: SessionStore, private readonly liveChecks?: LiveChecks) {
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
    const question = verdict.questions.find((q) => !(q.id in session.facts.answers) && !exhausted.includes(q.case));
    if (question) {
      (step.values as Record<string, unknown>).case = question.case;
      return step.beginDialog(caseDialogId(question.case));
    }
    await sendVerdict(step.context, this.engine, session.facts);
    await this.sessions.set(step.context, { ...session, lastFacts: session.facts });
    return step.endDialog();
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.values as Record<string, unknown>).options as DiagnosisOptions;
    const result = step.result as CaseResult | undefined;
    const exhausted = [...(options.exhausted ?? [])];
    if (!result || result.asked === 0) exhausted.push((step.values as Record<string, unknown>).case as Case);
    return step.replaceDialog(LOOP, { ...options, liveDone: true, exhausted } satisfies DiagnosisOptions);
  }
}
