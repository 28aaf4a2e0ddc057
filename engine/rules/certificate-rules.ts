import { parseTlsCertificateName } from '../certificates/cert-names';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';
import { isInternalName } from './internal-names';

// Certificates on the on-premises server (docs/knowledge.md#certificates).

export function certificateFindings(ctx: DiagnosisContext): Finding[] {
  const { facts, internetConnector: sc, connectorCertificate: cert } = ctx;
  const out: Finding[] = [];

  for (const log of facts.protocolLogs) {
    for (const err of log.tlsErrors) {
      const text = log.lines.find((l) => l.includes(err)) ?? `TLS negotiation failed with error ${err}`;
      if (err === 'NoCredentials' || err === 'UnknownCredentials') {
        out.push(finding('certificate.no-private-key', 'confirmed', 'config', ev('protocol log', text)));
      }
    }
  }

  if (sc?.tlsCertificateName && facts.certificates.length > 0) {
    const s = `send connector "${sc.name}"`;
    const tlsLine = sc.lines.TlsCertificateName ?? `TlsCertificateName : ${sc.tlsCertificateName}`;
    if (!cert) {
      // The paste may come from another server than the one that sends, so this stays "likely".
      out.push(
        finding(
          'certificate.not-found',
          'likely',
          'config',
          ev(s, tlsLine),
          ev('certificates', `${facts.certificates.length} certificate(s) pasted, none with this issuer and subject`),
        ),
      );
    } else {
      out.push(
        finding(
          'certificate.not-found',
          'ruled-out',
          'config',
          ev(s, tlsLine),
          ev(`certificate ${cert.thumbprint ?? ''}`.trim(), cert.lines.Subject ?? `Subject : ${cert.subject ?? ''}`),
        ),
      );
    }
  }

  if (cert) {
    const where = `certificate ${cert.thumbprint ?? ''}`.trim();
    const smtp = cert.services.some((x) => /smtp/i.test(x));
    // Found by TlsCertificateName it is the certificate sent; found by FQDN only a guess at it.
    const proven = sc?.tlsCertificateName ? 'confirmed' : 'likely';
    if (cert.hasPrivateKey === false) {
      out.push(
        finding(
          'certificate.no-private-key',
          proven,
          'config',
          ev(where, cert.lines.HasPrivateKey ?? 'HasPrivateKey : False'),
        ),
      );
    } else if (cert.services.length > 0 && !smtp) {
      out.push(
        finding(
          'certificate.no-private-key',
          proven,
          'config',
          ev(where, cert.lines.Services ?? `Services : ${cert.services.join(', ')}`),
        ),
      );
    } else if (cert.hasPrivateKey === true && smtp) {
      out.push(
        finding(
          'certificate.no-private-key',
          'ruled-out',
          'config',
          ev(where, cert.lines.HasPrivateKey ?? 'HasPrivateKey : True'),
          ev(where, cert.lines.Services ?? `Services : ${cert.services.join(', ')}`),
        ),
      );
    }
    const subject = (cert.subject ?? '').replace(/\s+/g, '').toLowerCase();
    const issuer = (cert.issuer ?? '').replace(/\s+/g, '').toLowerCase();
    if (subject && subject === issuer) {
      // Self-signed: EOP cannot chain it to a trusted root.
      out.push(
        finding('certificate.untrusted', 'likely', 'config', ev(where, cert.lines.Issuer ?? `Issuer : ${cert.issuer}`)),
      );
    }
  } else if (sc?.tlsCertificateName) {
    const parsed = parseTlsCertificateName(sc.tlsCertificateName);
    if (
      parsed.subject &&
      parsed.issuer &&
      parsed.subject.replace(/\s+/g, '').toLowerCase() === parsed.issuer.replace(/\s+/g, '').toLowerCase()
    ) {
      out.push(
        finding(
          'certificate.untrusted',
          'likely',
          'config',
          ev(`send connector "${sc.name}"`, sc.lines.TlsCertificateName ?? sc.tlsCertificateName),
        ),
      );
    }
  }
  const presented = ctx.presented;
  if (
    presented &&
    presented.names.length > 0 &&
    presented.names.every(isInternalName) &&
    presented.basis !== 'answer'
  ) {
    // Only internal names: an internal CA's (or self-signed) certificate, which EOP does not trust and which
    // cannot carry an accepted domain.
    out.push(finding('certificate.untrusted', 'likely', 'config', presented.evidence));
  }
  return out;
}
