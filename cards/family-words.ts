import type { Family, Status } from '../engine/vocabulary';

// Words for the vocabulary ids (../shared/design/vocabulary.md), as the cards and plain text say them.

export const FAMILY_WORDS: Record<Family, string> = {
  'eop-relay-denied': 'Exchange Online Protection refused to relay for your organization',
  'eop-wrong-endpoint': 'Your server sent to a Microsoft endpoint that cannot relay for your tenant',
  'tls-failure': 'The TLS or certificate step between your server and Exchange Online failed',
  'connection-failure': 'Your server could not reach or resolve its next hop',
  'onprem-relay-denied': 'Your on-premises Exchange server refused to relay',
  'other-relay-denied': 'A non-Microsoft mail server refused to relay',
  'eop-recipient-rejected': 'Exchange Online Protection rejected the recipient (not a relay problem)',
  'eop-sender-blocked': 'Exchange Online Protection refused the sender for reputation or policy',
  'other-failure': 'A delivery failure that is not a relay problem',
  'not-an-ndr': 'No delivery failure was recognized yet',
};

export const STATUS_WORDS: Record<Status, string> = {
  confirmed: 'CONFIRMED',
  likely: 'LIKELY',
  possible: 'POSSIBLE',
  'ruled-out': 'RULED OUT',
};

/** Adaptive Card colors for the status badges. */
export const STATUS_COLORS: Record<Status, string> = {
  confirmed: 'Attention',
  likely: 'Warning',
  possible: 'Accent',
  'ruled-out': 'Good',
};

export const CASE_WORDS: Record<string, string> = {
  case1: 'Case 1: your on-premises Send connector',
  case2: 'Case 2: the Exchange Online inbound connector and your accepted domains',
  other: 'Other',
};
