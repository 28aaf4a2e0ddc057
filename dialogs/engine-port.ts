import * as engine from '../engine/index';
import type { Facts, LiveObservation } from '../engine/facts';

/** The engine functions the conversation needs; injected so tests can pass the real engine or a double. */
export interface DiagnosisEngine {
  recognize: typeof engine.recognize;
  applyAnswer: typeof engine.applyAnswer;
  mergeFacts: typeof engine.mergeFacts;
  emptyFacts: typeof engine.emptyFacts;
  diagnose: typeof engine.diagnose;
}

export const realEngine: DiagnosisEngine = {
  recognize: engine.recognize,
  applyAnswer: engine.applyAnswer,
  mergeFacts: engine.mergeFacts,
  emptyFacts: engine.emptyFacts,
  diagnose: engine.diagnose,
};

/** Live DNS checks (engine/live), wired by bot/index.ts when available. */
export type LiveChecks = (facts: Facts) => Promise<LiveObservation[]>;

/** Kinds of text that carry facts of their own: pasting one is as good as answering. */
export const PASTE_KINDS = new Set(['ndr', 'send-connector', 'inbound-connector', 'accepted-domain', 'exchange-certificate', 'protocol-log']);
