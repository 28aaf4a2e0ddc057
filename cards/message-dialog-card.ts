import type { Verdict } from '../engine/verdict';
import type { CardElement, CardJson } from './card-json';
import { DIALOG_TEXTS } from './card-texts';
import { buildVerdictCards } from './verdict-card';

// The verdict shown in the dialog that "Diagnose with Relay Doctor" (message extension) opens on a message
// in a channel or chat: the verdict card's first page, with one button that opens the personal chat with
// the bot (the bounce prefilled) to continue the walk there. The verdict card's own buttons are left
// out: they belong to the chat, where the bot keeps the case.

export { DIALOG_TITLE } from './card-texts';

/** Characters of the bounce put in the chat link (a deep link is a URL: long ones are cut by clients). */
const PREFILL_MAX_CHARS = 1500;

/** The personal chat with the bot, with the text prefilled in the compose box. */
export function chatLink(botId: string, prefill: string): string {
  const user = botId.startsWith('28:') ? botId : `28:${botId}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(user)}&message=${encodeURIComponent(prefill)}`;
}

/** What to prefill: the whole bounce when it is short, else the reply line the diagnosis rests on. */
export function chatPrefill(text: string, verdict: Verdict): string {
  if (text.length <= PREFILL_MAX_CHARS) return text;
  return (verdict.diagnostic ?? text).slice(0, PREFILL_MAX_CHARS);
}

export function buildMessageDialogCard(verdict: Verdict, continueUrl: string): CardJson {
  const pages = buildVerdictCards(verdict, { title: DIALOG_TEXTS.verdictTitle });
  const first = pages[0];
  const body = [...(first.body as CardElement[])];
  if (pages.length > 1) {
    body.push({ type: 'TextBlock', text: DIALOG_TEXTS.moreInChat, wrap: true, isSubtle: true, spacing: 'Medium' });
  }
  body.push({ type: 'TextBlock', text: DIALOG_TEXTS.continueHint, wrap: true, size: 'Small', spacing: 'Medium' });
  return {
    ...first,
    body,
    actions: [{ type: 'Action.OpenUrl', title: DIALOG_TEXTS.continueButton, url: continueUrl }],
  };
}
