import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { z } from 'zod';

import { KEEP_GOING_VERB } from '../../cards/confirm-restart-card';
import { REFRESH_VERB } from '../../cards/execute-action';
import { ANSWER_VERB } from '../../cards/question-card';
import { TICKET_VERB } from '../../cards/ticket-action';
import { PLAIN_TEXT_VERB, RESTART_VERB } from '../../cards/verdict-card';
import { CARD_ACTION_INVOKE } from '../../dialogs/card-action';
import { EXECUTE_NOT_SUPPORTED } from '../../dialogs/replies';

// Two invokes are part of the bot's protocol: the card buttons' Universal Actions (`adaptiveCard/action`,
// Action.Execute with one of the verbs below, answered by the dialogs in bot/relay-doctor-bot.ts) and the
// message extension's composeExtension/submitAction (bot/message-extension.ts). Left to
// TeamsActivityHandler any other invoke becomes a 501; here every invoke gets a definite answer without
// running the dialogs: an Action.Execute that no card of this bot sends (an unknown verb, a forged shape)
// gets a non-empty message response (Teams shows it), any other invoke a 400.

/** The verbs of the bot's cards (cards/): the only Action.Execute that reaches the dialogs. */
const CARD_VERBS: ReadonlySet<string> = new Set([
  ANSWER_VERB,
  REFRESH_VERB,
  PLAIN_TEXT_VERB,
  RESTART_VERB,
  TICKET_VERB,
  KEEP_GOING_VERB,
  'example',
  'help',
]);

const ExecuteSchema = z
  .object({
    action: z
      .object({
        type: z.literal('Action.Execute'),
        verb: z.string().max(40),
        data: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough(),
  })
  .passthrough();

/** The invoke response of an Action.Execute that shows a message (Teams shows it on the card). */
export async function respondWithMessage(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message },
    },
  });
}

export class InvokeGuardMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Invoke || activity.name === 'composeExtension/submitAction') return next();
    if (activity.name === CARD_ACTION_INVOKE) {
      const execute = ExecuteSchema.safeParse(activity.value);
      if (execute.success && CARD_VERBS.has(execute.data.action.verb)) return next();
      return respondWithMessage(context, EXECUTE_NOT_SUPPORTED);
    }
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 400, body: { error: 'unsupported invoke' } },
    });
  }
}
