import { classifyHost, isTenantEndpoint } from '../knowledge/endpoints';
import type { Evidence } from '../verdict';
import type { CauseId } from '../vocabulary';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding, type FindingSource } from './finding';

// What a smart host value proves (docs/knowledge.md#endpoints "Safe inferences from a smart-host value").

const WRONG_KINDS: Partial<Record<string, CauseId>> = {
  'kb-typo': 'send-connector.wrong-smart-host',
  'legacy-fope': 'send-connector.legacy-endpoint',
  'eop-germany-legacy': 'send-connector.legacy-endpoint',
  'client-submission': 'send-connector.client-submission-endpoint',
  'ip-literal': 'send-connector.ip-smart-host',
};

const SMART_HOST_CAUSES: CauseId[] = [
  'send-connector.wrong-smart-host',
  'send-connector.legacy-endpoint',
  'send-connector.client-submission-endpoint',
  'send-connector.ip-smart-host',
];

/** dots → hyphens: the usual token, which hyphenated or re-added domains do not follow. */
function naiveToken(domain: string): string {
  return domain.toLowerCase().replace(/\./g, '-');
}

function tokenUnexplained(ctx: DiagnosisContext, host: string): boolean {
  const domains = [ctx.domain, ...ctx.facts.acceptedDomains.map((d) => d.domainName)].filter((d): d is string => !!d);
  if (domains.length === 0) return false;
  const token = host.split('.')[0];
  return !domains.some((d) => naiveToken(d) === token);
}

/** The paste shows this host answering SMTP (a queue error or NDR naming it as the server that replied). */
export function hostAnsweredInPaste(ctx: DiagnosisContext, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return ctx.facts.ndrs.some(
    (n) => n.remoteServer?.toLowerCase().replace(/\.$/, '') === h && !!(n.replyCode || n.enhancedStatus),
  );
}

/** The resolver cannot find the admin's own domain either: its NXDOMAIN answers prove nothing. */
function resolverDoubtful(ctx: DiagnosisContext): boolean {
  return ctx.facts.live.some((o) => o.check !== 'smart-host' && o.outcome === 'nxdomain');
}

export function judgeSmartHosts(
  ctx: DiagnosisContext,
  hosts: string[],
  source: FindingSource,
  evidence: Evidence,
): Finding[] {
  const out: Finding[] = [];
  const live = ctx.facts.live;
  let allTenant = hosts.length > 0;
  for (const host of hosts) {
    const cls = classifyHost(host);
    const wrong = WRONG_KINDS[cls.kind];
    if (wrong) {
      out.push(finding(wrong, source === 'answer' ? 'likely' : 'confirmed', source, evidence));
      allTenant = false;
      continue;
    }
    const resolved = live.find((o) => o.check === 'smart-host' && o.subject.toLowerCase() === cls.host);
    if (resolved?.outcome === 'nxdomain' && !hostAnsweredInPaste(ctx, cls.host)) {
      // A pasted reply from this very host beats the resolver (handled below as if DNS had said nothing).
      // Without one, NXDOMAIN proves a bad name only when the resolver also knows the admin's own domain.
      const dnsEv = ev(
        `dns (${resolved.vantage}, ${resolved.observedAt})`,
        `${resolved.subject}: the resolver said this name does not exist (NXDOMAIN)`,
      );
      out.push(
        finding(
          'send-connector.wrong-smart-host',
          resolverDoubtful(ctx) ? 'possible' : 'confirmed',
          'live',
          evidence,
          dnsEv,
        ),
      );
      allTenant = false;
      continue;
    }
    if (resolved?.findings?.includes('smart-host.is-domain-mx')) {
      // The smart host is the domain's own (non-EOP) MX: the organization's server or a third-party filter.
      out.push(
        finding(
          'send-connector.wrong-smart-host',
          'likely',
          'live',
          evidence,
          ev(
            `dns (${resolved.vantage}, ${resolved.observedAt})`,
            `${resolved.subject} is the MX of the domain, not an EOP endpoint`,
          ),
        ),
      );
      allTenant = false;
      continue;
    }
    if (isTenantEndpoint(cls.host)) {
      const mx = ctx.liveMx;
      const mxValues = (mx?.values ?? []).map((v) => v.toLowerCase());
      if (mx && mxValues.includes(cls.host)) {
        out.push(
          finding(
            'send-connector.wrong-smart-host',
            'ruled-out',
            'live',
            evidence,
            ev(`dns (${mx.vantage}, ${mx.observedAt})`, `MX ${mx.subject}: ${mx.values.join(', ')}`),
          ),
        );
      } else if (mx && mxValues.some((v) => isTenantEndpoint(v))) {
        // One tenant MX serves all its domains, so a different EOP host is not proof of an error.
        out.push(
          finding(
            'send-connector.wrong-smart-host',
            'possible',
            'live',
            evidence,
            ev(`dns (${mx.vantage}, ${mx.observedAt})`, `MX ${mx.subject}: ${mx.values.join(', ')}`),
          ),
        );
      } else if (!mx && tokenUnexplained(ctx, cls.host)) {
        // The token matches none of the organization's domains. It may still be the tenant's (one MX serves
        // all its domains; hyphenated or re-added domains get other tokens), so this is at most possible.
        out.push(finding('send-connector.wrong-smart-host', 'possible', source, evidence));
      }
      continue;
    }
    if (cls.kind === 'hybrid-coexistence' || cls.kind === 'eop-internal') {
      out.push(finding('send-connector.wrong-smart-host', 'likely', source, evidence));
      allTenant = false;
      continue;
    }
    // Own MX, a third-party filter or any other host: not an EOP endpoint.
    out.push(finding('send-connector.wrong-smart-host', 'likely', source, evidence));
    allTenant = false;
  }
  if (allTenant) {
    for (const c of SMART_HOST_CAUSES) {
      if (!out.some((f) => f.cause === c)) out.push(finding(c, 'ruled-out', source, evidence));
    }
  }
  return out;
}
