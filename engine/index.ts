// The engine's public surface: pure, synchronous, no I/O.
export { applyAnswer, buildFacts, type FactOptions } from './analyze';
export type { DiagnoseOptions } from './diagnose';
export { diagnose } from './diagnose';
export * from './facts';
export { CAUSE_CATALOGUE, type CauseEntry, causeEntry } from './knowledge/causes/catalogue';
export { type EvidenceCommand, evidenceCommands } from './knowledge/causes/evidence-commands';
export type { FixContext } from './knowledge/causes/fix-context';
export { psQuote } from './knowledge/causes/ps-quote';
export {
  classifyHost,
  type EndpointClass,
  type EndpointKind,
  isMicrosoftHost,
  isTenantEndpoint,
} from './knowledge/endpoints';
export { caseOrder, FAMILY_TABLE, type FamilyEntry } from './knowledge/families';
export { ANSWER_TYPES, type AnswerType, isNotSureAnswer, NOT_SURE_VALUE } from './questions/answer-types';
export { type AnswerCheck, type AnswerProblem, validateAnswer } from './questions/answer-validation';
export { type ChoiceDef, COMMON_SYNONYMS } from './questions/choice-synonyms';
export { isQuestionId, QUESTION_IDS, type QuestionId } from './questions/question-ids';
export { PASTE_HINT, type Recognition, recognize } from './recognize/recognize';
export { bytesToText, looksBinary } from './recognize/text-input';
export { runIn, SHELL_WORDS, shellOf } from './rules/command-shell';
export { readingSummary } from './rules/reading';
export * from './verdict';
export * from './vocabulary';
