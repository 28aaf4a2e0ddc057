import { parseTlsCertificateName, presentedNames, subjectCn } from '../certificates/cert-names';
import type { Certificate, Facts, InboundConnector, LiveObservation, NdrFacts, SendConnector } from '../facts';
import { classifyHost, type EndpointClass, isTenantEndpoint } from '../knowledge/endpoints';
import { FAMILY_TABLE } from '../knowledge/families';
import { isIpv4 } from '../net/ipv4';
import { classifyNdr, type NdrClassification } from '../recognize/ndr/classify-ndr';
import type { Evidence } from '../verdict';
import type { Family } from '../vocabulary';
import { isInternalName } from './internal-names';

// Everything the rules read, derived once from Facts.

interface PresentedCertificate {
  names: string[];
  /** How sure we are these are the names the server presents. */
  basis: 'protocol-log' | 'certificate' | 'fqdn-guess' | 'tls-certificate-name' | 'answer';
  evidence: Evidence;
  subject?: string;
  issuer?: string;
  thumbprint?: string;
}

export interface DiagnosisContext {
  facts: Facts;
  primaryNdr?: NdrFacts;
  classification?: NdrClassification;
  family: Family;
  /** Connectors that cover the Internet address space `*`. */
  internetConnectors: SendConnector[];
  /** The one that carries Internet mail: enabled first, then lowest cost. */
  internetConnector?: SendConnector;
  onPremisesConnectors: InboundConnector[];
  partnerConnectors: InboundConnector[];
  presented?: PresentedCertificate;
  /** The certificate the Send connector names in TlsCertificateName, when pasted. */
  connectorCertificate?: Certificate;
  domain?: string;
  senderDomain?: string;
  /** The tenant's endpoint: an EOP MX seen live, else a valid-looking smart host or NDR remote host. */
  tenantEndpoint?: string;
  tenantEndpointSource?: 'live-mx' | 'smart-host' | 'ndr';
  liveMx?: LiveObservation;
  onPremIp?: string;
  ndrRemote?: EndpointClass;
}

const INTERNET_SPACE = /^(?:[a-z]+:)?(?:smtp:)?\*(?:;\d+)?$/i;

export function coversInternet(space: string): boolean {
  return INTERNET_SPACE.test(space.trim()) || space.trim() === '*';
}

function spaceCost(space: string): number {
  const m = /;(\d+)$/.exec(space.trim());
  return m ? Number(m[1]) : 1;
}

/** The most telling NDR by the family rank; on a tie the first (the recognizer's order, so its label agrees). */
function pickPrimary(ndrs: NdrFacts[]): { ndr?: NdrFacts; cls?: NdrClassification } {
  let best: { ndr?: NdrFacts; cls?: NdrClassification; rank: number } = { rank: Infinity };
  for (const ndr of ndrs) {
    const cls = classifyNdr(ndr);
    const rank = FAMILY_TABLE[cls.family].rank;
    if (rank < best.rank) best = { ndr, cls, rank };
  }
  return { ndr: best.ndr, cls: best.cls };
}

function certificateForConnector(
  certs: Certificate[],
  tlsName: string | undefined,
  fqdn: string | undefined,
): Certificate | undefined {
  if (tlsName) {
    const parsed = parseTlsCertificateName(tlsName);
    if (parsed.subject) {
      const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();
      const bySubject = certs.filter((c) => norm(c.subject) === norm(parsed.subject));
      return bySubject.find((c) => norm(c.issuer) === norm(parsed.issuer)) ?? bySubject[0];
    }
  }
  if (fqdn) {
    const f = fqdn.toLowerCase();
    return certs.find(
      (c) =>
        c.services.some((s) => /smtp/i.test(s)) &&
        (c.certificateDomains.some((d) => d.toLowerCase() === f) || subjectCn(c.subject ?? '')?.toLowerCase() === f),
    );
  }
  return undefined;
}

/** `mail.contoso.com` → `contoso.com`, the usual relation of a Send connector's FQDN to the domain. */
function fqdnParent(fqdn: string | undefined): string | undefined {
  const name = fqdn?.trim().toLowerCase().replace(/\.$/, '');
  if (!name || isInternalName(name)) return undefined;
  const labels = name.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : labels.length === 2 ? name : undefined;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim().toLowerCase()).filter(Boolean))];
}

function presentedCertificate(
  facts: Facts,
  sc: SendConnector | undefined,
  cert: Certificate | undefined,
): PresentedCertificate | undefined {
  const log = facts.protocolLogs.find((l) => l.subject || l.alternateNames.length);
  if (log) {
    const line = log.lines.find((l) => /certificate subject/i.test(l)) ?? log.lines[0] ?? '';
    return {
      names: presentedNames(log),
      basis: 'protocol-log',
      evidence: { source: 'protocol log', text: line },
      subject: log.subject,
      issuer: log.issuer,
      thumbprint: log.thumbprint,
    };
  }
  if (cert) {
    const line = cert.lines.Subject ?? cert.lines.CertificateDomains ?? `Subject : ${cert.subject ?? ''}`;
    // Without TlsCertificateName transport picks among the certificates matching the FQDN (the newest),
    // so a certificate found by FQDN is a guess at what is sent.
    const basis = sc?.tlsCertificateName ? 'certificate' : 'fqdn-guess';
    return {
      names: presentedNames(cert),
      basis,
      evidence: { source: `certificate ${cert.thumbprint ?? ''}`.trim(), text: line },
      subject: cert.subject,
      issuer: cert.issuer,
      thumbprint: cert.thumbprint,
    };
  }
  if (sc?.tlsCertificateName) {
    const parsed = parseTlsCertificateName(sc.tlsCertificateName);
    if (parsed.subjectCn) {
      return {
        names: [parsed.subjectCn.toLowerCase()],
        basis: 'tls-certificate-name',
        evidence: {
          source: `send connector "${sc.name}"`,
          text: sc.lines.TlsCertificateName ?? `TlsCertificateName : ${sc.tlsCertificateName}`,
        },
        subject: parsed.subject,
        issuer: parsed.issuer,
      };
    }
  }
  const answered = facts.answers['case2.presented-certificate-name'];
  if (answered && !/^not[- ]sure$/i.test(answered)) {
    return {
      names: unique(answered.split(/[\s,;]+/)),
      basis: 'answer',
      evidence: { source: 'answer: case2.presented-certificate-name', text: answered },
    };
  }
  return undefined;
}

export function buildContext(facts: Facts): DiagnosisContext {
  const { ndr, cls } = pickPrimary(facts.ndrs);
  const family: Family = cls?.family ?? 'not-an-ndr';

  const internetConnectors = facts.sendConnectors.filter((c) => c.addressSpaces.some(coversInternet));
  const internetConnector = [...internetConnectors].sort((a, b) => {
    const ea = a.enabled === false ? 1 : 0;
    const eb = b.enabled === false ? 1 : 0;
    if (ea !== eb) return ea - eb;
    const ca = Math.min(...a.addressSpaces.filter(coversInternet).map(spaceCost));
    const cb = Math.min(...b.addressSpaces.filter(coversInternet).map(spaceCost));
    return ca - cb;
  })[0];

  const isType = (c: InboundConnector, t: string) => (c.connectorType ?? '').toLowerCase() === t;
  const onPremisesConnectors = facts.inboundConnectors.filter((c) => isType(c, 'onpremises'));
  const partnerConnectors = facts.inboundConnectors.filter((c) => isType(c, 'partner'));

  const connectorCertificate = certificateForConnector(
    facts.certificates,
    internetConnector?.tlsCertificateName,
    internetConnector?.fqdn,
  );
  const presented = presentedCertificate(facts, internetConnector, connectorCertificate);

  const senderDomain = ndr?.senderDomain ?? facts.ndrs.find((n) => n.senderDomain)?.senderDomain;
  const acceptedDefault = facts.acceptedDomains.find((d) => d.isDefault)?.domainName;
  const answeredDomain = facts.answers.domain?.trim().toLowerCase();
  const domain =
    facts.domain ??
    (answeredDomain && /\./.test(answeredDomain) ? answeredDomain : undefined) ??
    senderDomain ??
    acceptedDefault ??
    fqdnParent(internetConnector?.fqdn);

  const liveMx = facts.live.find((o) => o.check === 'mx' && o.outcome === 'ok');
  const liveEopMx = liveMx?.values.find((v) => isTenantEndpoint(v));
  const smartHost = internetConnector?.smartHosts.find((h) => isTenantEndpoint(h));
  const ndrRemote = ndr?.remoteServer ? classifyHost(ndr.remoteServer) : undefined;
  let tenantEndpoint: string | undefined;
  let tenantEndpointSource: DiagnosisContext['tenantEndpointSource'];
  if (liveEopMx) {
    tenantEndpoint = liveEopMx.toLowerCase();
    tenantEndpointSource = 'live-mx';
  } else if (smartHost) {
    tenantEndpoint = smartHost.toLowerCase();
    tenantEndpointSource = 'smart-host';
  } else if (ndrRemote && isTenantEndpoint(ndrRemote.host)) {
    tenantEndpoint = ndrRemote.host;
    tenantEndpointSource = 'ndr';
  }

  const ipAnswer = facts.answers['case2.onprem-ip']?.trim();
  const onPremIp = ipAnswer && isIpv4(ipAnswer) ? ipAnswer : undefined;

  return {
    facts,
    primaryNdr: ndr,
    classification: cls,
    family,
    internetConnectors,
    internetConnector,
    onPremisesConnectors,
    partnerConnectors,
    presented,
    connectorCertificate,
    domain,
    senderDomain,
    tenantEndpoint,
    tenantEndpointSource,
    liveMx,
    onPremIp,
    ndrRemote,
  };
}
