import type { Activity, Middleware } from 'botbuilder';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';

import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/card-json';
import { type DiagnosisEngine, type LiveChecks, realEngine } from '../../dialogs/engine-port';
import { RootDialog } from '../../dialogs/root-dialog';
import type { Session } from '../../dialogs/session';

// Drives the conversation like a user: whatever question card arrives, answer it from a map
// question id → value (read the id from the card's submit data), by card submit or by typing.

/** The engine the walks run on: the real one (the dialogs take it through their constructor). */
export const walkEngine: DiagnosisEngine = realEngine;
export const engineLabel = 'real engine';

export interface QuestionCardInfo {
  activityId: string;
  questionId: string;
  nonce: string;
  choices: Array<{ value: string; title: string }>;
  inputType: string;
}

export interface VerdictInfo {
  family: string;
  causes: string[];
  statuses: string[];
}

type Card = { body?: unknown[]; actions?: Array<{ type: string; data?: Record<string, unknown> }> };

export function cardOf(activity: Partial<Activity>): Card | undefined {
  const att = activity.attachments?.find((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
  return att?.content as Card | undefined;
}

function findInput(node: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findInput(n);
      if (f) return f;
    }
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) return o;
    for (const v of Object.values(o)) {
      const f = findInput(v);
      if (f) return f;
    }
  }
  return undefined;
}

export function questionOf(activity: Partial<Activity>): QuestionCardInfo | undefined {
  const card = cardOf(activity);
  const submit = card?.actions?.find((a) => a.data?.verb === 'answer');
  if (!card || !submit?.data) return undefined;
  const input = findInput(card.body) ?? {};
  return {
    activityId: activity.id ?? '',
    questionId: String(submit.data.questionId),
    nonce: String(submit.data.nonce),
    choices: (input.choices as QuestionCardInfo['choices'] | undefined) ?? [],
    inputType: String(input.type ?? ''),
  };
}

export function verdictOf(activity: Partial<Activity>): VerdictInfo | undefined {
  const data = cardOf(activity)?.actions?.find((a) => a.data?.verb === 'plain-text')?.data;
  if (!data) return undefined;
  return { family: String(data.family), causes: data.causes as string[], statuses: data.statuses as string[] };
}

/** The id a verdict card's "Show as plain text" sends back (apart from VerdictInfo, which runs compare). */
export function verdictIdOf(activity: Partial<Activity>): string | undefined {
  const id = cardOf(activity)?.actions?.find((a) => a.data?.verb === 'plain-text')?.data?.verdictId;
  return typeof id === 'string' ? id : undefined;
}

/** The ids of a card's elements (status lines and card markers such as `help-card`). */
export function elementIdsOf(activity: Partial<Activity>): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.id === 'string') ids.push(o.id);
      Object.values(o).forEach(visit);
    }
  };
  visit(cardOf(activity)?.body);
  return ids;
}

/** Every Action.Submit data object of a card, body ActionSets included. */
export function submitDataOf(activity: Partial<Activity>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'Action.Submit' || o.type === 'Action.Execute') && o.data && typeof o.data === 'object')
        out.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(visit);
    }
  };
  visit(cardOf(activity));
  return out;
}

/** True when a card has inputs or actions left to click. */
export function isInteractive(activity: Partial<Activity>): boolean {
  return submitDataOf(activity).length > 0 || findInput(cardOf(activity)?.body) !== undefined;
}

/** A DialogTestClient on channel 'msteams' around a fresh RootDialog, recording card updates. */
export class ConversationHarness {
  readonly client: DialogTestClient;
  readonly updates: Array<Partial<Activity>> = [];
  readonly transcript: Array<Partial<Activity>> = [];
  /** MemoryStorage's backing store (key → JSON), so tests can read what a turn saved. */
  private readonly memory: Record<string, string> = {};
  readonly conversationState = new ConversationState(new MemoryStorage(this.memory));

  constructor(engine: DiagnosisEngine = walkEngine, liveChecks?: LiveChecks) {
    const dialog = new RootDialog({
      sessionAccessor: this.conversationState.createProperty<Session>('session'),
      engine,
      liveChecks,
    });
    const recordUpdates: Middleware = {
      onTurn: async (context, next) => {
        context.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
          this.updates.push(activity);
          return nextUpdate();
        });
        await next();
      },
    };
    this.client = new DialogTestClient('msteams', dialog, undefined, [recordUpdates], this.conversationState);
  }

  /** Send one activity (text or partial activity) and return every reply of that turn. */
  async send(activity: Partial<Activity> | string): Promise<Array<Partial<Activity>>> {
    const first = (await this.client.sendActivity(activity)) as Partial<Activity> | undefined;
    const replies: Array<Partial<Activity>> = [];
    if (first) replies.push(first);
    for (;;) {
      const next = this.client.getNextReply() as Partial<Activity> | undefined;
      if (!next) break;
      replies.push(next);
    }
    this.transcript.push(...replies);
    return replies;
  }

  /** The session as saved in conversation state after the last turn, and its stored size in characters. */
  savedSession(): { session: Session | undefined; chars: number } {
    const key = Object.keys(this.memory).find((k) => k.includes('/conversations/'));
    if (!key) return { session: undefined, chars: 0 };
    const stored = JSON.parse(this.memory[key]) as { session?: Session };
    return { session: stored.session, chars: this.memory[key].length };
  }

  /** Click the submit button of a question card with this answer. */
  async submit(q: QuestionCardInfo, answer: string): Promise<Array<Partial<Activity>>> {
    return this.send({
      type: 'message',
      value: { verb: 'answer', nonce: q.nonce, questionId: q.questionId, answer },
      replyToId: q.activityId,
    });
  }
}

/** The answer for a question: from the map, else "not sure" when offered, else the first choice or "not sure". */
export function answerFor(q: QuestionCardInfo, answers: Record<string, string>): string {
  if (q.questionId in answers) return answers[q.questionId];
  if (q.choices.length > 0) return (q.choices.find((c) => c.value === 'not-sure') ?? q.choices[0]).value;
  return 'not sure';
}

export interface WalkResult {
  asked: string[];
  verdict?: VerdictInfo;
  replies: Array<Partial<Activity>>;
}

/**
 * Answer every question card that arrives until a verdict card comes, by card submits or by typing
 * (choices typed as their titles, so typed matching is exercised).
 */
export async function walk(
  h: ConversationHarness,
  first: Array<Partial<Activity>>,
  answers: Record<string, string>,
  mode: 'card' | 'typed',
  maxSteps = 25,
): Promise<WalkResult> {
  const asked: string[] = [];
  let replies = first;
  const all = [...first];
  for (let i = 0; i < maxSteps; i += 1) {
    const verdict = replies.map(verdictOf).find(Boolean);
    if (verdict) return { asked, verdict, replies: all };
    const q = replies.map(questionOf).filter(Boolean).pop();
    if (!q) return { asked, replies: all };
    asked.push(q.questionId);
    const value = answerFor(q, answers);
    if (mode === 'card') {
      replies = await h.submit(q, value);
    } else {
      const title = q.choices.find((c) => c.value === value)?.title ?? value;
      replies = await h.send(title);
    }
    all.push(...replies);
  }
  throw new Error(`walk did not reach a verdict in ${maxSteps} steps; asked ${asked.join(', ')}`);
}
