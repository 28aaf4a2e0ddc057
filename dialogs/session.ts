import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

import type { StaleQuestionState } from '../cards/closed-question-card';
import type { Facts } from '../engine/facts';
import { boundFacts, FACTS_BUDGET_CHARS } from './bound-facts';
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
  /** Question cards answered or closed, by nonce, newest last: what a click on an old card is told. */
  closedCards?: ClosedCard[];
}

/** A question card that is no longer open (its one-time nonce) and why. */
export interface ClosedCard {
  nonce: string;
  state: Exclude<StaleQuestionState, 'unknown'>;
}

/** Closed cards kept; an older card's click is told "no longer open" without the reason. */
const MAX_CLOSED_CARDS = 10;

export function rememberClosedCard(kept: ClosedCard[] | undefined, closed: ClosedCard): ClosedCard[] {
  return [...(kept ?? []).filter((c) => c.nonce !== closed.nonce), closed].slice(-MAX_CLOSED_CARDS);
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

/** Parts of one report kept until "done"; a part beyond is refused (and the user told so). */
export const MAX_REPORT_PARTS = 20;
/** Characters of one report in parts (all parts together), the default paste limit: "done" gives the engine no more. */
export const MAX_REPORT_CHARS = 40_000;

/** Characters of the parts, counted like the paste limit counts a message. */
export function reportChars(fragments: readonly string[]): number {
  return fragments.reduce((n, f) => n + f.length, 0);
}

// Control characters other than tab and line breaks say nothing to any recognizer, and each would take
// six characters of stored JSON; without them a part's JSON is at most twice its length.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export type PartAdded = { kept: true; fragments: string[] } | { kept: false; reason: 'parts' | 'chars'; chars: number };

/** Adds a report part unless it would pass MAX_REPORT_PARTS or `maxChars`; the parts kept never change. */
export function addReportPart(fragments: readonly string[], text: string, maxChars = MAX_REPORT_CHARS): PartAdded {
  if (fragments.length >= MAX_REPORT_PARTS) return { kept: false, reason: 'parts', chars: reportChars(fragments) };
  const chars = reportChars(fragments) + text.length;
  if (chars > maxChars) return { kept: false, reason: 'chars', chars };
  return { kept: true, fragments: [...fragments, text.replace(CONTROL, '')] };
}

/**
 * The session as it may be stored: facts within FACTS_BUDGET_CHARS (also those of each kept verdict, then
 * the verdict budget applies), parts within the report limits. Whatever the user sends, the stored session
 * stays under SESSION_MAX_CHARS.
 */
function boundSession(session: Session, maxReportChars = MAX_REPORT_CHARS): { session: Session; trimmed: boolean } {
  const facts = boundFacts(session.facts);
  const out: Session = { ...session, facts: facts.facts };
  if (session.fragments.length > MAX_REPORT_PARTS || reportChars(session.fragments) > maxReportChars) {
    const kept: string[] = [];
    for (const f of session.fragments) {
      const added = addReportPart(kept, f, maxReportChars);
      if (!added.kept) break;
      kept.push(f);
    }
    out.fragments = kept;
  }
  if (session.closedCards) out.closedCards = session.closedCards.slice(-MAX_CLOSED_CARDS);
  if (session.verdicts) {
    const verdicts = session.verdicts.map((v) => ({ ...v, facts: boundFacts(v.facts).facts }));
    out.verdicts = verdicts.reduce<ShownVerdict[]>((kept, v) => rememberVerdict(kept, v), []);
  }
  return { session: out, trimmed: facts.trimmed };
}

/**
 * Upper bound of one conversation's stored state: the parts, the facts, the kept verdicts (the newest is
 * kept whatever its size, its facts within the facts budget), the open question in the dialog stack
 * (its text comes from the facts), and room for ids and ask counts. The parts' JSON is at most twice
 * their characters (quotes, backslashes and line breaks are escaped with one more character).
 */
export const SESSION_MAX_CHARS = 2 * MAX_REPORT_CHARS + 3 * FACTS_BUDGET_CHARS + 4_000 + MAX_CLOSED_CARDS * 100;

/** Reads and writes the session through a state property; saving happens once per turn in bot/. */
export class SessionStore {
  constructor(
    private readonly accessor: StatePropertyAccessor<Session>,
    private readonly engine: DiagnosisEngine,
    readonly maxReportChars = MAX_REPORT_CHARS,
  ) {}

  async get(context: TurnContext): Promise<Session> {
    return this.accessor.get(context, { facts: this.engine.emptyFacts(), fragments: [] });
  }

  /**
   * Saves the session within its bounds (boundSession), whatever the caller merged into it. True when
   * facts had to be dropped or cut to fit (the caller may tell the user, see FACTS_TRIMMED).
   */
  async set(context: TurnContext, session: Session): Promise<boolean> {
    const bounded = boundSession(session, this.maxReportChars);
    await this.accessor.set(context, bounded.session);
    return bounded.trimmed;
  }

  /**
   * An empty session; `verdicts` carries shown verdicts over (cancel keeps them, restart does not), and
   * `closedCards` the closed question cards (always kept, so their buttons still say why they are closed).
   */
  fresh(verdicts?: ShownVerdict[], closedCards?: ClosedCard[]): Session {
    const session: Session = { facts: this.engine.emptyFacts(), fragments: [] };
    if (verdicts) session.verdicts = verdicts;
    if (closedCards && closedCards.length > 0) session.closedCards = closedCards;
    return session;
  }
}
