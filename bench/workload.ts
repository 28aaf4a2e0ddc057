import { EXAMPLE_NDR } from '../dialogs/example-ndr';
import { buildFacts, diagnose, recognize } from '../engine/index';
import type { BenchInput } from './inputs';

// Which paste each bot benchmark sends, chosen at run time from what the engine says about it, so the
// benchmark follows the engine as it grows instead of naming files it expects answers from.

export interface Workload {
  id: string;
  text: string;
  family: string;
  questions: number;
}

function describe(id: string, text: string): Workload & { complete: boolean } {
  const recognized = recognize(text);
  // The conversation treats an NDR without a status code or diagnostic line as part of a longer report.
  const complete =
    recognized.kind === 'ndr' && (recognized.facts.ndrs ?? []).some((n) => Boolean(n.enhancedStatus || n.diagnostic));
  const verdict = diagnose(buildFacts([text]));
  return { id, text, family: verdict.family, questions: verdict.questions.length, complete };
}

function candidates(inputs: readonly BenchInput[]): Array<Workload & { complete: boolean }> {
  const decoder = new TextDecoder();
  const ranked = [...inputs]
    .filter((i) => i.realisticNdr)
    // Own NDR fixtures first (the bot's use case), then the corpus by category (b: Exchange relay first).
    .sort((a, b) => (a.source === b.source ? a.category.localeCompare(b.category) : a.source === 'fixture' ? -1 : 1));
  return [describe('example-ndr', EXAMPLE_NDR), ...ranked.map((i) => describe(i.id, decoder.decode(i.bytes)))];
}

/** A complete NDR whose verdict needs no question: one turn, one verdict card. */
export function verdictTurnWorkload(inputs: readonly BenchInput[]): Workload | undefined {
  const hit = candidates(inputs).find((c) => c.complete && c.family !== 'not-an-ndr' && c.questions === 0);
  return hit && strip(hit);
}

/** A complete NDR on which the engine asks a question: the conversation stops mid-dialog at a prompt. */
export function midDialogWorkload(inputs: readonly BenchInput[]): Workload | undefined {
  const hit = candidates(inputs).find((c) => c.complete && c.questions > 0);
  return hit && strip(hit);
}

function strip(w: Workload & { complete: boolean }): Workload {
  return { id: w.id, text: w.text, family: w.family, questions: w.questions };
}
