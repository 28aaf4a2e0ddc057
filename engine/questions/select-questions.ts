import { FAMILY_TABLE } from '../knowledge/families';
import type { CombinedCause } from '../rules/combine';
import type { DiagnosisContext } from '../rules/context';
import type { Question } from '../verdict';
import { caseOf, type CauseId } from '../vocabulary';
import { CASE1_FIRST, CASE2_FIRST, QUESTION_CATALOGUE } from './question-catalogue';

/**
 * The questions still worth asking, most useful first: not answered, not known from facts, and deciding at
 * least one cause that is still open. Once pasted configuration or an answer has pinned a cause down
 * (confirmed or likely), the walk stops and the fix is shown.
 */
export function selectQuestions(
  ctx: DiagnosisContext,
  causes: Map<CauseId, CombinedCause>,
  relayMode: boolean,
): Question[] {
  if (!relayMode) return [];
  // Pinned: proven by pasted evidence or answers, or likely in the case the failure points at. A likely
  // Case 1 finding does not stop the Case 2 questions after a relay refusal, and vice versa.
  const primary = FAMILY_TABLE[ctx.family].primaryCase;
  const pinned = [...causes.values()].some(
    (c) =>
      [...c.sources].some((s) => s !== 'ndr') &&
      (c.status === 'confirmed' || (c.status === 'likely' && (primary === undefined || caseOf(c.id) === primary))),
  );
  if (pinned) return [];
  const open = (id: CauseId) => {
    const c = causes.get(id);
    return (
      c !== undefined &&
      (c.status === 'possible' || (c.status !== 'ruled-out' && [...c.sources].every((s) => s === 'ndr')))
    );
  };
  const order = primary === 'case2' ? CASE2_FIRST : CASE1_FIRST;
  const out: Question[] = [];
  for (const id of order) {
    const def = QUESTION_CATALOGUE[id];
    if (!def || ctx.facts.answers[id] !== undefined || !def.needed(ctx)) continue;
    const q = def.question(ctx);
    if (q.decides.length > 0 && !q.decides.some(open)) continue;
    out.push(q);
  }
  // The domain question only matters while other questions remain or fixes need it.
  if (out.length === 1 && out[0].id === 'domain' && causes.size === 0) return [];
  return out;
}
