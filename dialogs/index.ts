// The conversation: root dialog, Case dialogs driven by the engine's questions, card prompts.
export { RootDialog, HELP_TEXT, type RootDialogDeps } from './root-dialog';
export { CardPrompt, ALREADY_ANSWERED, AnswerSubmitSchema, type CardPromptResult } from './card-prompt';
export { CaseDialog } from './case-dialog';
export { DiagnosisDialog } from './diagnosis-dialog';
export { realEngine, PASTE_KINDS, type DiagnosisEngine, type LiveChecks } from './engine-port';
export { SessionStore, type Session } from './session';
export { EXAMPLE_NDR } from './example-ndr';
export { commandOf, looksLikePlainWords, looksLikeReportFragment, type Command } from './intent';
export { matchChoice } from './match-choice';
export { cardActivity, cardAttachment } from './card-attachment';
export { sendVerdict, sendVerdictText } from './send-verdict';
export { ROOT_DIALOG, DIAGNOSIS_DIALOG, CARD_PROMPT, caseDialogId } from './dialog-ids';
