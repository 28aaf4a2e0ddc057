// Get-ExchangeCertificate object → Certificate fact (docs/knowledge.md#certificates, docs/knowledge.md#evidence).
// `Services` prints as a flags list without braces (`IMAP, POP, IIS, SMTP`); `CertificateDomains` as `{a, b}`.
import type { Certificate } from '../../facts';
import { canonicalLines } from './canonical-lines';
import { getProp, type PsObject } from './ps-object';
import { toBool, toList, toScalar } from './values';

export const CERTIFICATE_PROPERTIES = [
  'Thumbprint',
  'Subject',
  'Issuer',
  'CertificateDomains',
  'Services',
  'HasPrivateKey',
  'NotAfter',
  'NotBefore',
  'Status',
  'FriendlyName',
  'IsSelfSigned',
  'RootCAType',
  'SerialNumber',
  'PublicKeySize',
  'Identity',
  'AccessRules',
  'Version',
  'KeyIdentifier',
  'PrivateKeyExportable',
  'CertificateRequest',
] as const;

export function toCertificate(obj: PsObject): Certificate {
  const scalar = (name: string): string | undefined => toScalar(getProp(obj, name)?.value) || undefined;
  const truncated: string[] = [];
  const domains = toList(getProp(obj, 'CertificateDomains')?.value);
  if (domains.truncated) truncated.push('CertificateDomains');
  const services = toList(getProp(obj, 'Services')?.value);
  if (services.truncated) truncated.push('Services');

  const cert: Certificate = {
    certificateDomains: domains.items,
    services: services.items,
    lines: canonicalLines(obj, CERTIFICATE_PROPERTIES),
  };
  const thumbprint = scalar('Thumbprint');
  if (thumbprint) cert.thumbprint = thumbprint;
  const subject = scalar('Subject');
  if (subject) cert.subject = subject;
  const issuer = scalar('Issuer');
  if (issuer) cert.issuer = issuer;
  const hasKey = toBool(getProp(obj, 'HasPrivateKey')?.value);
  if (hasKey !== undefined) cert.hasPrivateKey = hasKey;
  const notAfter = scalar('NotAfter');
  if (notAfter) cert.notAfter = notAfter;
  const status = scalar('Status');
  if (status) cert.status = status;
  if (truncated.length) cert.truncated = truncated;
  return cert;
}
