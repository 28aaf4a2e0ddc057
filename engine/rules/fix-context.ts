import { parseTlsCertificateName, subjectCn } from '../certificates/cert-names';
import type { FixContext } from '../knowledge/causes/fix-context';
import { classifyHost } from '../knowledge/endpoints';
import type { CauseId } from '../vocabulary';
import type { DiagnosisContext } from './context';
import { isInternalName } from './internal-names';

/**
 * The organization domain a certificate name falls under: a known domain it equals or ends with, or the
 * base of a wildcard. Never a label stripped off blindly (`contoso.co.uk` must not become `co.uk`).
 */
function domainOfName(name: string, known: ReadonlyArray<string | undefined>): string | undefined {
  const n = name.toLowerCase().replace(/^\*\./, '');
  const match = known
    .filter((d): d is string => !!d)
    .map((d) => d.toLowerCase())
    .filter((d) => n === d || n.endsWith(`.${d}`))
    .sort((a, b) => b.length - a.length)[0];
  if (match) return match;
  return name.startsWith('*.') ? n : undefined;
}

/** The admin's own values for the fix commands; anything unknown stays undefined (a placeholder). */
export function fixContextFrom(ctx: DiagnosisContext, cause?: CauseId): FixContext {
  const sc = ctx.internetConnector;
  // The Partner restriction fix acts on the Partner connector that matched; every other fix on the OnPremises one.
  const restricted =
    ctx.partnerConnectors.find((c) => c.restrictDomainsToCertificate || c.restrictDomainsToIPAddresses) ??
    ctx.partnerConnectors[0];
  const ic =
    cause === 'inbound-connector.partner-restriction' && restricted
      ? restricted
      : (ctx.onPremisesConnectors.find((c) => c.enabled !== false) ??
        ctx.onPremisesConnectors[0] ??
        ctx.partnerConnectors[0]);
  const cert = ctx.connectorCertificate;
  const parsed = sc?.tlsCertificateName ? parseTlsCertificateName(sc.tlsCertificateName) : {};
  const candidate =
    ctx.presented?.names[0] ??
    parsed.subjectCn?.toLowerCase() ??
    (cert?.subject ? subjectCn(cert.subject)?.toLowerCase() : undefined);
  // An internal name (ex01.contoso.local) can never be an accepted domain or a public CA's name: leave a
  // placeholder so the fix asks for the public certificate's name instead of repeating the internal one.
  const certificateName = candidate && !isInternalName(candidate) ? candidate : undefined;
  const certificateDomain = certificateName
    ? domainOfName(certificateName, [ctx.domain, ...ctx.facts.acceptedDomains.map((d) => d.domainName)])
    : undefined;
  const gccHigh = [ctx.tenantEndpoint, ...(sc?.smartHosts ?? [])].some(
    (h) => h && classifyHost(h).cloud === 'gcc-high',
  );
  return {
    sendConnectorName: sc?.name,
    inboundConnectorName: ic?.name,
    domain: ctx.domain,
    tenantEndpoint: ctx.tenantEndpoint,
    currentSmartHost: sc?.smartHosts[0] ?? ctx.facts.answers['case1.smart-host'],
    certificateThumbprint: cert?.thumbprint ?? ctx.presented?.thumbprint,
    certificateSubject: cert?.subject ?? parsed.subject ?? ctx.presented?.subject,
    certificateName,
    certificateDomain,
    fqdn: sc?.fqdn,
    onPremIp: ctx.onPremIp,
    senderDomain: ctx.senderDomain,
    gccHigh: gccHigh || undefined,
    recipientAddress: ctx.primaryNdr?.recipients[0],
    expectedCertificateName:
      ctx.onPremisesConnectors.find((c) => c.enabled !== false && c.tlsSenderCertificateName)
        ?.tlsSenderCertificateName ??
      (ctx.facts.answers['case2.connector-certificate-name']?.trim() || undefined),
  };
}
