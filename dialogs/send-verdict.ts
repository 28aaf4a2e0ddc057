import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Facts } from '../engine/facts';
import { buildVerdictCards } from '../cards/verdict-card';
import { verdictToText } from '../cards/verdict-text';
import { PASTE_HINT } from '../engine/index';
import { cardActivity } from './card-attachment';
import type { DiagnosisEngine } from './engine-port';

/** Nothing to diagnose yet: say what was read and what to paste next. */
function nothingYet(facts: Facts): string {
  const read = facts.inputs.filter((i) => i.kind !== 'not-recognized').map((i) => i.label);
  const head = read.length > 0 ? `Noted: ${read.join(', ')}.` : 'I have nothing to diagnose yet.';
  // PASTE_HINT itself begins "Paste the non-delivery report": say it once.
  return `${head} ${PASTE_HINT}`;
}

/**
 * The engine's verdict on these facts, as cards (or a short note when there is nothing to judge yet).
 * Returns the id put in the cards' action data, for the caller to keep with the facts.
 */
export async function sendVerdict(context: TurnContext, engine: DiagnosisEngine, facts: Facts, options: { title?: string } = {}): Promise<string | undefined> {
  const verdict = engine.diagnose(facts);
  if (verdict.family === 'not-an-ndr' && verdict.causes.length === 0) {
    await context.sendActivity(nothingYet(facts));
    return undefined;
  }
  const verdictId = randomUUID().slice(0, 8);
  for (const card of buildVerdictCards(verdict, { title: options.title, verdictId })) {
    await context.sendActivity(cardActivity(card));
  }
  return verdictId;
}

/** The same verdict as plain-text messages with code fences. */
export async function sendVerdictText(context: TurnContext, engine: DiagnosisEngine, facts: Facts): Promise<void> {
  for (const text of verdictToText(engine.diagnose(facts))) {
    await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
  }
}
