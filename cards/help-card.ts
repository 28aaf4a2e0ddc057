import template from './templates/help.json';
import type { CardJson } from './card-json';
import { expandTemplate } from './template';
import { PASTE_SOURCES } from './welcome-card';

/** What can be typed at any time, and what it does. */
export const HELP_COMMANDS: ReadonlyArray<{ say: string; does: string }> = [
  { say: 'show fix', does: ': the fix so far, from what you have given me.' },
  { say: 'skip', does: ': pass on a question you cannot answer; I work without it.' },
  { say: 'cancel', does: ': stop the current case (what you pasted is dropped).' },
  { say: 'restart', does: ': start over with a new report.' },
  { say: 'done', does: ': after a report you sent in several parts.' },
  { say: 'example', does: ': run a sample bounce to see how it works.' },
];

/** "help" at any time: what to paste and what to say, in the welcome card's style, with the example button. */
export function buildHelpCard(): CardJson {
  return expandTemplate(template, {
    title: 'How I can help',
    intro:
      'Paste a "Relay Access Denied" bounce from your on-premises Exchange (or the output of the commands below). ' +
      'I work out which connector or certificate setting makes Exchange Online Protection refuse to relay, ' +
      'ask only what I still need (answer by clicking, or type the answer or its number), and give you the fix.',
    pastes: PASTE_SOURCES,
    commands: HELP_COMMANDS,
  });
}
