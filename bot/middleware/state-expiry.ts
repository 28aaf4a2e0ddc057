import {
  ActivityTypes,
  type ConversationState,
  type Middleware,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';

import { STATE_EXPIRED_MESSAGE } from '../../dialogs/replies';

/** Conversation state keys kept when a conversation expires (the welcome is not repeated). */
const KEEP = new Set(['eTag', 'welcomed']);

/** `lastTurnAt` is refreshed at most this often, so read-only turns rarely rewrite the state. */
const REFRESH_MS = 60 * 1000;

/**
 * Expires stale conversations: when a message arrives after more than `ttlMs` of silence, the open
 * dialog and collected facts are dropped before the bot reads them (a question card from yesterday
 * should not resume a diagnosis whose context the user has lost), and the user is told once.
 * The stored object is emptied in place, so the save stays conditional on the eTag read.
 */
export class StateExpiryMiddleware implements Middleware {
  private readonly lastTurnAt: StatePropertyAccessor<number>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastTurnAt = conversationState.createProperty<number>('lastTurnAt');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message || !context.activity.conversation?.id) return next();
    const now = this.now();
    const state = (await this.conversationState.load(context)) as Record<string, unknown>;
    const last = await this.lastTurnAt.get(context);
    if (typeof last === 'number' && now - last > this.ttlMs) {
      const dropped = Object.keys(state).filter((k) => !KEEP.has(k) && k !== 'lastTurnAt');
      for (const key of dropped) delete state[key];
      if (dropped.length > 0) await context.sendActivity(STATE_EXPIRED_MESSAGE);
    }
    if (typeof last !== 'number' || now - last >= REFRESH_MS) await this.lastTurnAt.set(context, now);
    await next();
  }
}
