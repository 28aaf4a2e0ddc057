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
  confirmed: 'Confirmed',
  likely: 'Likely',
  possible: 'Possible',
  'ruled-out': 'Ruled out',
};

/**
 * Container styles for the lead and the cause headings. Text inside stays in the Default color: the host
 * (Teams) picks a foreground for each container style that keeps contrast in its light, dark and
 * high-contrast themes, whereas colored text (Warning yellow on white) can fall below WCAG AA. The status is
 * always written out in words as well, so color never carries meaning alone. See docs/verdict-card.md.
 */
export const STATUS_STYLES: Record<Status, string> = {
  confirmed: 'attention',
  likely: 'warning',
  possible: 'emphasis',
  'ruled-out': 'default',
};

/** How sure the lead is, in words. */
export const CERTAINTY_WORDS: Record<'confirmed' | 'likely' | 'open' | 'healthy', string> = {
  confirmed: 'Found: proven by what you pasted',
  likely: 'Most likely',
  open: 'Not pinned down yet',
  healthy: 'Looks right so far',
};

export const CERTAINTY_STYLES: Record<'confirmed' | 'likely' | 'open' | 'healthy', string> = {
  confirmed: 'attention', likely: 'warning', open: 'emphasis', healthy: 'good',
};

export const CASE_WORDS: Record<string, string> = {
  case1: 'Case 1: your on-premises Send connector',
  case2: 'Case 2: the Exchange Online inbound connector and your accepted domains',
  other: 'Other',
};

