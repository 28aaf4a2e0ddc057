import type { CardElement } from './card-json';

// Buttons are Universal Actions (Action.Execute, Adaptive Cards 1.4+): Teams sends them to the bot as an
// `adaptiveCard/action` invoke, and the card in the invoke response replaces the clicked card, so an
// answered or closed card updates itself. The data keeps `verb` too, so a client that still posts the
// action as a message submit (older Teams clients fall back to Action.Submit behaviour) reads the same.

/** The verb a refresh of a question card carries (Teams sends it when the card is shown, see question-card). */
export const REFRESH_VERB = 'refresh';

export function executeAction(
  title: string,
  data: { verb: string } & Record<string, unknown>,
  extra: Record<string, unknown> = {},
): CardElement {
  return { type: 'Action.Execute', title, verb: data.verb, data, ...extra };
}
