// STUB: replaced by the NDR pattern table (helper H1).
import type { NdrFacts } from '../facts';
import type { CauseId, Family } from '../vocabulary';

export interface NdrClassification {
  family: Family;
  patternId?: string;
  /** Causes the text alone proves. */
  confirmed: CauseId[];
  /** Causes to consider. */
  consider: CauseId[];
  /** Causes the text makes unlikely (e.g. EOP was reached, so no-smart-host is unlikely). */
  unlikely: CauseId[];
  sources: string[];
}

export function classifyNdr(_ndr: NdrFacts): NdrClassification {
  return { family: 'other-failure', confirmed: [], consider: [], unlikely: [], sources: [] };
}
