import type { CardJson } from './card-json';
import { CONFIRM_RESTART_TEXTS, confirmRestartDetail } from './card-texts';
import { expandTemplate } from './template';
import template from './templates/confirm-restart.json';

export const KEEP_GOING_VERB = 'keep-going';

/** What is in progress when an older card's "Start over" is clicked. */
export interface CaseInProgress {
  answers: number;
  questionOpen: boolean;
  collectingParts: boolean;
}

/** Asks before an old "Start over" button drops the case in progress. */
export function buildConfirmRestartCard(progress: CaseInProgress): CardJson {
  return expandTemplate(template, {
    texts: CONFIRM_RESTART_TEXTS,
    detail: confirmRestartDetail(progress),
  });
}
