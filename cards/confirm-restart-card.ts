import template from './templates/confirm-restart.json';
import type { CardJson } from './card-json';
import { expandTemplate } from './template';

export const KEEP_GOING_VERB = 'keep-going';

/** What is in progress when an older card's "Start over" is clicked. */
export interface CaseInProgress {
  answers: number;
  questionOpen: boolean;
  collectingParts: boolean;
}

function progressWords(p: CaseInProgress): string {
  const parts: string[] = [];
  if (p.answers > 0) parts.push(p.answers === 1 ? 'one answer so far' : `${p.answers} answers so far`);
  if (p.questionOpen) parts.push('a question is open');
  if (p.collectingParts) parts.push('a report sent in parts is being collected');
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Asks before an old "Start over" button drops the case in progress. */
export function buildConfirmRestartCard(progress: CaseInProgress): CardJson {
  return expandTemplate(template, {
    detail: `A case is in progress${progressWords(progress)}. Starting over drops it. The button you clicked belongs to an earlier verdict.`,
  });
}
