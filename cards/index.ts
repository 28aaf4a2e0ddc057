// Card builders: pure functions from engine data to Adaptive Card JSON (no botbuilder here).
export * from './card-json';
;
export { buildWelcomeCard,  } from './welcome-card';
export { buildQuestionCard, buildAnsweredCard,    } from './question-card';
export { buildVerdictCards,    } from './verdict-card';
export { verdictToText,  } from './verdict-text';
export { buildErrorCard } from './error-card';
;
export { buildStaleQuestionCard, staleStatusId, type StaleQuestionState } from './closed-question-card';
;
export { buildClosedQuestionCard, closedStatusId, QUESTION_CLOSE_REASONS,  } from './closed-question-card';
export { buildRetryCard,  } from './retry-card';
export { buildHelpCard,  } from './help-card';
export { buildConfirmRestartCard,   } from './confirm-restart-card';
