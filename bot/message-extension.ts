import type { MessagingExtensionAction, MessagingExtensionActionResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';

import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card-json';
import { buildMessageDialogCard, chatLink, chatPrefill, DIALOG_TITLE } from '../cards/message-dialog-card';
import { MESSAGE_TOO_LONG, NO_BOUNCE_IN_MESSAGE, UNKNOWN_COMMAND } from '../dialogs/replies';
import { buildFacts, diagnose } from '../engine/index';
import { htmlToText } from '../engine/mime/html-to-text';

// "Diagnose with Relay Doctor" on any message (manifest composeExtensions, command diagnoseMessage,
// context message). Teams sends composeExtension/submitAction with the message as HTML; the answer is the
// verdict in a dialog (task module), computed from that message alone (no live DNS: an invoke must be
// answered within seconds), with a link to continue in the personal chat.

export const DIAGNOSE_MESSAGE_COMMAND = 'diagnoseMessage';

const PayloadSchema = z
  .object({
    body: z.object({ contentType: z.string().optional(), content: z.string().max(200_000).optional() }).optional(),
    attachments: z
      .array(z.object({ contentType: z.string().optional(), content: z.unknown().optional() }).passthrough())
      .optional(),
  })
  .passthrough();

const DataSchema = z
  .object({
    domain: z
      .string()
      .trim()
      .max(253)
      .regex(/^[a-z0-9.-]*$/i)
      .optional(),
  })
  .passthrough();

function messageText(payload: z.infer<typeof PayloadSchema>): string {
  const content = payload.body?.content ?? '';
  const text = payload.body?.contentType === 'text' ? content : htmlToText(content);
  return text.trim();
}

function reply(text: string): MessagingExtensionActionResponse {
  return { task: { type: 'message', value: text } };
}

export function diagnoseMessage(
  context: TurnContext,
  action: MessagingExtensionAction,
  maxChars: number,
): MessagingExtensionActionResponse {
  if (action.commandId !== DIAGNOSE_MESSAGE_COMMAND) return reply(UNKNOWN_COMMAND);
  const payload = PayloadSchema.safeParse(action.messagePayload ?? {});
  const text = payload.success ? messageText(payload.data) : '';
  if (text === '') return reply(NO_BOUNCE_IN_MESSAGE);
  if (text.length > maxChars) return reply(MESSAGE_TOO_LONG);
  const data = DataSchema.safeParse(action.data ?? {});
  const domain = data.success && data.data.domain ? data.data.domain : undefined;
  const facts = buildFacts([text], { domain });
  const verdict = diagnose(facts);
  if (verdict.family === 'not-an-ndr' && verdict.causes.length === 0) return reply(NO_BOUNCE_IN_MESSAGE);
  const botId = context.activity.recipient?.id ?? '';
  const card = buildMessageDialogCard(verdict, chatLink(botId, chatPrefill(text, verdict)));
  return {
    task: {
      type: 'continue',
      value: {
        title: DIALOG_TITLE,
        height: 'large',
        width: 'large',
        card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card },
      },
    },
  };
}
