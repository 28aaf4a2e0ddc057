import type { CardJson } from './card-json';
import { HELP_COMMANDS, HELP_TEXTS, PASTE_SOURCES } from './card-texts';
import { expandTemplate } from './template';
import template from './templates/help.json';

/** "help" at any time: what to paste and what to say, in the welcome card's style, with the example button. */
export function buildHelpCard(): CardJson {
  return expandTemplate(template, {
    texts: HELP_TEXTS,
    title: HELP_TEXTS.title,
    intro: HELP_TEXTS.intro,
    pastes: PASTE_SOURCES,
    commands: HELP_COMMANDS,
  });
}
