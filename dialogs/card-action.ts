import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';

import type { CardJson } from '../cards/card-json';

// Card buttons are Action.Execute (cards/execute-action.ts): Teams delivers them as an `adaptiveCard/action`
// invoke, not as a message with a value. The dialogs read both the same way (submittedValue), and a dialog
// that handles a click leaves here what the invoke response carries: the clicked card's new state (an
// answered or closed question, which replaces the card for the clicker) or a short message. bot/ sends it.

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export type CardActionResponse = { card: CardJson } | { message: string };

const RESPONSE_KEY = Symbol('relayDoctor.cardActionResponse');

interface ExecuteValue {
  action?: { type?: unknown; verb?: unknown; data?: unknown };
  trigger?: unknown;
}

export function isCardAction(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Invoke && activity.name === CARD_ACTION_INVOKE;
}

/** A turn the dialogs answer: a message, or a card button (Action.Execute). */
export function isUserTurn(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Message || isCardAction(activity);
}

/**
 * What a card button submitted: for Action.Execute the action's data (inputs merged in by the client) with
 * the action's verb; for a message submit (Action.Submit, older clients) the activity's value.
 */
export function submittedValue(activity: Partial<Activity>): unknown {
  if (!isCardAction(activity)) return activity.value;
  const { action } = (activity.value ?? {}) as ExecuteValue;
  const data =
    action?.data && typeof action.data === 'object' && !Array.isArray(action.data)
      ? (action.data as Record<string, unknown>)
      : {};
  return typeof action?.verb === 'string' ? { ...data, verb: action.verb } : data;
}

/** Sets what the invoke response carries (no effect on a message turn). A card set earlier in the turn wins over a message. */
export function respondToCardAction(context: TurnContext, response: CardActionResponse): void {
  if (!isCardAction(context.activity)) return;
  const earlier = context.turnState.get(RESPONSE_KEY) as CardActionResponse | undefined;
  if (earlier && 'card' in earlier && 'message' in response) return;
  context.turnState.set(RESPONSE_KEY, response);
}

export function cardActionResponse(context: TurnContext): CardActionResponse | undefined {
  return context.turnState.get(RESPONSE_KEY) as CardActionResponse | undefined;
}
