import { CARD_VERSION, type CardElement } from './card-json';
import { executeAction } from './execute-action';

// "Copy for a ticket" on the verdict: a ShowCard with the redaction toggle and the submit, so the admin
// chooses before the summary is written. The toggle's value arrives in the submit data as `redact`.

export const TICKET_VERB = 'ticket';
export const REDACT_INPUT_ID = 'redact';

export function ticketAction(data: object): CardElement {
  return {
    type: 'Action.ShowCard',
    title: 'Copy for a ticket',
    card: {
      type: 'AdaptiveCard',
      version: CARD_VERSION,
      body: [
        { type: 'TextBlock', text: 'A summary to paste into a ticket or change request: symptom, evidence, what was ruled out, the fix and how to verify it.', wrap: true, size: 'Small' },
        { type: 'Input.Toggle', id: REDACT_INPUT_ID, title: 'Replace addresses, IPs and names (for a vendor or a public forum)', value: 'false', valueOn: 'true', valueOff: 'false' },
      ],
      actions: [executeAction('Write the summary', { verb: TICKET_VERB, ...data })],
    },
  };
}
