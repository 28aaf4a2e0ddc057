import { randomBytes } from 'node:crypto';
import {
  ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication,
  type ConversationState, type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { buildErrorCard } from '../cards/error-card';
import { cardActivity } from '../dialogs/card-attachment';
import type { BotConfig } from './config';
import { DedupeMiddleware } from './dedupe-middleware';
import type { Logger } from './logger';
import { SerializeMiddleware } from './serialize-middleware';

export function createAuthentication(config: BotConfig): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
}

/** A short code the user can quote and the log can be searched for. */
export function errorCode(): string {
  return `RD-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** CloudAdapter with duplicate-drop and per-conversation serialization, and an apologetic onTurnError. */
export function createAdapter(auth: BotFrameworkAuthentication, conversationState: ConversationState, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.use(new DedupeMiddleware());
  adapter.use(new SerializeMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const code = errorCode();
    logger.error(`[${code}] unhandled error in turn (${context.activity.type})`, error);
    try {
      // The dialog stack may be what broke: start clean next time.
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error(`[${code}] could not reset conversation state`, deleteError);
    }
    if (context.activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(cardActivity(buildErrorCard(code)));
      } catch (sendError) {
        logger.error(`[${code}] could not send the apology`, sendError);
      }
    }
  };
  return adapter;
}
