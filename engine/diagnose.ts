import type { Facts } from './facts';
import type { CauseResult, Fix, Verdict } from './verdict';
import { CAUSE_IDS, STATUS_RANK, caseOf, type Case, type CauseId, type Family } from './vocabulary';
import { causeEntry } from './knowledge/causes/catalogue';
import { FAMILY_HEADLINES, RELAY_FAMILIES } from './knowledge/families';
import { buildContext, type DiagnosisContext } from './rules/context';
import { combineFindings, type CombinedCause } from './rules/combine';
import type { Finding } from './rules/finding';
import { ndrFindings } from './rules/ndr-rules';
import { sendConnectorFindings } from './rules/send-connector-rules';
import { certificateFindings } from './rules/certificate-rules';
import { inboundConnectorFindings } from './rules/inbound-connector-rules';
import { acceptedDomainFindings } from './rules/accepted-domain-rules';
import { answerFindings } from './rules/answer-rules';
import { liveNotes } from './rules/live-notes';
import { fixContextFrom } from './rules/fix-context';
import { selectQuestions } from './questions/select-questions';

// facts → verdict. Pure and synchronous: every rule is a function of the DiagnosisContext.

const RULES: ReadonlyArray<(ctx: DiagnosisContext) => Finding[]> = [
  ndrFindings, sendConnectorFindings, certificateFindings, inboundConnectorFindings, acceptedDomainFindings, answerFindings,
];

const EMPTY_FIX: Fix = { steps: [], adminCenterPath: [], verify: [], docs: [] };

function caseOrder(family: Family): Case[] {
  return family === 'eop-relay-denied' ? ['case2', 'case1', 'other'] : ['case1', 'case2', 'other'];
}

/** Without an NDR, configuration or a domain still start a Case 1 / Case 2 check. */
function inRelayMode(ctx: DiagnosisContext): boolean {
  if (RELAY_FAMILIES.has(ctx.family)) return true;
  if (ctx.family !== 'not-an-ndr') return false;
  const f = ctx.facts;
  return f.sendConnectors.length + f.inboundConnectors.length + f.acceptedDomains.length + f.certificates.length + f.protocolLogs.length > 0 ||
    !!f.domain || Object.keys(f.answers).length > 0;
}

function seedAll(): Finding[] {
  return CAUSE_IDS.filter((id) => caseOf(id) !== 'other').map((cause) => ({ cause, status: 'possible' as const, source: 'ndr' as const, evidence: [] }));
}

/**
 * Causes the NDR makes unlikely (EOP was reached, so mail did go through the smart host) are not proven
 * by configuration alone: the pasted connector may not be the one that sent this message.
 */
function capUnlikely(ctx: DiagnosisContext, findings: Finding[]): Finding[] {
  const unlikely = new Set(ctx.classification?.unlikely ?? []);
  if (unlikely.size === 0) return findings;
  const line = { source: 'ndr', text: `${ctx.primaryNdr?.diagnostic ?? ''} (the refusal came from EOP, so the mail did reach it)` };
  return findings.map((f) => (unlikely.has(f.cause) && f.status === 'confirmed' && f.source !== 'ndr'
    ? { ...f, status: 'likely' as const, evidence: [...f.evidence, line] }
    : f));
}

export function diagnose(facts: Facts): Verdict {
  const ctx = buildContext(facts);
  const relayMode = inRelayMode(ctx);
  const findings = capUnlikely(ctx, RULES.flatMap((rule) => rule(ctx)));
  // Seeds only steer the questions when there is no NDR; they never show as causes.
  const seeded = ctx.family === 'not-an-ndr' && relayMode;
  const forQuestions = combineFindings(seeded ? [...seedAll(), ...findings] : findings);
  let combined = combineFindings(findings);

  if (!relayMode) {
    // Outside relay families, configuration findings show only when they prove something.
    const ndrOnly = new Map<CauseId, CombinedCause>();
    for (const [id, c] of combined) if (c.sources.has('ndr') || c.status === 'confirmed') ndrOnly.set(id, c);
    combined = ndrOnly;
  }

  const order = caseOrder(ctx.family);
  const causes: CauseResult[] = [...combined.values()]
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      order.indexOf(caseOf(a.id)) - order.indexOf(caseOf(b.id)) ||
      CAUSE_IDS.indexOf(a.id) - CAUSE_IDS.indexOf(b.id))
    .map((c) => {
      const entry = causeEntry(c.id);
      return {
        id: c.id, case: caseOf(c.id), status: c.status, title: entry.title, explanation: entry.explanation,
        evidence: c.evidence, fix: c.status === 'ruled-out' ? EMPTY_FIX : entry.fix(fixContextFrom(ctx, c.id)),
      };
    });

  const notes = [...liveNotes(ctx), ...facts.inputs.filter((i) => i.kind === 'not-recognized' && i.hint).map((i) => i.hint as string)];
  return {
    family: ctx.family,
    headline: FAMILY_HEADLINES[ctx.family],
    diagnostic: ctx.primaryNdr?.diagnostic,
    causes,
    questions: selectQuestions(ctx, forQuestions, relayMode),
    notes: [...new Set(notes)],
    inputs: facts.inputs,
  };
}
