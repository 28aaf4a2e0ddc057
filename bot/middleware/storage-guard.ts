import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

import { STORAGE_CONFLICT_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE } from '../../dialogs/replies';
import type { Logger } from '../logger';
import { type StorageFailure, storageFailureOf } from '../storage/storage-errors';

/** What the user is told for each kind of storage failure. */
const STORAGE_MESSAGES: Record<StorageFailure, string> = {
  unavailable: STORAGE_UNAVAILABLE_MESSAGE,
  conflict: STORAGE_CONFLICT_MESSAGE,
};

/**
 * Turns a storage failure into a clear message instead of the generic error path: onTurnError would
 * also reset the conversation, which must not happen for a storage hiccup (nothing is wrong with the
 * dialog, and what was saved before has to stay). Any other error goes on to onTurnError unchanged.
 */
export class StorageGuardMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    try {
      await next();
    } catch (error) {
      const failure = storageFailureOf(error);
      if (!failure) throw error;
      this.logger.error('[storage] the turn could not be saved', error, {
        failure,
        activityType: context.activity.type,
      });
      if (context.activity.type !== ActivityTypes.Message) return;
      try {
        await context.sendActivity(STORAGE_MESSAGES[failure]);
      } catch (sendError) {
        this.logger.error('[storage] could not tell the user', sendError);
      }
    }
  }
}
