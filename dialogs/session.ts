import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Facts } from '../engine/facts';
import type { DiagnosisEngine } from './engine-port';

/** The facts behind one verdict card, found again by the id in its "Show as plain text" data. */
export interface ShownVerdict {
  id: string;
  facts: Facts;
}

/** How often each question was put, by question id. */
export type AskCounts = Record<string, number>;

/** What one conversation has told the bot so far (kept in conversation state). */
export interface Session {
  facts: Facts;
  /** Parts of a long report sent in several messages, until "done". */
  fragments: string[];
  /** Ask counts of the current case, so a diagnosis started by a later paste does not ask again. */
  asked?: AskCounts;
  /** The last verdicts shown, oldest first, for "show as plain text" on any of their cards. */
  verdicts?: ShownVerdict[];
}

/** Verdicts kept for "show as plain text"; older cards get VERDICT_GONE. */
export const MAX_KEPT_VERDICTS = 5;
/** The kept verdicts' share of the session (stored per conversation, which should stay under 20 KB). */
export const KEPT_VERDICTS_BUDGET_CHARS = 12_000;

/**
 * Adds a shown verdict and drops the oldest beyond MAX_KEPT_VERDICTS or the size budget. The newest is
 * always kept: its facts are the current facts, which the session holds anyway.
 */
export function rememberVerdict(kept: ShownVerdict[] | undefined, shown: ShownVerdict): ShownVerdict[] {
  const next = [...(kept ?? []).filter((v) => v.id !== shown.id), shown].slice(-MAX_KEPT_VERDICTS);
  while (next.length > 1 && JSON.stringify(next).length > KEPT_VERDICTS_BUDGET_CHARS) next.shift();
  return next;
}

/** Reads and writes the session through a state property; saving happens once per turn in bot/. */
export class SessionStore {
  constructor(private readonly accessor: StatePropertyAccessor<Session>, private readonly engine: DiagnosisEngine) {}

  async get(context: TurnContext): Promise<Session> {
    return this.accessor.get(context, { facts: this.engine.emptyFacts(), fragments: [] });
  }

  async set(context: TurnContext, session: Session): Promise<void> {
    await this.accessor.set(context, session);
  }

  /** An empty session; `verdicts` carries shown verdicts over (cancel keeps them, restart does not). */
  fresh(verdicts?: ShownVerdict[]): Session {
    return verdicts ? { facts: this.engine.emptyFacts(), fragments: [], verdicts } : { facts: this.engine.emptyFacts(), fragments: [] };
  }
}
