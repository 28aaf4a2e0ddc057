// PLACEHOLDER until the rules land: family from the NDR classification only.
import type { Facts } from './facts';
import type { Verdict } from './verdict';
import { classifyNdr } from './knowledge/ndr-patterns';

export function diagnose(facts: Facts): Verdict {
  const ndr = facts.ndrs[0];
  const family = ndr ? classifyNdr(ndr).family : 'not-an-ndr';
  return { family, headline: family, diagnostic: ndr?.diagnostic, causes: [], questions: [], notes: [], inputs: facts.inputs };
}
