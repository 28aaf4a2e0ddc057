// Plain JSON types for Adaptive Cards: builders return data, never SDK objects.

export type CardJson = Record<string, unknown>;
export type CardElement = Record<string, unknown>;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

/** Teams refuses large activities; the project budgets 28 KB, measured as UTF-16 (length * 2). */
export const ACTIVITY_BUDGET_BYTES = 28 * 1024;
/** Room kept for the activity envelope (ids, serviceUrl, conversation, recipient) around a card. */
const ENVELOPE_RESERVE_CHARS = 2000;
/** Largest card JSON (characters) a builder may emit so that the whole activity stays in budget. */
export const CARD_BUDGET_CHARS = ACTIVITY_BUDGET_BYTES / 2 - ENVELOPE_RESERVE_CHARS;

/** Size the way the budget is defined: JSON characters, two bytes each. */
export function activityBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

export function cardChars(card: CardJson): number {
  return JSON.stringify(card).length;
}
