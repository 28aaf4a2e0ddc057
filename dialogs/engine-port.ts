import type { TurnContext } from 'botbuilder';

import type { Facts, LiveObservation } from '../engine/facts';
import * as engine from '../engine/index';

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
export const PASTE_KINDS = new Set([
  'ndr',
  'send-connector',
  'inbound-connector',
  'accepted-domain',
  'exchange-certificate',
  'protocol-log',
]);

export type Recognition = ReturnType<DiagnosisEngine['recognize']>;

/** An NDR that holds its status or reply code: enough to start (or restart) a case on its own. */
export function isCompleteNdr(recognized: Recognition): boolean {
  // A report without any status code (the first part of a split Exchange NDR reads like a code-less bounce)
  // is collected until "done": the parts that follow usually hold the reply.
  return (
    recognized.kind === 'ndr' && (recognized.facts.ndrs ?? []).some((n) => Boolean(n.enhancedStatus || n.replyCode))
  );
}

const TURN_RECOGNITION = Symbol('relayDoctor.recognition');

/**
 * The engine's reading of this turn's text. The root, the prompt and the Case dialog all look at the same
 * paste (up to the body limit), so it is recognized once per turn and shared through turn state.
 */
export function recognizeInTurn(context: TurnContext, engine: DiagnosisEngine, text: string): Recognition {
  const cached = context.turnState.get(TURN_RECOGNITION) as { text: string; recognized: Recognition } | undefined;
  if (cached?.text === text) return cached.recognized;
  const recognized = engine.recognize(text);
  context.turnState.set(TURN_RECOGNITION, { text, recognized });
  return recognized;
}
