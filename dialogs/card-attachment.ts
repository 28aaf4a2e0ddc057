import type { Activity, Attachment } from 'botbuilder';

import { ADAPTIVE_CARD_CONTENT_TYPE, type CardJson } from '../cards/card-json';

// Cards go out as plain attachments (the same shape CardFactory.adaptiveCard builds), so dialogs/
// need no CardFactory.

function cardAttachment(card: CardJson): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function cardActivity(card: CardJson): Partial<Activity> {
  return { type: 'message', attachments: [cardAttachment(card)] };
}
