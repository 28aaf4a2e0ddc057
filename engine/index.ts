// The engine's public surface: pure, synchronous, no I/O.
export * from './vocabulary';
export * from './facts';
export * from './verdict';
export { recognize, PASTE_HINT, type Recognition } from './recognize/recognize';
export { bytesToText, looksBinary } from './recognize/text-input';
export { buildFacts, applyAnswer, type FactOptions } from './analyze';
export { diagnose } from './diagnose';
export { classifyHost, isMicrosoftHost, isTenantEndpoint, type EndpointClass, type EndpointKind } from './knowledge/endpoints';
export { causeEntry, CAUSE_CATALOGUE, type CauseEntry } from './knowledge/causes/catalogue';
export type { FixContext } from './knowledge/causes/fix-context';
export { FAMILY_HEADLINES } from './knowledge/families';
export { evidenceCommands, type EvidenceCommand } from './knowledge/causes/evidence-commands';
export { psQuote } from './knowledge/causes/ps-quote';
export { QUESTION_IDS, isQuestionId, type QuestionId } from './questions/question-ids';
export { ANSWER_TYPES, NOT_SURE_VALUE, type AnswerType } from './questions/answer-types';
export { validateAnswer, isNotSureAnswer, type AnswerCheck, type AnswerProblem } from './questions/answer-validation';
export { COMMON_SYNONYMS, type ChoiceDef } from './questions/choice-synonyms';
