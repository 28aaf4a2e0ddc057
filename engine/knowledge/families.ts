import type { Family } from '../vocabulary';

/** What each family means, in words for the admin (vocabulary.md). */
export const FAMILY_HEADLINES: Readonly<Record<Family, string>> = {
  'eop-relay-denied': 'Exchange Online Protection refused to relay this mail for your organization: it could not attribute it to your tenant.',
  'eop-wrong-endpoint': 'Your server sent the mail to a Microsoft endpoint that cannot relay for your tenant.',
  'tls-failure': 'The TLS or certificate step between your Exchange server and Exchange Online Protection failed.',
  'connection-failure': 'Your Exchange server could not reach or resolve its next hop.',
  'onprem-relay-denied': 'Your own Exchange server refused to relay (a receive connector), before the mail reached Microsoft.',
  'other-relay-denied': 'A mail server outside Microsoft refused to relay the message.',
  'eop-recipient-rejected': 'Exchange Online Protection rejected the recipient: this is not a relay problem (directory-based edge blocking).',
  'eop-sender-blocked': 'Exchange Online Protection refused the sender for reputation or policy reasons.',
  'other-failure': 'A delivery failure that is not a relay problem.',
  'not-an-ndr': 'No delivery failure was recognized in what you gave me.',
};

/** Families for which the Case 1 / Case 2 questions make sense. */
export const RELAY_FAMILIES: ReadonlySet<Family> = new Set(['eop-relay-denied', 'eop-wrong-endpoint', 'tls-failure', 'connection-failure']);
