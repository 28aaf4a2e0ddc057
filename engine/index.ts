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
export { SHELL_WORDS, shellOf } from './rules/command-shell';
export type { DiagnoseOptions } from './diagnose';
export { readingSummary } from './rules/reading';
