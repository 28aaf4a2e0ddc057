// STUB: replaced by the NDR recognizer (helper H1).
import type { NdrFacts } from '../facts';

export function recognizeNdr(_text: string): NdrFacts[] {
  return [];
}
