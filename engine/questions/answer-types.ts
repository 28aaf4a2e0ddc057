// What a text question accepts. Each type has a validator (answer-validation.ts) so that nothing unusable
// ("Yes" as a domain, a property name as a certificate name) is recorded as an answer.

export const ANSWER_TYPES = [
  /** A DNS domain: contoso.com. */
  'domain',
  /** One certificate name: mail.contoso.com or *.contoso.com (an inbound connector's TlsSenderCertificateName). */
  'certificate-name',
  /** One or more certificate names (a certificate's subject CN and SANs). */
  'certificate-names',
  /** One IPv4 address. */
  'ipv4',
  /** IPv4 addresses, CIDR ranges (/24–/32) or a-b ranges, as SenderIPAddresses holds them. */
  'ip-list',
  /** Smart hosts: host names or IPv4 addresses, or "none" when the connector routes by DNS. */
  'smart-host',
  /** An Exchange connector name (up to 64 characters). */
  'connector-name',
] as const;

export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The value recorded when the admin does not know or skips: the rules read it as "unknown". */
export const NOT_SURE_VALUE = 'not-sure';

const NOT_SURE =
  /^(not[- ]?sure|unsure|unknown|i do not know|i don'?t know|do not know|don'?t know|dont know|no idea|idk|skip|skip it|skip this|pass|n\/a|\?+)$/;

/** Lower case, one space, no trailing full stop: how typed answers are compared. */
export function normalizedWords(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
}

/** "not sure", "skip", "don't know" … */
export function isNotSureAnswer(text: string): boolean {
  return NOT_SURE.test(normalizedWords(text));
}
