import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

// The bot uses Action.Submit only, so no invoke is part of its protocol (but the message extension's
// composeExtension/submitAction, answered in bot/message-extension.ts). Left to TeamsActivityHandler an
// unknown invoke becomes a 501; here every invoke gets a definite answer without running the dialogs:
// an Action.Execute from an old or forged card gets a non-empty message response (Teams shows it), any
// other invoke a 400.

export const EXECUTE_NOT_SUPPORTED = 'This button does not work here any more. Use the buttons on my latest card, or say "help".';

export class InvokeGuardMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Invoke || activity.name === 'composeExtension/submitAction') return next();
    const body = activity.name === 'adaptiveCard/action'
      ? { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: EXECUTE_NOT_SUPPORTED } }
      : { status: 400, body: { error: 'unsupported invoke' } };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: body });
  }
}
