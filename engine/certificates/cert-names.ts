// Certificate names: what a certificate presents, whether an inbound connector's TlsSenderCertificateName
// covers it, and whether a name is (under) an accepted domain. Microsoft does not document the matching
// algorithm; the rules below are our inference (docs/knowledge.md#certificates), so anything but an exact or
// wildcard cover is 'unknown', never 'match'.
import type { AcceptedDomain, Certificate, ProtocolLog } from '../facts';

export type NameMatch = 'match' | 'no-match' | 'unknown';

/** Lower-case, trimmed, without a trailing dot or a `CN=` prefix. */
function normalizeCertName(name: string): string {
  return name.trim().replace(/^cn=/i, '').replace(/\.$/, '').toLowerCase();
}

function isUnder(name: string, domain: string): boolean {
  return name.length > domain.length + 1 && name.endsWith(`.${domain}`);
}

/** `*.contoso.com` → `contoso.com`; undefined for names that are not a leading wildcard. */
function wildcardBase(name: string): string | undefined {
  return name.startsWith('*.') && !name.slice(2).includes('*') ? name.slice(2) : undefined;
}

/**
 * Does an inbound connector's TlsSenderCertificateName cover a presented CN/SAN?
 * - equal (any case) → match;
 * - connector `*.contoso.com` covers `contoso.com` and every name under it ("a domain and all
 *   subdomains", New-InboundConnector), including a presented `*.contoso.com` or `*.sub.contoso.com`;
 * - the same organization's names that no documented rule pairs (`contoso.com` vs `mail.contoso.com`,
 *   `mail.contoso.com` vs `*.contoso.com`) → unknown;
 * - anything else, including sibling host names → no-match.
 */
export function certNameMatches(connectorName: string, presented: string): NameMatch {
  const c = normalizeCertName(connectorName);
  const p = normalizeCertName(presented);
  if (p === '') return 'unknown';
  if (c === '') return 'no-match';
  if (c === p) return 'match';
  const cBase = wildcardBase(c);
  const pBase = wildcardBase(p);
  if (cBase !== undefined) {
    if (p === cBase || isUnder(p, cBase)) return 'match';
    if (pBase !== undefined && (pBase === cBase || isUnder(pBase, cBase))) return 'match';
    // Presented `*.contoso.com` for connector `*.mail.contoso.com`: it covers mail.contoso.com's hosts too.
    if (pBase !== undefined && isUnder(cBase, pBase)) return 'unknown';
    return 'no-match';
  }
  if (c.includes('*')) return 'no-match'; // embedded wildcards are not allowed on the connector
  if (pBase !== undefined) return c === pBase || isUnder(c, pBase) ? 'unknown' : 'no-match';
  if (isUnder(p, c)) return 'unknown';
  return 'no-match';
}

const RANK: Record<NameMatch, number> = { match: 2, unknown: 1, 'no-match': 0 };

/** The best result over all the names a certificate presents, and the name that gave it. */
export function bestCertNameMatch(
  connectorName: string,
  presented: readonly string[],
): { result: NameMatch; name?: string } {
  let best: { result: NameMatch; name?: string } = { result: presented.length ? 'no-match' : 'unknown' };
  for (const name of presented) {
    const result = certNameMatches(connectorName, name);
    if (best.name === undefined || RANK[result] > RANK[best.result]) best = { result, name };
    if (result === 'match') break;
  }
  return best;
}

/** `<I>issuer<S>subject` → parts (docs/knowledge.md#certificates). Split only on the markers: DNs contain commas. */
export function parseTlsCertificateName(value: string): { issuer?: string; subject?: string; subjectCn?: string } {
  const v = value.trim();
  const i = v.search(/<I>/i);
  const s = v.search(/<S>/i);
  if (i !== 0 || s < 0) return {};
  const issuer = v.slice(3, s).trim();
  const subject = v.slice(s + 3).trim();
  return { issuer, subject, subjectCn: subjectCn(subject) };
}

/** CN of an X.500 distinguished name (the first CN when there are several). */
export function subjectCn(dn: string): string | undefined {
  const m = /(?:^|,)\s*CN\s*=\s*("([^"]*)"|[^,]*)/i.exec(dn);
  if (!m) return undefined;
  const cn = (m[2] ?? m[1]).trim();
  return cn === '' ? undefined : cn;
}

/**
 * The names a certificate presents: the subject CN, then the SANs (`CertificateDomains` of
 * Get-ExchangeCertificate, `Certificate alternate names` of the protocol log). Lower-case, unique.
 */
export function presentedNames(source: Certificate | ProtocolLog): string[] {
  const sans = 'certificateDomains' in source ? source.certificateDomains : source.alternateNames;
  const cn = source.subject ? subjectCn(source.subject) : undefined;
  const out: string[] = [];
  for (const n of [...(cn ? [cn] : []), ...sans]) {
    const norm = normalizeCertName(n);
    if (norm !== '' && !out.includes(norm)) out.push(norm);
  }
  return out;
}

/** `hostname.sub.contoso.com` → [`sub.contoso.com`, `contoso.com`] (never a bare TLD). */
export function parentDomains(name: string): string[] {
  const labels = normalizeCertName(name).replace(/^\*\./, '').split('.');
  const out: string[] = [];
  for (let k = 1; labels.length - k >= 2; k += 1) out.push(labels.slice(k).join('.'));
  return out;
}

export interface AcceptedDomainMatch {
  /**
   * exact: the name (a wildcard name's base) is an accepted domain; wildcard: covered by an accepted
   * `*.domain` entry; parent: only a parent domain is accepted (HCW's advice for
   * `hostname.subdomain.contoso.com` is to add `subdomain.contoso.com`, so this is "possible" at most).
   */
  kind: 'exact' | 'wildcard' | 'parent' | 'none';
  /** The accepted domain that matched. */
  domain?: string;
}

/** Is a certificate name, or its parent, an accepted domain (docs/knowledge.md#attribution domainOk)? */
export function acceptedDomainMatch(name: string, accepted: readonly (string | AcceptedDomain)[]): AcceptedDomainMatch {
  const names = accepted.map((a) => normalizeCertName(typeof a === 'string' ? a : a.domainName));
  const n = normalizeCertName(name);
  const self = wildcardBase(n) ?? n;
  if (self === '') return { kind: 'none' };
  if (names.includes(self)) return { kind: 'exact', domain: self };
  for (const a of names) {
    const base = wildcardBase(a);
    if (base !== undefined && isUnder(self, base)) return { kind: 'wildcard', domain: a };
  }
  for (const parent of parentDomains(self)) {
    if (names.includes(parent)) return { kind: 'parent', domain: parent };
  }
  return { kind: 'none' };
}
