import { bestCertNameMatch } from '../certificates/cert-names';
import type { InboundConnector } from '../facts';
import { ipv4InList } from '../net/ipv4';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';

// Case 2: the Exchange Online inbound connector and attribution (docs/knowledge.md#attribution, docs/knowledge.md#inbound-connector).

function src(c: InboundConnector): string {
  return `inbound connector "${c.name}"`;
}

function line(c: InboundConnector, prop: string, fallback: string): string {
  return c.lines[prop] ?? fallback;
}

export function inboundConnectorFindings(ctx: DiagnosisContext): Finding[] {
  const { facts, onPremisesConnectors: onPrem, partnerConnectors: partners } = ctx;
  if (facts.inboundConnectors.length === 0) return [];
  const out: Finding[] = [];

  if (onPrem.length === 0) {
    // A connector whose type the paste does not show (or shows as a number) could be the OnPremises one.
    if (facts.inboundConnectors.length > onPrem.length + partners.length) return out;
    const e = facts.inboundConnectors.map((c) =>
      ev(src(c), line(c, 'ConnectorType', `ConnectorType : ${c.connectorType ?? ''}`)),
    );
    if (partners.length > 0) {
      // Only Partner connectors in the paste; the paste may not hold them all, so likely, not proven.
      out.push(finding('inbound-connector.wrong-type', 'likely', 'config', ...e));
      const restricted = partners.filter((p) => p.restrictDomainsToCertificate || p.restrictDomainsToIPAddresses);
      if (restricted.length) {
        const re = restricted.map((p) =>
          ev(
            src(p),
            p.restrictDomainsToCertificate
              ? line(p, 'RestrictDomainsToCertificate', 'RestrictDomainsToCertificate : True')
              : line(p, 'RestrictDomainsToIPAddresses', 'RestrictDomainsToIPAddresses : True'),
          ),
        );
        out.push(finding('inbound-connector.partner-restriction', 'likely', 'config', ...re));
      }
    } else {
      out.push(finding('inbound-connector.missing', 'likely', 'config', ...e));
    }
    return out;
  }

  out.push(
    finding(
      'inbound-connector.missing',
      'ruled-out',
      'config',
      ...onPrem.map((c) => ev(src(c), line(c, 'ConnectorType', 'ConnectorType : OnPremises'))),
    ),
  );
  out.push(
    finding(
      'inbound-connector.wrong-type',
      'ruled-out',
      'config',
      ...onPrem.map((c) => ev(src(c), line(c, 'ConnectorType', 'ConnectorType : OnPremises'))),
    ),
  );

  const enabled = onPrem.filter((c) => c.enabled !== false);
  if (enabled.length === 0) {
    out.push(
      finding(
        'inbound-connector.disabled',
        'confirmed',
        'config',
        ...onPrem.map((c) => ev(src(c), line(c, 'Enabled', 'Enabled : False'))),
      ),
    );
    return out;
  }
  out.push(
    finding(
      'inbound-connector.disabled',
      'ruled-out',
      'config',
      ...enabled.map((c) => ev(src(c), line(c, 'Enabled', 'Enabled : True'))),
    ),
  );

  // A connector kind the pasted connectors do not use cannot be the cause.
  const certConnectors = enabled.filter((c) => !!c.tlsSenderCertificateName);
  const ipConnectors = enabled.filter((c) => c.senderIPAddresses.length > 0);
  if (certConnectors.length > 0 && ipConnectors.length === 0) {
    out.push(
      finding(
        'inbound-connector.ip-not-listed',
        'ruled-out',
        'config',
        ...certConnectors.map((c) =>
          ev(src(c), line(c, 'TlsSenderCertificateName', `TlsSenderCertificateName : ${c.tlsSenderCertificateName}`)),
        ),
      ),
    );
  }
  if (ipConnectors.length > 0 && certConnectors.length === 0) {
    out.push(
      finding(
        'inbound-connector.certificate-mismatch',
        'ruled-out',
        'config',
        ...ipConnectors.map((c) =>
          ev(src(c), line(c, 'SenderIPAddresses', `SenderIPAddresses : {${c.senderIPAddresses.join(', ')}}`)),
        ),
      ),
    );
  }
  out.push(...certificateMatch(ctx, enabled));
  out.push(...ipMatch(ctx, enabled));
  return out;
}

function certificateMatch(ctx: DiagnosisContext, enabled: InboundConnector[]): Finding[] {
  const certConnectors = enabled.filter((c) => c.tlsSenderCertificateName);
  if (certConnectors.length === 0) return [];
  const presented = ctx.presented;
  if (!presented || presented.names.length === 0) return [];
  // The connector that matches best decides (match > unknown > no-match).
  const rank = { match: 2, unknown: 1, 'no-match': 0 } as const;
  let best: 'match' | 'unknown' | 'no-match' = 'no-match';
  let bestConnector = certConnectors[0];
  for (const c of certConnectors) {
    const { result } = bestCertNameMatch(c.tlsSenderCertificateName ?? '', presented.names);
    if (rank[result] > rank[best]) {
      best = result;
      bestConnector = c;
    }
    if (best === 'match') break;
  }
  const e = [
    ev(
      src(bestConnector),
      line(
        bestConnector,
        'TlsSenderCertificateName',
        `TlsSenderCertificateName : ${bestConnector.tlsSenderCertificateName}`,
      ),
    ),
    presented.evidence,
  ];
  if (best === 'match') return [finding('inbound-connector.certificate-mismatch', 'ruled-out', 'config', ...e)];
  if (best === 'unknown') return [finding('inbound-connector.certificate-mismatch', 'possible', 'config', ...e)];
  // Only the subject CN is known from TlsCertificateName; a SAN might still match.
  // Sure only when we know every name the server sends: the protocol log, or the certificate it names.
  const sure = presented.basis === 'protocol-log' || presented.basis === 'certificate';
  return [
    finding(
      'inbound-connector.certificate-mismatch',
      sure ? 'confirmed' : 'likely',
      presented.basis === 'answer' ? 'answer' : 'config',
      ...e,
    ),
  ];
}

function ipMatch(ctx: DiagnosisContext, enabled: InboundConnector[]): Finding[] {
  const ipConnectors = enabled.filter((c) => c.senderIPAddresses.length > 0);
  if (ipConnectors.length === 0 || !ctx.onPremIp) return [];
  const all = ipConnectors.flatMap((c) => c.senderIPAddresses);
  const inList = ipv4InList(ctx.onPremIp, all);
  const c = ipConnectors[0];
  const e = [
    ev(src(c), line(c, 'SenderIPAddresses', `SenderIPAddresses : {${c.senderIPAddresses.join(', ')}}`)),
    ev('answer: case2.onprem-ip', ctx.onPremIp),
  ];
  // The egress IP is the admin's answer, so this is at most likely.
  if (inList === true) return [finding('inbound-connector.ip-not-listed', 'ruled-out', 'answer', ...e)];
  if (inList === false) {
    const certOk = enabled.some((x) => x.tlsSenderCertificateName);
    return [finding('inbound-connector.ip-not-listed', certOk ? 'possible' : 'likely', 'answer', ...e)];
  }
  return [];
}
