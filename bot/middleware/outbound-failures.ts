import type { Middleware, TurnContext } from 'botbuilder';

// A reply that could not be delivered (the connector answered 404 or 307, timed out, or the conversation
// id cannot be sent) is not a broken dialog: the turn error handler must not reset the conversation for
// it. Errors thrown by outbound calls are marked here, on their way out of the turn context's send,
// update and delete handlers, so onTurnError can tell them apart.

const outboundFailures = new WeakSet<object>();

/** True when the error came out of a call to the Bot Connector (also under dialog and cause wrappers). */
export function isOutboundFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (outboundFailures.has(error)) return true;
  const inner = error as { error?: unknown; cause?: unknown };
  return isOutboundFailure(inner.error, depth + 1) || isOutboundFailure(inner.cause, depth + 1);
}

function mark(error: unknown): never {
  if (typeof error === 'object' && error !== null) outboundFailures.add(error);
  throw error;
}

/** Registers the marking handlers first in the chain, so every send of the turn passes through them. */
export class OutboundFailureMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, _activities, send) => send().catch(mark));
    context.onUpdateActivity(async (_ctx, _activity, update) => update().catch(mark));
    context.onDeleteActivity(async (_ctx, _reference, remove) => remove().catch(mark));
    await next();
  }
}
