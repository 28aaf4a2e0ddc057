import type { CardJson } from './card-json';
import { TOO_LONG_TEXTS, tooLongSize, TRIM_TIPS } from './card-texts';
import { expandTemplate } from './template';
import template from './templates/too-long.json';

// Shown instead of running a turn whose pasted text is over the limit. Only numbers from the paste are
// shown (its length), never the paste itself.

/** A card that says how long the paste was, the limit, and how to trim it. */
export function buildTooLongCard(chars: number, limit: number): CardJson {
  const n = (v: number) => Math.max(0, Math.floor(v)).toLocaleString('en-US');
  return expandTemplate(template, {
    texts: TOO_LONG_TEXTS,
    sizeLine: tooLongSize(n(chars), n(limit)),
    tips: TRIM_TIPS,
  });
}
