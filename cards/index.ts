// Card builders: pure functions from engine data to Adaptive Card JSON (no botbuilder here).
export * from './card-json';
export { clip, markdownSafe, textRun, verbatimBlock } from './safe-text';
export { buildWelcomeCard, PASTE_SOURCES } from './welcome-card';
export { buildQuestionCard, buildAnsweredCard, answerLabel, ANSWER_INPUT_ID, ANSWER_VERB } from './question-card';
export { buildVerdictCards, RESTART_VERB, PLAIN_TEXT_VERB, type VerdictSummaryData } from './verdict-card';
export { verdictToText, TEXT_MESSAGE_MAX_CHARS } from './verdict-text';
export { buildErrorCard } from './error-card';
export { STATUS_WORDS, CASE_WORDS } from './card-texts';
export { buildStaleQuestionCard, staleStatusId, type StaleQuestionState } from './closed-question-card';
export { executeAction, REFRESH_VERB } from './execute-action';
export { buildClosedQuestionCard, closedStatusId, QUESTION_CLOSE_REASONS, type QuestionCloseReason } from './closed-question-card';
export { buildRetryCard, SKIP_TITLE } from './retry-card';
export { buildHelpCard, HELP_COMMANDS } from './help-card';
export { buildConfirmRestartCard, KEEP_GOING_VERB, type CaseInProgress } from './confirm-restart-card';
