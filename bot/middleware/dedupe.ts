import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

import { CLICK_ALREADY_HANDLED } from '../../dialogs/replies';
import { respondWithMessage } from './invoke-guard';

/**
 * Drops a second delivery of the same activity (Teams retries when a turn takes more than ~15 s).
 * Keyed by conversation and activity id, remembered for ten minutes.
 */
export class DedupeMiddleware implements Middleware {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!activity.id) return next();
    const key = `${activity.channelId ?? ''}|${activity.conversation?.id ?? ''}|${activity.id}`;
    const now = this.now();
    this.prune(now);
    if (this.seen.has(key)) {
      // An invoke must still get an invoke response, or Teams shows an error on the card.
      if (activity.type === ActivityTypes.Invoke) await respondWithMessage(context, CLICK_ALREADY_HANDLED);
      return;
    }
    this.seen.set(key, now);
    await next();
  }

  private prune(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < this.ttlMs) break; // insertion order = time order
      this.seen.delete(key);
    }
  }
}
