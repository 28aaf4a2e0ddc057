import { acceptedDomainMatch } from '../certificates/cert-names';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';

// Relay needs the certificate's domain or the P1 MAIL FROM domain to be accepted (docs/knowledge.md#attribution).

export function acceptedDomainFindings(ctx: DiagnosisContext): Finding[] {
  const { facts, presented, senderDomain } = ctx;
  if (facts.acceptedDomains.length === 0) return [];
  const accepted = new Set(facts.acceptedDomains.map((d) => d.domainName.toLowerCase()));
  type DomainMatch = 'exact' | 'parent' | 'none';
  const listEv = ev('accepted domains', facts.acceptedDomains.map((d) => d.domainName).join(', '));

  let certResult: DomainMatch | undefined;
  if (presented && presented.names.length) {
    certResult = 'none';
    for (const n of presented.names) {
      const kind = acceptedDomainMatch(n, facts.acceptedDomains).kind;
      const r: DomainMatch = kind === 'wildcard' ? 'exact' : kind;
      if (r === 'exact') {
        certResult = 'exact';
        break;
      }
      if (r === 'parent') certResult = 'parent';
    }
  }
  const senderOk = senderDomain ? accepted.has(senderDomain.toLowerCase()) : undefined;
  const e = [
    listEv,
    ...(presented ? [presented.evidence] : []),
    ...(senderDomain ? [ev('ndr', `sender domain: ${senderDomain}`)] : []),
  ];

  // Never confirmed from configuration: the NDR's sender is usually the P2 From (EOP counts only the P1
  // MAIL FROM), and a certificate known only from TlsCertificateName may carry more names (SANs).
  const source = presented?.basis === 'answer' ? 'answer' : 'config';
  if (certResult === 'exact') return [finding('accepted-domain.not-accepted', 'ruled-out', source, ...e)];
  if (certResult === 'parent') return [finding('accepted-domain.not-accepted', 'possible', source, ...e)];
  if (certResult === 'none')
    return [finding('accepted-domain.not-accepted', senderOk ? 'possible' : 'likely', source, ...e)];
  if (senderOk === false) return [finding('accepted-domain.not-accepted', 'likely', 'config', ...e)];
  return [];
}
