import { bestCertNameMatch } from '../certificates/cert-names';
import { evidenceCommands } from '../knowledge/causes/evidence-commands';
import { listing } from '../knowledge/cmdlets';
import { isTenantEndpoint } from '../knowledge/endpoints';
import type { CauseResult, FixStep, Lead, Question } from '../verdict';
import type { CauseId } from '../vocabulary';
import { withShell } from './command-shell';
import type { DiagnosisContext } from './context';
import { fixContextFrom } from './fix-context';

// The verdict's first lines: what is wrong, in the admin's own names, why that fails the mail, and the one
// step to do first. Only confirmed or likely causes lead; otherwise the lead says what is still open and
// which output settles it.

const q = (s: string | undefined) => (s ? `"${s}"` : '');

function expectedName(ctx: DiagnosisContext): { name?: string; connector?: string } {
  const ic = ctx.onPremisesConnectors.find((c) => c.enabled !== false && c.tlsSenderCertificateName);
  if (ic) return { name: ic.tlsSenderCertificateName, connector: ic.name };
  const answered = ctx.facts.answers['case2.connector-certificate-name']?.trim();
  return { name: answered || undefined };
}

/** Names the server presents that are closest to the expected one (the first if none matches). */
function presentedFor(ctx: DiagnosisContext, expected: string | undefined): string | undefined {
  const names = ctx.presented?.names ?? [];
  if (!names.length) return undefined;
  if (!expected) return names.slice(0, 2).join(', ');
  const best = bestCertNameMatch(expected, names);
  return best.name ?? names.slice(0, 2).join(', ');
}

/** The cause in the admin's terms, with their names and values; undefined: the catalogue title says it. */
function whatIsWrong(ctx: DiagnosisContext, id: CauseId): string | undefined {
  const sc = ctx.internetConnector;
  const scName = sc ? `Your Send connector ${q(sc.name)}` : 'Your Internet Send connector';
  const host = sc?.smartHosts[0] ?? ctx.facts.answers['case1.smart-host']?.trim();
  const ic = ctx.onPremisesConnectors[0] ?? ctx.partnerConnectors[0];
  const icName = ic ? `Your inbound connector ${q(ic.name)}` : 'Your inbound connector';
  switch (id) {
    case 'inbound-connector.certificate-mismatch': {
      const { name, connector } = expectedName(ctx);
      const presented = presentedFor(ctx, name);
      if (!name || !presented) return undefined;
      return `${connector ? `Your inbound connector ${q(connector)}` : 'Your inbound connector'} expects ${name}, but your server presents ${presented}.`;
    }
    case 'send-connector.no-smart-host':
      return `${scName} sends Internet mail straight to the recipients' MX (DNS routing) instead of through your tenant's EOP endpoint.`;
    case 'send-connector.wrong-smart-host':
    case 'send-connector.legacy-endpoint':
    case 'send-connector.client-submission-endpoint':
    case 'send-connector.ip-smart-host':
      return host
        ? `${scName} sends to ${host}, which is not your tenant's EOP endpoint${ctx.tenantEndpoint && isTenantEndpoint(ctx.tenantEndpoint) && ctx.tenantEndpoint !== host.toLowerCase() ? ` (${ctx.tenantEndpoint})` : ''}.`
        : undefined;
    case 'send-connector.disabled':
      return `${scName} is disabled.`;
    case 'send-connector.tls-not-required':
      return `${scName} does not require TLS, so it may send without presenting its certificate.`;
    case 'send-connector.certificate-not-set':
      return `${scName} does not name the certificate it presents (TlsCertificateName is empty).`;
    case 'inbound-connector.disabled':
      return `${icName} is turned off.`;
    case 'inbound-connector.wrong-type':
      return `${icName} is of type Partner; relaying for your servers needs type OnPremises.`;
    case 'inbound-connector.missing':
      return 'Exchange Online has no inbound connector from your email server (type OnPremises).';
    case 'inbound-connector.ip-not-listed':
      return ctx.onPremIp
        ? `Your server sends from ${ctx.onPremIp}, which is not in the SenderIPAddresses of ${ic ? q(ic.name) : 'your inbound connector'}.`
        : undefined;
    case 'accepted-domain.not-accepted': {
      const name = ctx.presented?.names[0] ?? ctx.senderDomain;
      return name ? `${name} is not covered by an accepted domain of your tenant.` : undefined;
    }
    default:
      return undefined;
  }
}

/** Why that fails the mail, per case. */
function because(ctx: DiagnosisContext, cause: CauseResult, basedOnAnswers: boolean): string {
  const why =
    cause.case === 'case2' || ctx.family === 'eop-relay-denied'
      ? 'So EOP cannot tell that the mail comes from your organization and refuses to relay it.'
      : cause.case === 'case1'
        ? "So your mail does not reach EOP as your organization's mail."
        : '';
  const sure =
    cause.status === 'confirmed'
      ? ''
      : basedOnAnswers
        ? ' This rests on your answers, not on pasted output: the fix below checks it first.'
        : ' This is likely, not proven by what you pasted.';
  return `${why}${sure}`.trim();
}

/** The one step to do first: the first change (previewed with -WhatIf), else the first step with a command. */
function firstStep(cause: CauseResult): FixStep | undefined {
  const steps = cause.fix.steps;
  const preview = steps.find((s) => s.powershell && /-WhatIf\b/.test(s.powershell));
  if (preview) {
    const what = /:\s*(.+?)\.?$/.exec(preview.text)?.[1] ?? preview.text;
    return withShell({
      ...preview,
      text: `${what.charAt(0).toUpperCase()}${what.slice(1)}. Run it as shown to preview (-WhatIf changes nothing), then again without -WhatIf to apply.`,
    });
  }
  const withCommand = steps.find((s) => s.powershell);
  return withCommand ? withShell(withCommand) : steps[0];
}

function questionStep(question: Question | undefined): FixStep | undefined {
  if (!question) return undefined;
  if (question.command)
    return withShell({
      text: `Run this and paste its output here (it answers "${question.prompt}").`,
      powershell: question.command,
    });
  return { text: `Answer: ${question.prompt}` };
}

/** Nothing pinned down: the read-only command whose output settles the most likely open cause, never a change. */
function settleStep(ctx: DiagnosisContext, cause: CauseResult): FixStep | undefined {
  const cmd = evidenceCommands(cause.case, fixContextFrom(ctx, cause.id))[0];
  if (!cmd) return undefined;
  return withShell({
    text: `Run this and paste its output here: ${cmd.title.charAt(0).toLowerCase()}${cmd.title.slice(1)} settle what is still open (look at ${cmd.look}).`,
    powershell: cmd.powershell,
  });
}

export function buildLead(
  ctx: DiagnosisContext,
  causes: CauseResult[],
  questions: Question[],
  answerOnly: (id: CauseId) => boolean,
): Lead | undefined {
  const top = causes.find((c) => c.status === 'confirmed' || c.status === 'likely');
  if (top) {
    const answer = whatIsWrong(ctx, top.id) ?? `${top.title}.`;
    return {
      answer,
      because: because(ctx, top, answerOnly(top.id)),
      certainty: top.status === 'confirmed' ? 'confirmed' : 'likely',
      first: firstStep(top),
    };
  }
  const open = causes.filter((c) => c.status === 'possible');
  if (open.length > 0) {
    return {
      answer:
        open.length === 1
          ? `One possible cause remains: ${open[0].title.replace(/^The /, 'the ')}.`
          : `${open.length} possible causes remain.`,
      because: 'Nothing you pasted or answered proves or rules them out yet.',
      certainty: 'open',
      first: questionStep(questions[0]) ?? settleStep(ctx, open[0]),
    };
  }
  return undefined;
}

/**
 * Without an NDR (a domain, or configuration alone) the verdict is a health check of both sides: what looks
 * right (only what was verified: pasted output or live DNS), what could not be verified, and the next thing
 * to paste or run.
 */
export function addHealth(
  ctx: DiagnosisContext,
  lead: Lead | undefined,
  causes: CauseResult[],
  questions: Question[],
  notes: { unverified: string[] },
  labelOf: (source: string) => string,
): Lead {
  const looksRight: string[] = [];
  for (const o of ctx.facts.live) {
    if (o.check === 'mx' && o.outcome === 'ok' && o.values.some((v) => isTenantEndpoint(v))) {
      looksRight.push(
        `The MX of ${o.subject} points to EOP (${o.values.find((v) => isTenantEndpoint(v))}): that is the smart host your Send connector should use.`,
      );
    }
    if (o.check === 'spf' && o.findings?.includes('spf.eop-include'))
      looksRight.push(`The SPF record of ${o.subject} includes Microsoft's.`);
  }
  for (const c of causes) {
    if (c.status !== 'ruled-out') continue;
    const verified = c.evidence.filter((e) => !e.source.startsWith('answer:'));
    if (verified.length === 0) continue;
    looksRight.push(
      `Not the cause: ${c.title.replace(/^The /, 'the ')} (${labelOf(verified[0].source)} shows ${verified[0].text.trim()}).`,
    );
  }
  const unverified = [...notes.unverified];
  if (ctx.facts.sendConnectors.length === 0) unverified.push('Your Send connector on premises: not seen yet.');
  if (ctx.facts.inboundConnectors.length === 0)
    unverified.push('The inbound connector in Exchange Online: not seen yet.');
  for (const c of causes)
    if (c.status === 'possible') unverified.push(`Still open: ${c.title.replace(/^The /, 'the ')}.`);
  const base: Lead = lead ?? {
    answer: looksRight.length
      ? 'Nothing wrong found so far, but the check is not complete.'
      : 'Nothing verified yet: the check of both sides needs your configuration.',
    because:
      'Relay through Exchange Online needs your Send connector to route through your tenant endpoint and an inbound connector that recognizes your server.',
    certainty: 'open',
    first:
      questionStep(questions[0]) ??
      withShell({
        text: 'Run this in the Exchange Management Shell and paste its output here.',
        powershell: listing('send-connectors-short'),
      }),
  };
  return { ...base, looksRight: looksRight.slice(0, 8), unverified: [...new Set(unverified)].slice(0, 8) };
}
