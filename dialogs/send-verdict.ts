import { randomUUID } from 'node:crypto';

import type { TurnContext } from 'botbuilder';

import { buildVerdictCards } from '../cards/verdict-card';
import { verdictToText } from '../cards/verdict-text';
import type { Facts } from '../engine/facts';
import { cardActivity } from './card-attachment';
import type { DiagnosisEngine } from './engine-port';
import { nothingYetReply } from './replies';

/** Nothing to diagnose yet: say what was read and what to paste next. */
function nothingYet(facts: Facts, read: string[]): string {
  return nothingYetReply(
    read,
    facts.inputs.filter((i) => i.kind !== 'not-recognized').map((i) => i.label),
  );
}

/** The admin's time zone when the client sends it (Teams: activity.localTimezone), for the times in the verdict. */
function clientTimeZone(context: TurnContext): string | undefined {
  const tz = (context.activity as { localTimezone?: unknown }).localTimezone;
  if (typeof tz !== 'string' || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(tz)) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/**
 * The engine's verdict on these facts, as cards (or a short note when there is nothing to judge yet).
 * Returns the id put in the cards' action data, for the caller to keep with the facts.
 */
export async function sendVerdict(
  context: TurnContext,
  engine: DiagnosisEngine,
  facts: Facts,
  options: { title?: string } = {},
): Promise<string | undefined> {
  const verdict = engine.diagnose(facts, { timeZone: clientTimeZone(context) });
  if (verdict.family === 'not-an-ndr' && verdict.causes.length === 0 && !verdict.lead) {
    await context.sendActivity(nothingYet(facts, verdict.read ?? []));
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
  for (const text of verdictToText(engine.diagnose(facts, { timeZone: clientTimeZone(context) }))) {
    await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
  }
}
