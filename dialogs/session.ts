import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Facts } from '../engine/facts';
import type { DiagnosisEngine } from './engine-port';

/** What one conversation has told the bot so far (kept in conversation state). */
export interface Session {
  facts: Facts;
  /** Parts of a long report sent in several messages, until "done". */
  fragments: string[];
  /** Facts of the last verdict shown, for "show as plain text" after it finished. */
  lastFacts?: Facts;
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

  async update(context: TurnContext, change: (s: Session) => Session): Promise<Session> {
    const next = change(await this.get(context));
    await this.set(context, next);
    return next;
  }

  fresh(keep?: Facts): Session {
    return keep ? { facts: this.engine.emptyFacts(), fragments: [], lastFacts: keep } : { facts: this.engine.emptyFacts(), fragments: [] };
  }
}
