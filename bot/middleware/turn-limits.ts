import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

import { buildTooLongCard } from '../../cards/too-long-card';
import { isCardAction } from '../../dialogs/card-action';
import { cardActivity } from '../../dialogs/card-attachment';
import { SLOW_DOWN_TEXT, TOO_LONG_ACTION } from '../../dialogs/replies';
import type { Logger } from '../logger';
import { respondWithMessage } from './invoke-guard';

// Per-message limits, checked after authentication and before the dialogs: how much text one message may
// carry, and how many messages one conversation may send per minute.

export interface TurnLimits {
  /** Longest text (or submit value, as JSON) per message, in characters. */
  maxPasteChars: number;
  /** Messages per conversation per rolling minute; 0 turns the rate limit off. */
  turnsPerMinute: number;
  /** Longest a turn waits for the previous turn of its conversation, in ms (SerializeMiddleware). */
  maxTurnWaitMs?: number;
}

const WINDOW_MS = 60_000;

/** Characters a message carries: its text plus its submit value as JSON. */
export function messageChars(activity: { text?: unknown; value?: unknown }): number {
  const text = typeof activity.text === 'string' ? activity.text.length : 0;
  let value = 0;
  if (activity.value !== undefined && activity.value !== null) {
    try {
      value = JSON.stringify(activity.value)?.length ?? 0;
    } catch {
      value = Number.MAX_SAFE_INTEGER; // unserializable: treat as too large
    }
  }
  return text + value;
}

/** Rolling one-minute window per conversation; says "slow down" once per window, then stays quiet. */
export class TurnLimitsMiddleware implements Middleware {
  private readonly windows = new Map<string, { times: number[]; warned: boolean }>();
  private lastSweep = 0;

  constructor(
    private readonly limits: TurnLimits,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    // A card button (Action.Execute invoke) is a turn like a message; it is refused by invoke response.
    const cardAction = isCardAction(activity);
    if (activity.type !== ActivityTypes.Message && !cardAction) return next();
    const conversation = activity.conversation?.id ?? '';

    if (!this.admit(conversation)) {
      if (cardAction) return respondWithMessage(context, SLOW_DOWN_TEXT);
      return this.slowDown(context, conversation);
    }

    const chars = messageChars(activity);
    if (chars > this.limits.maxPasteChars) {
      this.logger.warn('message over the paste limit', {
        code: 'paste-too-long',
        activityId: activity.id,
        conversationId: conversation,
        chars,
        limit: this.limits.maxPasteChars,
      });
      await context.sendActivity(cardActivity(buildTooLongCard(chars, this.limits.maxPasteChars)));
      if (cardAction) await respondWithMessage(context, TOO_LONG_ACTION);
      return;
    }
    await next();
  }

  /** Count this message; false when the conversation is over its rate. */
  private admit(conversation: string): boolean {
    if (this.limits.turnsPerMinute <= 0) return true;
    const now = this.now();
    this.sweep(now);
    const window = this.windows.get(conversation) ?? { times: [], warned: false };
    window.times = window.times.filter((t) => now - t < WINDOW_MS);
    if (window.times.length === 0) window.warned = false;
    this.windows.set(conversation, window);
    if (window.times.length >= this.limits.turnsPerMinute) return false;
    window.times.push(now);
    return true;
  }

  private async slowDown(context: TurnContext, conversation: string): Promise<void> {
    const window = this.windows.get(conversation);
    this.logger.warn('conversation over its turn rate', {
      code: 'rate-limited',
      activityId: context.activity.id,
      conversationId: conversation,
      limit: this.limits.turnsPerMinute,
    });
    if (!window || window.warned) return;
    window.warned = true;
    await context.sendActivity(SLOW_DOWN_TEXT);
  }

  /** Forget idle conversations now and then, so the map does not grow without bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (w.times.every((t) => now - t >= WINDOW_MS)) this.windows.delete(key);
  }
}
