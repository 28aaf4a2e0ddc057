import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';

import type { QuestionCloseReason } from '../cards/closed-question-card';
import { buildConfirmRestartCard, KEEP_GOING_VERB } from '../cards/confirm-restart-card';
import { REFRESH_VERB } from '../cards/execute-action';
import { buildHelpCard } from '../cards/help-card';
import { ANSWER_VERB } from '../cards/question-card';
import { TICKET_VERB } from '../cards/ticket-action';
import { PLAIN_TEXT_VERB, RESTART_VERB } from '../cards/verdict-card';
import { buildWelcomeCard } from '../cards/welcome-card';
import { PASTE_HINT } from '../engine/index';
import { isUserTurn, submittedValue } from './card-action';
import { cardActivity } from './card-attachment';
import { answerStaleClick, CardPrompt, CLOSE_QUESTION_EVENT, RESEND_QUESTION_EVENT } from './card-prompt';
import { CaseDialog } from './case-dialog';
import { DiagnosisDialog } from './diagnosis-dialog';
import { CARD_PROMPT, DIAGNOSIS_DIALOG, ROOT_DIALOG } from './dialog-ids';
import {
  type DiagnosisEngine,
  isCompleteNdr,
  type LiveChecks,
  PASTE_KINDS,
  realEngine,
  type Recognition,
  recognizeInTurn,
} from './engine-port';
import { EXAMPLE_NDR } from './example-ndr';
import { type FileInput, fileInputsOf } from './file-inputs';
import { incomingText } from './incoming-text';
import { type Command, commandOf, looksLikePlainWords, looksLikeReportFragment } from './intent';
import {
  CANCELLED,
  CARRYING_ON,
  COLLECTING_PARTS,
  DONE_WITH_OPEN_QUESTION,
  EXAMPLE_INTRO,
  FACTS_TRIMMED,
  filesReadReply,
  FIX_SO_FAR_TITLE,
  NOTHING_COLLECTED,
  notRecognizedReply,
  partNotKeptReply,
  partReply,
  PLAIN_WORDS_REPLY,
  STARTING_OVER,
  VERDICT_GONE,
} from './replies';
import { sendTicket } from './send-ticket';
import { sendVerdict, sendVerdictText } from './send-verdict';
import {
  addReportPart,
  type ClosedCard,
  MAX_REPORT_CHARS,
  rememberVerdict,
  type Session,
  SessionStore,
} from './session';

export interface RootDialogDeps {
  sessionAccessor: StatePropertyAccessor<Session>;
  engine?: DiagnosisEngine;
  liveChecks?: LiveChecks;
  /** Characters of a report sent in parts (all parts together); bot/ may pass its paste limit. Default MAX_REPORT_CHARS. */
  maxReportChars?: number;
}

/** Card actions the root answers itself, whatever dialog is waiting. */
const VerbSchema = z.object({ verb: z.string().max(40) }).passthrough();
/** The id the verdict card's "Show as plain text" action carries (cards/verdict-card.ts). */
const PlainTextSchema = z.object({ verdictId: z.string().max(40) }).passthrough();
/** "Yes, start over" on the "Start over?" card. */
const ConfirmedSchema = z.object({ confirmed: z.literal(true) }).passthrough();

/**
 * The conversation's root: normalizes the text, answers interruptions (help, cancel, restart, show fix,
 * plain text) at any point, collects a report sent in several parts, and starts a diagnosis when it has
 * something to diagnose. It never ends, so it always sees the next message first.
 */
export class RootDialog extends ComponentDialog {
  private readonly engine: DiagnosisEngine;
  readonly sessions: SessionStore;

  constructor(deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.engine = deps.engine ?? realEngine;
    this.sessions = new SessionStore(deps.sessionAccessor, this.engine, deps.maxReportChars ?? MAX_REPORT_CHARS);
    this.addDialog(new DiagnosisDialog(this.engine, this.sessions, deps.liveChecks));
    for (const c of ['case1', 'case2', 'other'] as const) this.addDialog(new CaseDialog(c, this.engine, this.sessions));
    this.addDialog(new CardPrompt(CARD_PROMPT, this.engine, this.sessions));
    this.initialDialogId = DIAGNOSIS_DIALOG;
  }

  protected async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (isUserTurn(innerDc.context.activity)) await this.handle(innerDc);
    return Dialog.EndOfTurn;
  }

  private async handle(dc: DialogContext): Promise<void> {
    const { activity } = dc.context;
    // The one place the text is normalized (dialogs/incoming-text.ts): every later reader sees this.
    const text = incomingText(activity);
    activity.text = text;

    const files = fileInputsOf(dc.context);
    if (files) {
      await this.intakeFiles(dc, files);
      return;
    }

    // A button: Action.Execute (invoke) or a message submit, read the same way.
    const value = submittedValue(activity);
    const verb = VerbSchema.safeParse(value);
    const command: Command | undefined = verb.success ? verbCommand(verb.data.verb) : commandOf(text);
    if (command && command !== 'done') {
      await this.runCommand(dc, command, value);
      return;
    }
    if (verb.success && (verb.data.verb === ANSWER_VERB || verb.data.verb === REFRESH_VERB) && !dc.activeDialog) {
      await answerStaleClick(dc.context, this.sessions, value);
      return;
    }
    if (dc.activeDialog) {
      // Nothing is collected while a question is open, so "done" can only be a mistaken answer.
      if (command === 'done') {
        await dc.context.sendActivity(DONE_WITH_OPEN_QUESTION);
        return;
      }
      // A new complete bounce starts a new case; the open question belongs to the old one.
      const recognized = !verb.success && text !== '' ? recognizeInTurn(dc.context, this.engine, text) : undefined;
      if (!recognized || !isCompleteNdr(recognized)) {
        await dc.continueDialog();
        return;
      }
      await this.closeAll(dc, 'new-case');
    }
    if (verb.success) return; // an unknown action with nothing waiting: ignore it
    await this.intake(dc, text, command === 'done');
  }

  private async runCommand(dc: DialogContext, command: Command, value: unknown): Promise<void> {
    const session = await this.sessions.get(dc.context);
    switch (command) {
      case 'help':
        await dc.context.sendActivity(cardActivity(buildHelpCard()));
        await this.resendOpenQuestion(dc);
        return;
      case 'cancel':
        await this.closeAll(dc, 'cancel');
        await this.sessions.set(dc.context, this.sessions.fresh(session.verdicts, await this.closedCards(dc)));
        await dc.context.sendActivity(CANCELLED);
        return;
      case 'restart': {
        // A "Start over" button on an older card, clicked while a case is going on: ask first.
        const clicked = value !== undefined && value !== null;
        const inProgress = Boolean(dc.activeDialog) || session.fragments.length > 0;
        if (clicked && inProgress && !ConfirmedSchema.safeParse(value).success) {
          await dc.context.sendActivity(
            cardActivity(
              buildConfirmRestartCard({
                answers: Object.keys(session.facts.answers).length,
                questionOpen: Boolean(dc.activeDialog),
                collectingParts: session.fragments.length > 0,
              }),
            ),
          );
          return;
        }
        await this.closeAll(dc, 'restart');
        await this.sessions.set(dc.context, this.sessions.fresh(undefined, await this.closedCards(dc)));
        await dc.context.sendActivity(STARTING_OVER);
        return;
      }
      case 'keep-going':
        await dc.context.sendActivity(CARRYING_ON);
        if (!(await this.resendOpenQuestion(dc)) && session.fragments.length > 0)
          await dc.context.sendActivity(partReply(session.fragments.length));
        return;
      case 'show-fix': {
        const verdictId = await sendVerdict(dc.context, this.engine, session.facts, { title: FIX_SO_FAR_TITLE });
        if (verdictId)
          await this.sessions.set(dc.context, {
            ...session,
            verdicts: rememberVerdict(session.verdicts, { id: verdictId, facts: session.facts }),
          });
        await this.resendOpenQuestion(dc);
        return;
      }
      case 'plain-text': {
        const facts = plainTextFacts(session, value);
        if (facts) await sendVerdictText(dc.context, this.engine, facts);
        else await dc.context.sendActivity(VERDICT_GONE);
        return;
      }
      case 'ticket': {
        const facts = plainTextFacts(session, value);
        if (!facts) await dc.context.sendActivity(VERDICT_GONE);
        else if (facts.inputs.length === 0) await dc.context.sendActivity(NOTHING_COLLECTED);
        else await sendTicket(dc.context, this.engine, facts, wantsRedaction(value, dc.context.activity.text));
        return;
      }
      case 'example':
        await this.closeAll(dc, 'example');
        await this.sessions.set(dc.context, this.sessions.fresh(undefined, await this.closedCards(dc)));
        await dc.context.sendActivity(EXAMPLE_INTRO);
        await dc.context.sendActivity({
          type: 'message',
          text: `\`\`\`\n${EXAMPLE_NDR}\n\`\`\``,
          textFormat: 'markdown',
        });
        await this.intake(dc, EXAMPLE_NDR, false);
        return;
      case 'done':
        return;
    }
  }

  /** Nothing is waiting: read what arrived and decide what to do with it. */
  private async intake(dc: DialogContext, text: string, done: boolean): Promise<void> {
    let session = await this.sessions.get(dc.context);
    if (done) {
      if (session.fragments.length === 0) {
        await dc.context.sendActivity(NOTHING_COLLECTED);
        return;
      }
      session = this.flushFragments(session);
      if (await this.sessions.set(dc.context, session)) await dc.context.sendActivity(FACTS_TRIMMED);
      await this.startDiagnosis(dc);
      return;
    }
    if (text === '') return;

    const recognized = recognizeInTurn(dc.context, this.engine, text);
    const completeNdr = isCompleteNdr(recognized);
    // While collecting, more report text is a continuation even when it holds the diagnostic line.
    const collecting = session.fragments.length > 0;
    const fragment =
      (recognized.kind === 'ndr' && (!completeNdr || collecting)) ||
      (recognized.kind === 'not-recognized' && looksLikeReportFragment(text));
    if (fragment) {
      const added = addReportPart(session.fragments, text, this.sessions.maxReportChars);
      if (!added.kept) {
        // The parts so far stay as they were; the user decides whether they are enough.
        await dc.context.sendActivity(
          partNotKeptReply(session.fragments.length, added.reason, this.sessions.maxReportChars),
        );
        return;
      }
      session = { ...session, fragments: added.fragments };
      await this.sessions.set(dc.context, session);
      await dc.context.sendActivity(partReply(session.fragments.length));
      return;
    }
    if (recognized.kind === 'not-recognized') {
      if (session.fragments.length > 0) {
        await dc.context.sendActivity(COLLECTING_PARTS);
      } else if (looksLikePlainWords(text)) {
        await dc.context.sendActivity(PLAIN_WORDS_REPLY);
      } else {
        const hint = recognized.facts.inputs?.[0]?.hint ?? PASTE_HINT;
        await dc.context.sendActivity(notRecognizedReply(hint));
      }
      return;
    }

    // Something plainly new while collecting parts: the collected report is complete.
    if (session.fragments.length > 0) session = this.flushFragments(session);
    session = this.addToCase(session, recognized);
    if (await this.sessions.set(dc.context, session)) await dc.context.sendActivity(FACTS_TRIMMED);
    if (PASTE_KINDS.has(recognized.kind) || recognized.kind === 'domain') await this.startDiagnosis(dc);
  }

  /** The closed question cards as recorded by closeAll (a fresh session keeps them). */
  private async closedCards(dc: DialogContext): Promise<ClosedCard[] | undefined> {
    return (await this.sessions.get(dc.context)).closedCards;
  }

  /** Cancel every dialog; an open question card is first updated to say why. */
  private async closeAll(dc: DialogContext, reason: QuestionCloseReason): Promise<void> {
    if (!dc.activeDialog) return;
    await dc.emitEvent(CLOSE_QUESTION_EVENT, reason, false, true);
    await dc.cancelAllDialogs();
  }

  /**
   * The open question, sent again below (the chat may have been reloaded and show nothing above).
   * True when a question was open.
   */
  private async resendOpenQuestion(dc: DialogContext): Promise<boolean> {
    if (!dc.activeDialog) return false;
    return dc.emitEvent(RESEND_QUESTION_EVENT, undefined, false, true);
  }

  /** Files sent together (bot/files read them) are one case: each is recognized, all merged, then diagnosed. */
  private async intakeFiles(dc: DialogContext, files: FileInput[]): Promise<void> {
    await this.closeAll(dc, 'new-case');
    let session = await this.sessions.get(dc.context);
    if (session.fragments.length > 0) session = this.flushFragments(session);
    const recognitions = files.map((f) => ({ name: f.name, recognized: this.engine.recognize(f.text) }));
    if (recognitions.some((r) => r.recognized.kind === 'ndr'))
      session = { ...session, facts: this.engine.emptyFacts(), asked: undefined };
    for (const { recognized } of recognitions) {
      if (recognized.kind !== 'not-recognized')
        session = { ...session, facts: this.engine.mergeFacts(session.facts, recognized.facts) };
    }
    if (await this.sessions.set(dc.context, session)) await dc.context.sendActivity(FACTS_TRIMMED);
    await dc.context.sendActivity(
      filesReadReply(
        recognitions.map(({ name, recognized }) => ({
          name,
          label: recognized.kind === 'not-recognized' ? undefined : recognized.facts.inputs?.[0]?.label,
        })),
      ),
    );
    if (recognitions.some((r) => r.recognized.kind !== 'not-recognized')) await this.startDiagnosis(dc);
  }

  private flushFragments(session: Session): Session {
    const recognized = this.engine.recognize(session.fragments.join('\n'));
    return this.addToCase({ ...session, fragments: [] }, recognized);
  }

  /** A new report starts a new case (facts and ask counts); connector output and a domain add to the current one. */
  private addToCase(session: Session, recognized: Recognition): Session {
    if (recognized.kind === 'ndr' && session.facts.ndrs.length > 0) {
      return {
        ...session,
        facts: this.engine.mergeFacts(this.engine.emptyFacts(), recognized.facts),
        asked: undefined,
      };
    }
    return { ...session, facts: this.engine.mergeFacts(session.facts, recognized.facts) };
  }

  private async startDiagnosis(dc: DialogContext): Promise<void> {
    await dc.beginDialog(DIAGNOSIS_DIALOG);
  }

  /** Shown by bot/ on install; here so the example button and help share one place. */
  static welcomeActivity() {
    return cardActivity(buildWelcomeCard());
  }
}

/**
 * The facts behind the verdict "Show as plain text" was asked for: the clicked card's (by its id), or for a
 * typed request or a card without an id, the latest verdict's (else the facts so far). Undefined when the
 * clicked verdict is no longer kept.
 */
function plainTextFacts(session: Session, value: unknown): Session['facts'] | undefined {
  const clicked = PlainTextSchema.safeParse(value);
  if (clicked.success) return session.verdicts?.find((v) => v.id === clicked.data.verdictId)?.facts;
  return session.verdicts?.at(-1)?.facts ?? session.facts;
}

/** The card's toggle (`redact: 'true'`) or "ticket redacted" typed. */
function wantsRedaction(value: unknown, text: string): boolean {
  const toggle = (value as { redact?: unknown } | undefined)?.redact;
  return toggle === true || toggle === 'true' || /\bredact/i.test(text);
}

function verbCommand(verb: string): Command | undefined {
  if (verb === TICKET_VERB) return 'ticket';
  if (verb === RESTART_VERB) return 'restart';
  if (verb === PLAIN_TEXT_VERB) return 'plain-text';
  if (verb === 'example') return 'example';
  if (verb === 'help') return 'help';
  if (verb === KEEP_GOING_VERB) return 'keep-going';
  return undefined;
}
