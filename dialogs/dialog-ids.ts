import type { Case } from '../engine/vocabulary';

export const ROOT_DIALOG = 'relayDoctorRoot';
export const DIAGNOSIS_DIALOG = 'diagnosis';
export const CARD_PROMPT = 'cardPrompt';

export function caseDialogId(c: Case): string {
  return `questions:${c}`;
}
