import template from './templates/too-long.json';
import type { CardJson } from './card-json';
import { expandTemplate } from './template';

// Shown instead of running a turn whose pasted text is over the limit. Only numbers from the paste are
// shown (its length), never the paste itself.

export const TRIM_TIPS: readonly string[] = [
  '1. For a bounce, paste only the part under "Diagnostic information for administrators", down to the first header line.',
  '2. For connector output, ask for one connector: Get-SendConnector "Name" | Format-List, Get-InboundConnector "Name" | Format-List.',
  '3. Or send the report in parts and say "done" at the end.',
];

/** A card that says how long the paste was, the limit, and how to trim it. */
export function buildTooLongCard(chars: number, limit: number): CardJson {
  const n = (v: number) => Math.max(0, Math.floor(v)).toLocaleString('en-US');
  return expandTemplate(template, {
    sizeLine: `It has ${n(chars)} characters; I read up to ${n(limit)} per message.`,
    tips: TRIM_TIPS,
  });
}
