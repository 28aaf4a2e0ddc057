import type { Case, Family } from '../vocabulary';

// Everything the engine and the views know about a failure family, in one table (vocabulary.md names the ids).

export interface FamilyEntry {
  /**
   * Which NDR is most telling when a paste holds several (0 first). The recognizer orders its NDRs by it
   * and the rules read the first, so the input label and the verdict name the same NDR.
   */
  rank: number;
  /** The case the family points at first; undefined: either. */
  primaryCase?: Exclude<Case, 'other'>;
  /** Whether the Case 1 / Case 2 questions make sense. */
  relay: boolean;
  /** What the family means, in words for the admin (the verdict's headline). */
  headline: string;
  /** The same, short, as the cards and plain text say it. */
  words: string;
  /** What a read NDR of this family means for the walk, after "… answered 550 5.7.64, " in the reading. */
  next?: string;
}

// Rank: a refusal that names who refused comes before a failure that only says the mail did not get
// through. The relay refusals first (the product's subject), then the TLS failure of the hop to EOP (usually
// a 4xx retry), then EOP's refusals of a recipient or a sender, then the connection failures and expiries
// (a relay refusal before the 4.4.7 expiry that followed it), then the rest.
export const FAMILY_TABLE: Readonly<Record<Family, FamilyEntry>> = {
  'eop-relay-denied': {
    rank: 0,
    primaryCase: 'case2',
    relay: true,
    headline:
      'Exchange Online Protection refused to relay this mail for your organization: it could not attribute it to your tenant.',
    words: 'Exchange Online Protection refused to relay for your organization',
    next: 'so your routing to EOP works; checking the inbound side (the Exchange Online inbound connector, your certificate and accepted domains)',
  },
  'eop-wrong-endpoint': {
    rank: 1,
    primaryCase: 'case1',
    relay: true,
    headline: 'Your server sent the mail to a Microsoft endpoint that cannot relay for your tenant.',
    words: 'Your server sent to a Microsoft endpoint that cannot relay for your tenant',
    next: 'so the mail went to a Microsoft endpoint that does not relay for your tenant; checking your Send connector',
  },
  'onprem-relay-denied': {
    rank: 2,
    relay: false,
    headline: 'Your own Exchange server refused to relay (a receive connector), before the mail reached Microsoft.',
    words: 'Your on-premises Exchange server refused to relay',
    next: 'so your own server refused before the mail reached Microsoft; checking your receive connectors',
  },
  'other-relay-denied': {
    rank: 3,
    relay: false,
    headline: 'A mail server outside Microsoft refused to relay the message.',
    words: 'A non-Microsoft mail server refused to relay',
  },
  'tls-failure': {
    rank: 4,
    primaryCase: 'case1',
    relay: true,
    headline: 'The TLS or certificate step between your Exchange server and Exchange Online Protection failed.',
    words: 'The TLS or certificate step between your server and Exchange Online failed',
    next: 'so the TLS step failed; checking the certificate your server presents',
  },
  'eop-recipient-rejected': {
    rank: 5,
    relay: false,
    headline:
      'Exchange Online Protection rejected the recipient: this is not a relay problem (directory-based edge blocking).',
    words: 'Exchange Online Protection rejected the recipient (not a relay problem)',
    next: 'so this is about the recipient, not relay',
  },
  'eop-sender-blocked': {
    rank: 6,
    relay: false,
    headline: 'Exchange Online Protection refused the sender for reputation or policy reasons.',
    words: 'Exchange Online Protection refused the sender for reputation or policy',
    next: 'so this is about reputation or policy, not your connectors',
  },
  'connection-failure': {
    rank: 7,
    primaryCase: 'case1',
    relay: true,
    headline: 'Your Exchange server could not reach or resolve its next hop.',
    words: 'Your server could not reach or resolve its next hop',
    next: 'so your server did not get through to its next hop; checking your Send connector and DNS',
  },
  'other-failure': {
    rank: 8,
    relay: false,
    headline: 'A delivery failure that is not a relay problem.',
    words: 'A delivery failure that is not a relay problem',
  },
  'not-an-ndr': {
    rank: 9,
    relay: false,
    headline: 'No delivery failure was recognized in what you gave me.',
    words: 'No delivery failure was recognized yet',
  },
};

/** The order in which causes are listed and questions asked: the family's primary case first. */
export function caseOrder(family: Family): Case[] {
  return FAMILY_TABLE[family].primaryCase === 'case2' ? ['case2', 'case1', 'other'] : ['case1', 'case2', 'other'];
}
