import type { NdrFacts } from '../../facts';
import { classifyHost, isMicrosoftHost } from '../../knowledge/endpoints';
import { matchNdrPattern, type NdrText, type Rejecter } from '../../knowledge/ndr-patterns';
import type { CauseId, Family } from '../../vocabulary';
import { attrOf, codesOf, innerReply, normalizeText } from './smtp-reply';

// NdrFacts → family and causes, through the pattern table of knowledge/ndr-patterns.ts and the context
// rules of docs/knowledge.md#which-side (who refused, which endpoint was named).

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

/** Who rejected, from the hosts an NDR names (docs/knowledge.md#which-side). */
function rejecterOf(ndr: Pick<NdrFacts, 'replyHost' | 'remoteServer' | 'generatingServer' | 'rejectedBy'>): Rejecter {
  if (ndr.replyHost && isMicrosoftHost(ndr.replyHost)) return 'microsoft';
  const remote = ndr.remoteServer;
  if (remote && isMicrosoftHost(remote)) return 'microsoft';
  const gen = ndr.generatingServer;
  if (remote && (!gen || remote.toLowerCase() !== gen.toLowerCase()) && ndr.rejectedBy !== 'generating')
    return 'third-party';
  if (gen && isMicrosoftHost(gen) && !remote) return 'microsoft';
  if (gen || ndr.rejectedBy === 'generating') return 'onprem';
  return 'unknown';
}

/** The matcher input for an NDR's facts (its diagnostic, or the inner reply of a wrapper). */
function ndrTextOf(ndr: NdrFacts): NdrText {
  const full = ndr.diagnostic ?? ndr.evidence[0] ?? '';
  const inner = innerReply(full);
  const reply = inner ?? full;
  const codes = inner ? codesOf(inner) : {};
  return {
    text: normalizeText(reply),
    full: normalizeText(full),
    code: codes.replyCode ?? ndr.replyCode,
    enh: codes.enhancedStatus ?? ndr.enhancedStatus,
    attr: (attrOf(reply) ?? ndr.attr)?.toUpperCase(),
    rejecter: rejecterOf(ndr),
    remoteKind: ndr.remoteServer ? classifyHost(ndr.remoteServer).kind : undefined,
  };
}

export function classifyNdr(ndr: NdrFacts): NdrClassification {
  const t = ndrTextOf(ndr);
  const p = matchNdrPattern(t);
  let confirmed = [...p.confirmed];
  let consider = [...p.consider];
  if (p.confirmedWhenRemote && t.remoteKind === p.confirmedWhenRemote.kind)
    confirmed.push(...p.confirmedWhenRemote.causes);
  const family = p.familyWhenRejecter?.[t.rejecter] ?? p.family;
  if (p.confirmedOnlyWhenRejecter && t.rejecter !== p.confirmedOnlyWhenRejecter) {
    consider = [...confirmed, ...consider];
    confirmed = [];
  }
  return {
    family,
    patternId: p.id,
    confirmed,
    consider: consider.filter((c) => !confirmed.includes(c)),
    unlikely: [...p.unlikely],
    sources: [...p.sources],
  };
}
