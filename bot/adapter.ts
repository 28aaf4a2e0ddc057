import { randomBytes } from 'node:crypto';

import { ActivityTypes, CloudAdapter, type ConversationState, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';

import { buildErrorCard } from '../cards/error-card';
import { CARD_ACTION_INVOKE } from '../dialogs/card-action';
import { cardActivity } from '../dialogs/card-attachment';
import { buttonFailedReply } from '../dialogs/replies';
import type { LogFields, Logger } from './logger';
import { type MiddlewareOptions, middlewarePipeline } from './middleware/index';
import { respondWithMessage } from './middleware/invoke-guard';
import { isOutboundFailure } from './middleware/outbound-failures';

export { createAuthentication } from './http/auth';

/** A short code the user can quote and the log can be searched for. */
export function errorCode(): string {
  return `RD-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** CloudAdapter with the middleware pipeline (bot/middleware/index.ts says why in that order) and an apologetic onTurnError. */
export function createAdapter(
  auth: BotFrameworkAuthentication,
  conversationState: ConversationState,
  logger: Logger,
  options: Omit<MiddlewareOptions, 'conversationState' | 'logger'>,
): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  for (const middleware of middlewarePipeline({ conversationState, logger, ...options })) adapter.use(middleware);
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return adapter;
}

/**
 * What a failed turn leaves behind: a log line with a code; the diagnosis kept when only a reply could not be
 * delivered, else reset; an apology card for a message; and for a card click (an invoke) always an invoke
 * response, since Teams shows an error on the card when there is none.
 */
export function turnErrorHandler(
  conversationState: ConversationState,
  logger: Logger,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const code = errorCode();
    const ids = {
      errorCode: code,
      activityType: context.activity.type,
      activityId: context.activity.id,
      conversationId: context.activity.conversation?.id,
    };
    await answerClick(context, code, logger, ids);
    if (isOutboundFailure(error)) {
      // The reply could not be delivered (connector 404/307, timeout, an id HTTP cannot carry): nothing is
      // wrong with the dialog, so the diagnosis so far stays (this turn's changes were not saved), and no
      // apology is attempted down the same broken path. The user's next message is served as usual.
      logger.error(`[${code}] a reply could not be delivered`, error, { ...ids, code: 'send-failed' });
      return;
    }
    logger.error(`[${code}] unhandled error in turn`, error, ids);
    try {
      // The dialog stack may be what broke: start clean next time.
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error(`[${code}] could not reset conversation state`, deleteError, ids);
    }
    if (context.activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(cardActivity(buildErrorCard(code)));
      } catch (sendError) {
        logger.error(`[${code}] could not send the apology`, sendError, ids);
      }
    }
  };
}

/** A card click whose turn failed before it was answered gets a message on the card (never an empty 501). */
async function answerClick(context: TurnContext, code: string, logger: Logger, ids: LogFields): Promise<void> {
  const { activity } = context;
  if (
    activity.type !== ActivityTypes.Invoke ||
    activity.name !== CARD_ACTION_INVOKE ||
    context.turnState.get(INVOKE_RESPONSE_KEY)
  )
    return;
  try {
    await respondWithMessage(context, buttonFailedReply(code));
  } catch (respondError) {
    logger.error(`[${code}] could not answer the card click`, respondError, ids);
  }
}
