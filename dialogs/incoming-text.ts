import type { Activity } from 'botbuilder';

import { htmlToText } from '../engine/mime/html-to-text';

// Teams sends a message as plain `text` and, for formatted or multi-line messages, also as a `text/html`
// attachment. The plain form may have lost the line breaks of a paste (`…Office 365Enabled : True…`); the
// HTML keeps them as <p>, <br> and <div>, and the column padding as &nbsp;. So the HTML form is read first.

type MessageLike = Pick<Partial<Activity>, 'attachments' | 'entities' | 'recipient' | 'value'>;

/** Removes every `<at>…</at>` mention of the bot, in the HTML form or in `text`; none without a known bot id. */
function withoutBotMention(html: string, activity: MessageLike): string {
  let out = html;
  const botId = activity.recipient?.id;
  if (!botId) return out;
  for (const e of activity.entities ?? []) {
    const mention = e as { type?: string; mentioned?: { id?: string }; text?: string };
    if (
      mention.type === 'mention' &&
      mention.mentioned?.id === botId &&
      typeof mention.text === 'string' &&
      mention.text !== ''
    ) {
      out = out.split(mention.text).join('');
    }
  }
  return out;
}

/** The message text from its `text/html` attachment, line breaks kept; undefined when there is none. */
export function htmlMessageText(activity: MessageLike): string | undefined {
  if (activity.value !== undefined && activity.value !== null) return undefined; // a card submit
  const html = (activity.attachments ?? []).find((a) => a?.contentType === 'text/html' && typeof a.content === 'string')
    ?.content as string | undefined;
  if (html === undefined) return undefined;
  const text = htmlToText(withoutBotMention(html, activity), { chatMessage: true }).replace(/^\n+|\s+$/g, '');
  return text.trim() === '' ? undefined : text;
}

/**
 * The text every front end reads, normalized once before anything reads it: the HTML form when Teams sent one
 * (it keeps a paste's line breaks), else `text` without the bot's @mention; trimmed; '' for a card submit.
 */
export function incomingText(activity: Partial<Activity>): string {
  const html = htmlMessageText(activity);
  if (html !== undefined) return html.trim();
  if (!activity.text) return '';
  return withoutBotMention(activity.text, activity).trim();
}
