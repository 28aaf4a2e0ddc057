import type { CardJson } from './card-json';
import { PASTE_SOURCES, WELCOME_TEXTS } from './card-texts';
import { expandTemplate } from './template';
import template from './templates/welcome.json';

/** The card sent when the bot is installed or first added to a conversation. */
export function buildWelcomeCard(): CardJson {
  return expandTemplate(template, {
    texts: WELCOME_TEXTS,
    title: WELCOME_TEXTS.title,
    intro: WELCOME_TEXTS.intro,
    pastes: PASTE_SOURCES,
    commands: WELCOME_TEXTS.commands,
  });
}
