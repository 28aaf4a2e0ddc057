import { CARD_VERSION, type CardElement } from './card-json';
import { TICKET_TEXTS } from './card-texts';
import { executeAction } from './execute-action';

// "Copy for a ticket" on the verdict: a ShowCard with the redaction toggle and the submit, so the admin
// chooses before the summary is written. The toggle's value arrives in the submit data as `redact`.

export const TICKET_VERB = 'ticket';
export const REDACT_INPUT_ID = 'redact';

export function ticketAction(data: object): CardElement {
  return {
    type: 'Action.ShowCard',
    title: TICKET_TEXTS.button,
    card: {
      type: 'AdaptiveCard',
      version: CARD_VERSION,
      body: [
        { type: 'TextBlock', text: TICKET_TEXTS.about, wrap: true, size: 'Small' },
        {
          type: 'Input.Toggle',
          id: REDACT_INPUT_ID,
          title: TICKET_TEXTS.redact,
          value: 'false',
          valueOn: 'true',
          valueOff: 'false',
        },
      ],
      actions: [executeAction(TICKET_TEXTS.submit, { verb: TICKET_VERB, ...data })],
    },
  };
}
