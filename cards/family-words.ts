import { FAMILIES, type Family, type Status } from '../engine/vocabulary';
import { FAMILY_TABLE } from '../engine/knowledge/families';

// Words for the vocabulary ids (docs/knowledge.md#families and #causes), as the cards and plain text say them.

/** The family's short words, from the engine's one family table. */
export const FAMILY_WORDS: Readonly<Record<Family, string>> =
  Object.fromEntries(FAMILIES.map((f) => [f, FAMILY_TABLE[f].words])) as Record<Family, string>;

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

