import { emptyFacts, type Facts, mergeFacts } from './facts';
import { recognize } from './recognize/recognize';

export interface FactOptions {
  domain?: string;
  answers?: Record<string, string>;
}

/** Recognize each input and merge everything into one Facts object. */
export function buildFacts(inputs: ReadonlyArray<string | Uint8Array>, options: FactOptions = {}): Facts {
  let facts = emptyFacts();
  for (const input of inputs) facts = mergeFacts(facts, recognize(input).facts);
  if (options.domain) facts = { ...facts, domain: options.domain.trim().toLowerCase() };
  if (options.answers) {
    for (const [id, value] of Object.entries(options.answers)) facts = applyAnswer(facts, id, value);
  }
  return facts;
}

/**
 * Record an answer to one of the engine's questions. A pasted answer (cmdlet output, an NDR) is
 * recognized and merged as facts, so pasting is always as good as answering by hand.
 */
export function applyAnswer(facts: Facts, questionId: string, value: string): Facts {
  const recognized = recognize(value);
  const pasted = recognized.kind !== 'not-recognized' && recognized.kind !== 'domain';
  const withAnswer: Facts = { ...facts, answers: { ...facts.answers, [questionId]: value.trim() } };
  return pasted ? mergeFacts(withAnswer, recognized.facts) : withAnswer;
}
