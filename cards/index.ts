// Card builders: pure functions from engine data to Adaptive Card JSON (no botbuilder here).
export * from './card-json';
export { buildStaleQuestionCard, type StaleQuestionState, staleStatusId } from './closed-question-card';
export { buildClosedQuestionCard, closedStatusId, QUESTION_CLOSE_REASONS } from './closed-question-card';
export { buildConfirmRestartCard } from './confirm-restart-card';
export { buildErrorCard } from './error-card';
export { buildHelpCard } from './help-card';
export { buildAnsweredCard, buildQuestionCard } from './question-card';
export { buildRetryCard } from './retry-card';
export { buildVerdictCards } from './verdict-card';
export { verdictToText } from './verdict-text';
export { buildWelcomeCard } from './welcome-card';
