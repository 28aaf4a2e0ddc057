// STUB: replaced by certificate name helpers (helper H2).
export type NameMatch = 'match' | 'no-match' | 'unknown';

/** Does an inbound connector's TlsSenderCertificateName cover a presented CN/SAN (knowledge §8.1)? */
export function certNameMatches(connectorName: string, presented: string): NameMatch {
  return connectorName.toLowerCase() === presented.toLowerCase() ? 'match' : 'unknown';
}

/** `<I>issuer<S>subject` → parts (knowledge §8.2). */
export function parseTlsCertificateName(value: string): { issuer?: string; subject?: string; subjectCn?: string } {
  const m = /^<I>(.*)<S>(.*)$/s.exec(value.trim());
  if (!m) return {};
  const cn = /(?:^|,\s*)CN=([^,]+)/i.exec(m[2]);
  return { issuer: m[1].trim(), subject: m[2].trim(), subjectCn: cn?.[1].trim() };
}

/** CN of an X.500 distinguished name. */
export function subjectCn(dn: string): string | undefined {
  return /(?:^|,\s*)CN=([^,]+)/i.exec(dn)?.[1].trim();
}
