import type { Facts } from '../engine/facts';

// Conversation state must stay small whatever the user sends (it is read and written on every turn and
// stored per conversation). Facts are bounded here before they are saved: newest kept, oldest dropped.

// When something had to be dropped or cut, the dialogs tell the user (FACTS_TRIMMED in dialogs/replies.ts).

/** Largest JSON size of the facts kept for one conversation (also the facts of each kept verdict). */
export const FACTS_BUDGET_CHARS = 16_000;

/** Items kept per list, newest last (a conversation about one relay problem needs far fewer). */
const MAX_FACT_ITEMS: Readonly<Record<FactList, number>> = {
  inputs: 20,
  ndrs: 4,
  sendConnectors: 10,
  inboundConnectors: 10,
  acceptedDomains: 40,
  certificates: 10,
  protocolLogs: 4,
  live: 16,
};
/** Answers kept (the engine asks a few dozen questions at most). */
const MAX_ANSWERS = 40;

type FactList =
  | 'inputs'
  | 'ndrs'
  | 'sendConnectors'
  | 'inboundConnectors'
  | 'acceptedDomains'
  | 'certificates'
  | 'protocolLogs'
  | 'live';
const LISTS = Object.keys(MAX_FACT_ITEMS) as FactList[];

/** Cuts applied inside one item: first generous, then tighter while the facts are still over budget. */
const CUTS = [
  { chars: 2000, items: 100 },
  { chars: 300, items: 20 },
  { chars: 80, items: 4 },
] as const;

export interface BoundedFacts {
  facts: Facts;
  /** True when something was dropped or cut to fit. */
  trimmed: boolean;
}

function cutDeep(value: unknown, cut: { chars: number; items: number }): unknown {
  if (typeof value === 'string') return value.length > cut.chars ? `${value.slice(0, cut.chars)}…` : value;
  if (Array.isArray(value)) return value.slice(0, cut.items).map((v) => cutDeep(v, cut));
  // Object keys are schema fields or property names the parsers know: only their values are cut.
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutDeep(v, cut)]));
  return value;
}

const size = (x: unknown) => JSON.stringify(x).length;

/** Drops the oldest item of the heaviest list (that has more than one) until the facts fit; false when none can go. */
function dropOldest(facts: Facts, budget: number): boolean {
  const sizes = Object.fromEntries(LISTS.map((l) => [l, (facts[l] as unknown[]).map(size)])) as Record<
    FactList,
    number[]
  >;
  let total = size(facts);
  while (total > budget) {
    let heaviest: FactList | undefined;
    let weight = 0;
    for (const l of LISTS) {
      const w = sizes[l].reduce((a, b) => a + b, 0);
      if (sizes[l].length > 1 && w > weight) {
        heaviest = l;
        weight = w;
      }
    }
    if (!heaviest) return false;
    (facts[heaviest] as unknown[]).shift();
    total -= sizes[heaviest].shift()! + 1;
  }
  return true;
}

/**
 * Facts within FACTS_BUDGET_CHARS of JSON: lists capped (newest kept), long strings and lists inside an
 * item cut, then the oldest items of the heaviest lists dropped, then tighter cuts, and as a last resort
 * everything but the newest NDR and the answers. Facts already within the caps come back unchanged.
 */
export function boundFacts(input: Facts, budget = FACTS_BUDGET_CHARS): BoundedFacts {
  const fits = (f: Facts) => size(f) <= budget;
  const withinCaps =
    LISTS.every((l) => (input[l] as unknown[]).length <= MAX_FACT_ITEMS[l]) &&
    Object.keys(input.answers).length <= MAX_ANSWERS;
  if (withinCaps && fits(input)) return { facts: input, trimmed: false };

  const answers = Object.fromEntries(Object.entries(input.answers).slice(-MAX_ANSWERS));
  let facts = { ...input, answers } as Facts;
  for (const l of LISTS) (facts as Record<FactList, unknown[]>)[l] = (input[l] as unknown[]).slice(-MAX_FACT_ITEMS[l]);
  for (const cut of CUTS) {
    facts = cutDeep(facts, cut) as Facts;
    if (fits(facts) || dropOldest(facts, budget)) return { facts, trimmed: true };
  }
  const last = facts.ndrs.at(-1);
  const bare: Facts = {
    inputs: [],
    ndrs: last ? [last] : [],
    sendConnectors: [],
    inboundConnectors: [],
    acceptedDomains: [],
    certificates: [],
    protocolLogs: [],
    answers: facts.answers,
    live: [],
    ...(facts.domain ? { domain: facts.domain } : {}),
  };
  return { facts: fits(bare) ? bare : { ...bare, ndrs: [], answers: {} }, trimmed: true };
}
