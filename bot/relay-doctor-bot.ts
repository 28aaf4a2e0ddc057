import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type Dialog, type DialogState, runDialog } from 'botbuilder-dialogs';

import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card-json';
import { cardActionResponse } from '../dialogs/card-action';
import { SEE_REPLY_BELOW } from '../dialogs/replies';
import { RootDialog } from '../dialogs/root-dialog';
import { type FileOptions, takeFiles } from './files/file-attachments';
import { diagnoseMessage } from './message-extension';

/**
 * The Teams handler: welcome on install or first contact, messages to the root dialog (in group chats and
 * channels only when @mentioned), state saved once per turn.
 */
export class RelayDoctorBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly dialog: Dialog,
    private readonly files?: FileOptions,
    private readonly maxMessageChars = 40_000,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = conversationState.createProperty<boolean>('welcomed');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (this.shouldAnswer(context)) {
        // Shared files are downloaded and read here (bot/files); false: nothing readable, already answered.
        if (!this.files || (await takeFiles(context, this.files)))
          await runDialog(this.dialog, context, this.dialogState);
      }
      await next();
    });
  }

  /** Personal chats always; group chats and channels only when the bot is @mentioned (or a card is clicked). */
  private shouldAnswer(context: TurnContext): boolean {
    const { activity } = context;
    const type = activity.conversation?.conversationType;
    if (!type || type === 'personal') return true;
    if (activity.value !== undefined && activity.value !== null) return true;
    const botId = activity.recipient?.id;
    return (activity.entities ?? []).some(
      (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
    );
  }

  private async welcome(context: TurnContext): Promise<void> {
    // Teams may send both installationUpdate and conversationUpdate for one install: welcome once.
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(RootDialog.welcomeActivity());
  }

  /**
   * A card button (Action.Execute; bot/middleware/invoke-guard.ts lets only the cards' verbs through). A waiting
   * botbuilder prompt would ignore an invoke, so the click runs the dialogs like a message submit
   * (dialogs/card-action.ts). The invoke response is never empty: the clicked card's new state when the
   * dialogs set one (answered, closed, why an old card does nothing), else a short message.
   */
  protected async onAdaptiveCardInvoke(
    context: TurnContext,
    _value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    context.activity.text = '';
    await runDialog(this.dialog, context, this.dialogState);
    const response = cardActionResponse(context);
    if (response && 'card' in response)
      return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: response.card };
    // A message response carries a string; botbuilder types `value` as an object only.
    const message: unknown = response?.message ?? SEE_REPLY_BELOW;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: message as Record<string, unknown>,
    };
  }

  /** "Diagnose with Relay Doctor" on a message: the verdict in a dialog (bot/message-extension.ts). */
  protected async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return diagnoseMessage(context, action, this.maxMessageChars);
  }

  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
