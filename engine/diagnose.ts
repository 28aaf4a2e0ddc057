import { evidenceLabel, labelEvidence } from './evidence-label';
import type { Facts } from './facts';
import { causeEntry } from './knowledge/causes/catalogue';
import { caseOrder, FAMILY_TABLE } from './knowledge/families';
import { isNotSureAnswer } from './questions/answer-types';
import { QUESTION_CATALOGUE } from './questions/question-catalogue';
import { isQuestionId } from './questions/question-ids';
import { selectQuestions } from './questions/select-questions';
import { acceptedDomainFindings } from './rules/accepted-domain-rules';
import { answerFindings } from './rules/answer-rules';
import { certificateFindings } from './rules/certificate-rules';
import { type CombinedCause, combineFindings } from './rules/combine';
import { withShell } from './rules/command-shell';
import { buildContext, type DiagnosisContext } from './rules/context';
import type { Finding } from './rules/finding';
import { fixContextFrom } from './rules/fix-context';
import { inboundConnectorFindings } from './rules/inbound-connector-rules';
import { addHealth, buildLead } from './rules/lead';
import { liveNotes } from './rules/live-notes';
import { ndrFindings } from './rules/ndr-rules';
import { notChecked } from './rules/not-checked';
import { readingSummary } from './rules/reading';
import { sendConnectorFindings } from './rules/send-connector-rules';
import { describeVantage } from './rules/vantage-words';
import type { CauseResult, Fix, Verdict } from './verdict';
import type { NotChecked } from './verdict';
import { caseOf, CAUSE_IDS, type CauseId, STATUS_RANK } from './vocabulary';

// facts → verdict. Pure and synchronous: every rule is a function of the DiagnosisContext.

const RULES: ReadonlyArray<(ctx: DiagnosisContext) => Finding[]> = [
  ndrFindings,
  sendConnectorFindings,
  certificateFindings,
  inboundConnectorFindings,
  acceptedDomainFindings,
  answerFindings,
];

const EMPTY_FIX: Fix = { steps: [], adminCenterPath: [], verify: [], docs: [] };

/** Without an NDR, configuration or a domain still start a Case 1 / Case 2 check. */
function inRelayMode(ctx: DiagnosisContext): boolean {
  if (FAMILY_TABLE[ctx.family].relay) return true;
  if (ctx.family !== 'not-an-ndr') return false;
  const f = ctx.facts;
  return (
    f.sendConnectors.length +
      f.inboundConnectors.length +
      f.acceptedDomains.length +
      f.certificates.length +
      f.protocolLogs.length >
      0 ||
    !!f.domain ||
    Object.keys(f.answers).length > 0
  );
}

function seedAll(): Finding[] {
  return CAUSE_IDS.filter((id) => caseOf(id) !== 'other').map((cause) => ({
    cause,
    status: 'possible' as const,
    source: 'ndr' as const,
    evidence: [],
  }));
}

/**
 * Causes the NDR makes unlikely (EOP was reached, so mail did go through the smart host) are not proven
 * by configuration alone: the pasted connector may not be the one that sent this message.
 */
function capUnlikely(ctx: DiagnosisContext, findings: Finding[]): Finding[] {
  const unlikely = new Set(ctx.classification?.unlikely ?? []);
  if (unlikely.size === 0) return findings;
  const line = {
    source: 'ndr',
    text: `${ctx.primaryNdr?.diagnostic ?? ''} (the refusal came from EOP, so the mail did reach it)`,
  };
  return findings.map((f) =>
    unlikely.has(f.cause) && f.status === 'confirmed' && f.source !== 'ndr'
      ? { ...f, status: 'likely' as const, evidence: [...f.evidence, line] }
      : f,
  );
}

export interface DiagnoseOptions {
  /** IANA time zone for the times in the verdict (the admin's, when the client says it); UTC otherwise. */
  timeZone?: string;
}

/** Questions the admin answered "not sure": their causes stay open, with the command that settles them. */
function notSureAnswers(ctx: DiagnosisContext): { id: string; causes: CauseId[]; item: NotChecked }[] {
  const out: { id: string; causes: CauseId[]; item: NotChecked }[] = [];
  for (const [id, value] of Object.entries(ctx.facts.answers)) {
    if (!isNotSureAnswer(value) || !isQuestionId(id)) continue;
    const def = QUESTION_CATALOGUE[id];
    const q = def.question(ctx);
    out.push({
      id,
      causes: q.decides,
      item: {
        topic: `"${q.prompt}" (you answered not sure)`,
        how: q.command ? 'Its output settles it: paste it here.' : q.why,
        check: q.command
          ? withShell({ text: 'Run this and paste the output here.', powershell: q.command })
          : undefined,
      },
    });
  }
  return out;
}

/** What live DNS could not verify, in words (the resolver said …, from where, when). */
function liveUnverified(facts: Facts, timeZone?: string): string[] {
  const said: Record<string, string> = {
    nxdomain: 'the name does not exist',
    'no-data': 'there is no such record',
    'could-not-check': 'nothing usable',
  };
  return facts.live
    .filter((o) => o.outcome !== 'ok' && (o.check !== 'spf' || o.outcome !== 'no-data'))
    .map(
      (o) =>
        `The ${o.check === 'smart-host' ? 'address' : o.check.toUpperCase()} of ${o.subject}: could not verify from here (the resolver said ${said[o.outcome]}${o.detail ? `: ${o.detail}` : ''}; a lookup ${describeVantage(o.vantage, o.observedAt, timeZone)}).`,
    );
}

function withShells(fix: Fix): Fix {
  return { ...fix, steps: fix.steps.map(withShell), verify: fix.verify.map(withShell) };
}

export function diagnose(facts: Facts, options: DiagnoseOptions = {}): Verdict {
  const ctx = buildContext(facts);
  const relayMode = inRelayMode(ctx);
  const findings = capUnlikely(
    ctx,
    RULES.flatMap((rule) => rule(ctx)),
  );
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

  const unsure = relayMode ? notSureAnswers(ctx) : [];
  for (const u of unsure) {
    for (const id of u.causes) {
      const c = combined.get(id);
      const line = { source: `answer: ${u.id}`, text: 'Not sure' };
      if (!c) combined.set(id, { id, status: 'possible', sources: new Set(['answer']), evidence: [line] });
      else if (c.status === 'possible') c.evidence.push(line);
    }
  }

  const order = caseOrder(ctx.family);
  const causes: CauseResult[] = [...combined.values()]
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        order.indexOf(caseOf(a.id)) - order.indexOf(caseOf(b.id)) ||
        CAUSE_IDS.indexOf(a.id) - CAUSE_IDS.indexOf(b.id),
    )
    .map((c) => {
      const entry = causeEntry(c.id);
      return {
        id: c.id,
        case: caseOf(c.id),
        status: c.status,
        title: entry.title,
        explanation: entry.explanation,
        evidence: labelEvidence(ctx, c.evidence),
        fix: c.status === 'ruled-out' ? EMPTY_FIX : withShells(entry.fix(fixContextFrom(ctx, c.id))),
      };
    });

  const notes = [
    ...liveNotes(ctx, options.timeZone),
    ...facts.inputs.filter((i) => i.kind === 'not-recognized' && i.hint).map((i) => i.hint as string),
  ];
  const questions = selectQuestions(ctx, forQuestions, relayMode);
  const answerOnly = (id: CauseId) => {
    const c = combined.get(id);
    return !!c && [...c.sources].every((s) => s === 'answer' || s === 'ndr');
  };
  let lead = buildLead(ctx, causes, questions, answerOnly);
  if (ctx.family === 'not-an-ndr' && relayMode) {
    lead = addHealth(ctx, lead, causes, questions, { unverified: liveUnverified(facts, options.timeZone) }, (src) =>
      evidenceLabel(ctx, src),
    );
  }
  const unchecked =
    relayMode || causes.length > 0 ? [...unsure.map((u) => u.item), ...notChecked(ctx, causes)].slice(0, 6) : [];
  return {
    family: ctx.family,
    headline: FAMILY_TABLE[ctx.family].headline,
    diagnostic: ctx.primaryNdr?.diagnostic,
    causes,
    questions,
    notes: [...new Set(notes)],
    inputs: facts.inputs,
    ...(lead ? { lead } : {}),
    read: readingSummary(facts),
    notChecked: unchecked,
  };
}
