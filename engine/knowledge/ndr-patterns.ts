// The NDR pattern table (docs/knowledge.md#families). Knowledge as data: each
// entry names its family, the causes the text proves, the causes to consider, the causes the text makes
// unlikely, and its sources. Entries are tried in order; the first match wins, so specific strings come
// before the generic ones they contain (5.7.54 before "unable to relay", DBEB 5.4.1 before 5.4.1 relay).
// Data only: the code that reads an NDR's facts into an NdrText and classifies it is
// recognize/ndr/classify-ndr.ts.
import type { CauseId, Family } from '../vocabulary';
import type { EndpointKind } from './endpoints';
import { sourceUrls } from './sources';

/** Who refused the message, read from the hosts the NDR names (docs/knowledge.md#which-side). */
export type Rejecter = 'microsoft' | 'onprem' | 'third-party' | 'unknown';

/** What a matcher sees: the reply lower-cased with whitespace collapsed, its codes, and who rejected it. */
export interface NdrText {
  /** The reply to classify (the inner reply of a `responded with: "…"` wrapper). */
  text: string;
  /** The whole diagnostic, wrapper included. */
  full: string;
  code?: string;
  enh?: string;
  attr?: string;
  rejecter: Rejecter;
  /** Endpoint kind of the remote server (`client-submission`, `legacy-fope`, …), when one is named. */
  remoteKind?: EndpointKind;
}

export interface NdrPattern {
  id: string;
  /** Example strings as the sources give them (documentation for readers and tests). */
  examples: string[];
  match: (t: NdrText) => boolean;
  family: Family;
  confirmed: CauseId[];
  consider: CauseId[];
  unlikely: CauseId[];
  sources: string[];
  /** A catch-all that only says "some delivery failure": not proof on its own that a text is an NDR. */
  generic?: boolean;
  /** Causes also proven when the remote server is an endpoint of this kind. */
  confirmedWhenRemote?: { kind: EndpointKind; causes: CauseId[] };
  /** `confirmed` is proof only when this party refused; when another did, those causes are only considered. */
  confirmedOnlyWhenRejecter?: Rejecter;
  /** The family instead of `family` when this party refused. */
  familyWhenRejecter?: Partial<Record<Rejecter, Family>>;
}

const has = (t: NdrText, ...parts: string[]): boolean => parts.every((p) => t.text.includes(p));
const any = (t: NdrText, ...parts: string[]): boolean => parts.some((p) => t.text.includes(p));
const enhIn = (t: NdrText, ...codes: string[]): boolean => t.enh !== undefined && codes.includes(t.enh);
const enhRange = (t: NdrText, prefix: string, lo: number, hi: number): boolean => {
  if (!t.enh || !t.enh.startsWith(prefix)) return false;
  const n = Number(t.enh.slice(prefix.length));
  return Number.isInteger(n) && n >= lo && n <= hi;
};
/** "Relay" refusals in the words of non-Microsoft MTAs; "open relay" (a blocklist reason) is not one. */
const OTHER_RELAY = [
  'relaying denied',
  'relay denied',
  'relay not permitted',
  'relaying not permitted',
  'relaying not allowed',
  'relay not allowed',
  'we do not relay',
  'not configured to relay',
  'insecure mail relay',
  'no relaying',
  'relaying prohibited',
  'relaying is prohibited',
  'relay prohibited',
  'not permitted to relay',
  'relay access denied',
  'unable to relay',
  'cannot relay',
  'relaying disallowed',
  'relay rejected',
  'not allowed to relay',
  // Amazon SES refusing to send for an identity it has not verified (sisimai reads it as relaying denied).
  'email address is not verified',
  // sendmail's and qmail's classic wording of the same refusal.
  'forwarding denied',
  'not in my list of allowed rcpthosts',
];
const isOtherRelay = (t: NdrText): boolean =>
  any(t, ...OTHER_RELAY) && !(t.text.includes('open relay') && !any(t, 'relay access denied', 'relaying denied'));

const C = {
  attribution: [
    'inbound-connector.certificate-mismatch',
    'inbound-connector.ip-not-listed',
    'certificate.incomplete-chain',
    'accepted-domain.not-accepted',
    'inbound-connector.missing',
    'inbound-connector.disabled',
    'inbound-connector.wrong-type',
    'send-connector.certificate-not-set',
    'send-connector.tls-not-required',
    'certificate.untrusted',
  ] as CauseId[],
  kb541: [
    'send-connector.no-smart-host',
    'send-connector.wrong-smart-host',
    'send-connector.legacy-endpoint',
    'send-connector.disabled',
    'inbound-connector.missing',
    'inbound-connector.disabled',
    'accepted-domain.not-accepted',
  ] as CauseId[],
  attrOld: [
    'inbound-connector.missing',
    'inbound-connector.disabled',
    'inbound-connector.certificate-mismatch',
    'inbound-connector.ip-not-listed',
    'accepted-domain.not-accepted',
  ] as CauseId[],
  reachedEop: ['send-connector.no-smart-host', 'send-connector.legacy-endpoint'] as CauseId[],
};

export const NDR_PATTERNS: readonly NdrPattern[] = [
  // Core: on-prem → EOP relay and attribution
  {
    id: 'eop.5.7.64.attr36',
    examples: [
      '550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958',
    ],
    match: (t) => t.attr === 'ATTR36' || (enhIn(t, '5.7.64') && t.text.includes('kb/3169958')),
    family: 'eop-relay-denied',
    confirmed: ['accepted-domain.not-accepted'],
    consider: ['inbound-connector.certificate-mismatch', 'inbound-connector.missing'],
    unlikely: C.reachedEop,
    sources: sourceUrls('attr36', 'notice'),
  },
  {
    id: 'eop.5.7.64.tenant-attribution',
    examples: [
      '550 5.7.64 TenantAttribution; Relay Access Denied',
      '550 5.7.64 TenantAttribution; Relay Access Denied SMTP',
    ],
    // 5.7.64 is EOP's TenantAttribution code: the code alone ("bounces with 5.7.64") names this refusal.
    match: (t) => t.text.includes('tenantattribution') || enhIn(t, '5.7.64'),
    family: 'eop-relay-denied',
    confirmed: [],
    consider: C.attribution,
    unlikely: C.reachedEop,
    sources: sourceUrls('relayDenied5764', 'tenantAttribution', 'fix5764', 'multigeo', 'qa304252'),
  },
  {
    id: 'eop.4.4.62.attr35',
    examples: ['451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35.'],
    match: (t) => t.attr === 'ATTR35' || enhIn(t, '4.4.62') || t.text.includes('wrong office 365 region'),
    family: 'eop-wrong-endpoint',
    confirmed: [],
    consider: [
      'send-connector.legacy-endpoint',
      'send-connector.ip-smart-host',
      'send-connector.wrong-smart-host',
      'inbound-connector.missing',
      'inbound-connector.certificate-mismatch',
      'inbound-connector.ip-not-listed',
    ],
    unlikely: [],
    sources: sourceUrls('attr35', 'multigeo', 'qa1631796'),
  },
  {
    id: 'eop.5.7.51.tenant-inbound-attribution',
    examples: [
      "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set",
    ],
    match: (t) =>
      enhIn(t, '5.7.51') || (t.text.includes('tenantinboundattribution') && t.text.includes('partner connector')),
    family: 'eop-relay-denied',
    confirmed: ['inbound-connector.partner-restriction'],
    consider: [
      'inbound-connector.wrong-type',
      'inbound-connector.certificate-mismatch',
      'send-connector.certificate-not-set',
      'accepted-domain.not-accepted',
    ],
    unlikely: C.reachedEop,
    sources: sourceUrls('tlsBlog', 'newInboundConnector', 'sisimai'),
  },
  {
    id: 'eop.5.7.68.direct-send',
    examples: [
      '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    ],
    match: (t) => enhIn(t, '5.7.68') || t.text.includes('direct send not allowed'),
    family: 'eop-relay-denied',
    confirmed: ['eop.reject-direct-send'],
    consider: [
      'inbound-connector.missing',
      'inbound-connector.disabled',
      'inbound-connector.ip-not-listed',
      'inbound-connector.certificate-mismatch',
    ],
    unlikely: C.reachedEop,
    sources: sourceUrls('directSend', 'salesforce568'),
  },
  {
    id: 'eop.4.7.0.untrusted-root',
    examples: ['454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied'],
    match: (t) => has(t, 'failed to establish appropriate tls channel', 'untrustedroot'),
    family: 'tls-failure',
    confirmed: ['certificate.untrusted'],
    consider: ['send-connector.certificate-not-set'],
    unlikely: [],
    sources: sourceUrls('event2004'),
  },
  {
    id: 'eop.4.7.0.tls-channel',
    examples: ['454 4.7.0 Failed to establish appropriate TLS channel: {reason}: Access Denied'],
    match: (t) => t.text.includes('failed to establish appropriate tls channel'),
    family: 'tls-failure',
    confirmed: [],
    consider: ['certificate.untrusted', 'send-connector.certificate-not-set'],
    unlikely: [],
    sources: sourceUrls('event2004'),
  },
  {
    id: 'eop.5.7.711.bad-inbound-connector',
    examples: ['550;5.7.711 Access denied, bad inbound connector. AS(2204).'],
    match: (t) => enhIn(t, '5.7.711') || t.text.includes('bad inbound connector'),
    family: 'eop-sender-blocked',
    confirmed: ['eop.connector-blocked'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('blockedConnector'),
  },
  // Before the core 5.4.1: DBEB shares the code but is a recipient problem
  {
    id: 'eop.5.4.1.dbeb-recipient-rejected',
    examples: ['550 5.4.1 Recipient address rejected: Access denied. AS(201806281)'],
    match: (t) =>
      enhIn(t, '5.4.1') &&
      any(t, 'recipient address rejected', 'recipient addresses rejected') &&
      t.text.includes('access denied'),
    family: 'eop-recipient-rejected',
    confirmed: ['eop.recipient-not-found'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('dbeb', 'fix541', 'olesen'),
  },
  {
    id: 'fope.5.7.1.relay-access-denied',
    examples: ['<Domain_URL> #5.7.1 smtp;554 5.71 <client_email_address>: Relay access denied'],
    match: (t) => /\b5\.71\b/.test(t.text) && t.text.includes('relay access denied'),
    family: 'eop-relay-denied',
    confirmed: [],
    consider: ['accepted-domain.not-accepted'],
    unlikely: [],
    sources: sourceUrls('kb2603474'),
  },
  {
    id: 'eop.5.4.1.relay-access-denied',
    examples: ['#550 5.4.1 Relay Access Denied ##', '550 5.4.1 Relay Access Denied'],
    match: (t) => enhIn(t, '5.4.1') && t.text.includes('relay access denied') && t.rejecter !== 'third-party',
    family: 'eop-relay-denied',
    confirmed: [],
    consider: C.kb541,
    unlikely: [],
    sources: sourceUrls('kb2827473', 'fix541', 'ndrExo', 'concurrency'),
  },
  // Other ATTR strings
  {
    id: 'eop.5.7.1.ipv6-attr2',
    examples: ['550 5.7.1 Unable to accept unauthorized message over IPv6 ATTR2'],
    match: (t) => t.text.includes('unauthorized message over ipv6'),
    family: 'eop-relay-denied',
    confirmed: [],
    consider: ['inbound-connector.ip-not-listed', 'inbound-connector.certificate-mismatch'],
    unlikely: C.reachedEop,
    sources: sourceUrls('newInboundConnector'),
  },
  {
    id: 'eop.5.7.x.relay-access-denied-attr',
    examples: ['550 5.7.1 Relay Access Denied ATTR1', '550 5.7.0 Relay Access Denied'],
    // Vocabulary: `550 5.7.0 Relay Access Denied` is EOP's; a bare reply with no host is read the same way
    // (as the bare `#550 5.4.1 Relay Access Denied ##` is), a third party's never.
    match: (t) =>
      t.text.includes('relay access denied') &&
      (t.attr !== undefined ||
        t.rejecter === 'microsoft' ||
        (t.rejecter === 'unknown' && /\b550[ -]5\.7\.[01] relay access denied\b/.test(t.text))),
    family: 'eop-relay-denied',
    confirmed: [],
    consider: C.attrOld,
    unlikely: C.reachedEop,
    sources: sourceUrls('ndrExo'),
  },
  {
    id: 'eop.4.4.4.no-mail-subscription',
    examples: [
      '550 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5',
    ],
    match: (t) => t.text.includes('no mail-enabled subscriptions'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('multigeo'),
  },
  {
    id: 'eop.attr-temporary',
    examples: [
      '451 4.4.4 Temporary server error. Please try again later ATTR1',
      '451 4.3.2 Temporary server error. Please try again later ATTR55',
    ],
    match: (t) => t.attr !== undefined && t.text.includes('temporary server error'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('multigeo'),
  },
  {
    id: 'eop.5.4.14.hop-count-attr',
    examples: [
      '554 5.4.14 Hop count exceeded - possible mail loop ATTR34',
      '554 5.4.6 Hop count exceeded - possible mail loop ATTR1',
    ],
    match: (t) => t.text.includes('hop count exceeded') && (t.attr !== undefined || enhIn(t, '5.4.14')),
    family: 'connection-failure',
    confirmed: [],
    consider: ['accepted-domain.not-accepted', 'send-connector.wrong-smart-host'],
    unlikely: [],
    sources: sourceUrls('hop'),
  },
  // Generated on-premises
  {
    id: 'onprem.5.7.54.unable-to-relay',
    examples: ['550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain'],
    match: (t) => enhIn(t, '5.7.54') || t.text.includes('unable to relay recipient in non-accepted domain'),
    family: 'onprem-relay-denied',
    confirmed: ['onprem.receive-connector-relay'],
    consider: ['send-connector.no-internet-address-space'],
    unlikely: [],
    sources: sourceUrls('relayReceiveQa', 'anonRelay'),
    // Proven on-prem only when the on-prem server itself refused. Another organization's server
    // refusing is other-relay-denied; with no host named at all it stays a candidate.
    confirmedOnlyWhenRejecter: 'onprem',
    familyWhenRejecter: { 'third-party': 'other-relay-denied' },
  },
  {
    id: 'eop.5.7.1.allow-list',
    examples: ['5.7.1. Unable To Relay: Blocked by Customer Allow list'],
    match: (t) => t.text.includes('blocked by customer allow list'),
    family: 'eop-sender-blocked',
    confirmed: ['eop.sender-ip-blocked'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('allowList'),
  },
  {
    id: 'other.5.7.367.not-permitted-to-relay',
    examples: ['550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied'],
    match: (t) => enhIn(t, '5.7.367') || t.text.includes('remote server returned not permitted to relay'),
    family: 'other-relay-denied',
    confirmed: [],
    consider: ['accepted-domain.not-accepted'],
    unlikely: [],
    sources: sourceUrls('m57367', 'mimecast'),
  },
  {
    id: 'onprem.5.7.1.unable-to-relay',
    examples: ['550 5.7.1 Unable to relay'],
    match: (t) => t.text.includes('unable to relay') && t.rejecter !== 'third-party' && t.rejecter !== 'microsoft',
    family: 'onprem-relay-denied',
    confirmed: ['onprem.receive-connector-relay'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('ndrEx'),
  },
  {
    id: 'eop.5.7.1.unable-to-relay',
    examples: ['550 5.7.1 Unable to relay (from an EOP host)'],
    match: (t) => t.text.includes('unable to relay') && t.rejecter === 'microsoft',
    family: 'eop-relay-denied',
    confirmed: [],
    consider: C.attrOld,
    unlikely: C.reachedEop,
    sources: sourceUrls('ndrEx', 'relayDenied5764'),
  },
  {
    id: 'exo.couldnt-relay',
    examples: [
      "Your message couldn't be delivered because an email server outside Office 365 reported an error that it couldn't relay your message.",
    ],
    match: (t) => t.text.includes("couldn't relay your message") || t.text.includes('could not relay your message'),
    family: 'other-relay-denied',
    confirmed: [],
    consider: ['onprem.receive-connector-relay'],
    unlikely: [],
    sources: sourceUrls('pastemig'),
  },
  {
    id: 'onprem.4.7.5.certificate-not-found',
    examples: ['454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.'],
    match: (t) =>
      any(
        t,
        'tlscertificatename of the sendconnector could not be found',
        'tlscertificatename of the send connector could not be found',
      ),
    family: 'tls-failure',
    confirmed: ['certificate.not-found'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('tlsBlog', 'after2016'),
  },
  {
    id: 'onprem.tls-nocredentials',
    examples: [
      'TLS negotiation failed with error NoCredentials',
      'TLS negotiation failed with error UnknownCredentials.',
    ],
    match: (t) =>
      any(t, 'tls negotiation failed with error nocredentials', 'tls negotiation failed with error unknowncredentials'),
    family: 'tls-failure',
    confirmed: ['certificate.no-private-key'],
    consider: ['send-connector.tls-unknown-credentials'],
    unlikely: [],
    sources: sourceUrls('noCredentials', 'unknownCredentials'),
  },
  {
    id: 'onprem.tls-socketerror',
    examples: ['421 4.4.2 Connection dropped due to SocketError', 'TLS negotiation failed with error SocketError'],
    match: (t) => any(t, 'tls negotiation failed with error socketerror', 'connection dropped due to socketerror'),
    family: 'tls-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('socket'),
  },
  // The opposite direction (Exchange Online → on-premises), before the STARTTLS strings it quotes: recognized, pointed at, never this hop.
  {
    id: 'exo.onprem-certificate-mismatch',
    examples: [
      '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]',
      '{LED=450 4.7.320 Certificate validation failed};{MSG=SubjectMismatch}',
      '450 4.7.320 Certificate validation failed',
    ],
    match: (t) =>
      t.full.includes('subjectmismatch') ||
      enhIn(t, '4.7.320') ||
      (enhRange(t, '4.4.', 316, 318) && any(t, 'starttls is required', 'subjectmismatch', 'certificate')),
    family: 'other-failure',
    confirmed: ['hybrid.exo-to-onprem-certificate'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('certValidation', 'starttls317', 'mailFlowIntelligence'),
  },
  {
    id: 'exo.4.4.101.proxy-starttls',
    examples: [
      '450 4.4.101 Proxy session setup failed on Frontend with \'451 4.4.0 Primary target IP address responded with "451 5.7.3 STARTTLS is required to send mail."\'',
    ],
    match: (t) => t.full.includes('proxy session setup failed'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('newCertificate'),
  },
  {
    id: 'eop.5.7.3.starttls-required',
    examples: ['451 5.7.3 Must issue a STARTTLS command first'],
    match: (t) => any(t, 'must issue a starttls command first', 'starttls is required to send mail'),
    family: 'tls-failure',
    confirmed: [],
    consider: [
      'certificate.no-private-key',
      'certificate.untrusted',
      'eop.sender-ip-blocked',
      'inbound-connector.ip-not-listed',
    ],
    unlikely: [],
    sources: sourceUrls('c365lab', 'socket'),
  },
  // EXO → on-prem (before the on-prem DNS/connection strings they contain)
  {
    id: 'exo.4.4.31x.onprem-unreachable',
    examples: [
      '450 4.4.312 DNS query failed',
      '450 4.4.316 Connection refused',
      '450 4.4.317 Cannot connect to remote server',
    ],
    // 4.7.320 is not here: the certificate pattern above takes every 4.7.320, whatever its words.
    match: (t) => enhRange(t, '4.4.', 312, 318) || enhRange(t, '5.4.', 312, 318),
    family: 'other-failure',
    confirmed: [],
    consider: ['hybrid.exo-to-onprem-unreachable', 'hybrid.exo-to-onprem-certificate'],
    unlikely: [],
    sources: sourceUrls('mailFlowIntelligence', 'tlsBlog'),
  },
  {
    id: 'onprem.4.2.1.unable-to-connect',
    examples: [
      '451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed.',
    ],
    match: (t) =>
      t.text.includes('unable to connect') &&
      (enhIn(t, '4.2.1') || t.code === '421' || t.full.includes('primary target ip address responded with')),
    family: 'connection-failure',
    confirmed: [],
    consider: ['send-connector.tls-unknown-credentials', 'certificate.no-private-key'],
    unlikely: [],
    sources: sourceUrls('unableToConnect', 'noCredentials', 'kb4051498'),
  },
  {
    id: 'eop.4.7.66.legacy-tls',
    examples: ['421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.'],
    match: (t) => enhIn(t, '4.7.66') || t.text.includes('tls 1.0 and 1.1 are not supported'),
    family: 'tls-failure',
    confirmed: ['onprem.legacy-tls-only'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('legacyTls'),
  },
  {
    id: 'onprem.4.7.0.proxy-prx',
    examples: ['451 4.7.0 Temporary server error. Please try again later. PRX3'],
    match: (t) => t.text.includes('temporary server error') && /\bc?prx\d\b/.test(t.text),
    family: 'connection-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('c7'),
  },
  {
    id: 'onprem.4.4.0.dns-query-failed',
    examples: ['451 4.4.0 DNS query failed'],
    match: (t) => t.text.includes('dns query failed'),
    family: 'connection-failure',
    confirmed: [],
    consider: ['send-connector.wrong-smart-host'],
    unlikely: [],
    sources: sourceUrls('dnsqf'),
  },
  {
    id: 'onprem.5.4.4.nonexistent-domain',
    examples: ['5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain'],
    match: (t) => t.text.includes('smtpsend.dns.nonexistentdomain') || enhIn(t, '5.4.4'),
    family: 'connection-failure',
    confirmed: [],
    consider: ['send-connector.wrong-smart-host'],
    unlikely: [],
    sources: sourceUrls('dnsqf', 'ndrEx'),
  },
  {
    id: 'onprem.4.4.1.connection-timed-out',
    examples: [
      '421 4.4.1 Connection timed out',
      '441 4.4.1 Error encountered while communicating with primary target IP address',
    ],
    match: (t) =>
      enhIn(t, '4.4.1', '4.4.2') ||
      any(t, 'connection timed out', 'error encountered while communicating with primary target'),
    family: 'connection-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('noCredentials', 'ndrEx'),
  },
  {
    id: 'onprem.4.4.7.expired',
    examples: ['#550 4.4.7 QUEUE.Expired; message expired ##', '4.4.7 Message delayed'],
    match: (t) => enhIn(t, '4.4.7', '5.4.7') || any(t, 'queue.expired', 'message expired'),
    family: 'connection-failure',
    confirmed: [],
    consider: ['send-connector.no-smart-host', 'send-connector.wrong-smart-host'],
    unlikely: [],
    sources: sourceUrls('ndrEx', 'fix447'),
  },
  {
    id: 'onprem.5.4.6.hop-count',
    examples: ['554 5.4.6 Hop count exceeded - possible mail loop'],
    match: (t) => t.text.includes('hop count exceeded') || enhIn(t, '5.4.6'),
    family: 'connection-failure',
    confirmed: [],
    consider: ['send-connector.wrong-smart-host'],
    unlikely: [],
    sources: sourceUrls('ndrEx', 'kb2603474', 'bpos'),
  },
  // EOP reputation, policy, limits
  {
    id: 'eop.5.7.230.out-of-date-exchange',
    examples: [
      '550 5.7.230 Connecting Exchange server version is out-of-date; connection to Exchange Online blocked for 10 mins/hr.',
      '450 4.7.230 Connecting Exchange server version is out-of-date; connection to Exchange Online throttled for 5 mins/hr.',
    ],
    match: (t) =>
      enhIn(t, '5.7.230', '4.7.230') ||
      t.text.includes('exchange server version is out-of-date') ||
      t.text.includes('exchange server version is out of date'),
    family: 'eop-sender-blocked',
    confirmed: ['onprem.out-of-date-exchange'],
    consider: [],
    unlikely: C.reachedEop,
    sources: sourceUrls('enforcementPause', 'enforcementSummary'),
  },
  {
    id: 'eop.5.7.606-649.banned-ip',
    examples: [
      '550 5.7.606 Access denied, banned sending IP [a.b.c.d]. To request removal from this list please visit https://sender.office.com/',
    ],
    match: (t) => enhRange(t, '5.7.', 606, 649),
    family: 'eop-sender-blocked',
    confirmed: ['eop.sender-ip-blocked'],
    consider: ['inbound-connector.missing', 'inbound-connector.ip-not-listed'],
    unlikely: [],
    sources: sourceUrls('ndrExo', 'paste606', 'gh666', 'o365t'),
  },
  {
    id: 'eop.4.7.5xx-6xx.throttled',
    examples: [
      '451 4.7.500 Server busy. Please try again later from [a.b.c.d]. (ASnnn)',
      '451 4.7.650 The mail server [a.b.c.d] has been temporarily rate limited due to IP reputation.',
    ],
    match: (t) => enhRange(t, '4.7.', 500, 699),
    family: 'eop-sender-blocked',
    confirmed: [],
    consider: ['inbound-connector.missing', 'eop.sender-ip-blocked'],
    unlikely: [],
    sources: sourceUrls('x4xx500', 'sisimai'),
  },
  {
    id: 'eop.4.7.850-899.access-denied',
    examples: ['4.7.850 Access denied, please try again later'],
    match: (t) => enhRange(t, '4.7.', 850, 899),
    family: 'eop-sender-blocked',
    confirmed: [],
    consider: ['eop.sender-ip-blocked'],
    unlikely: [],
    sources: sourceUrls('x4xx500'),
  },
  {
    id: 'eop.5.7.705.tenant-threshold',
    examples: ['5.7.705 Access denied, tenant has exceeded threshold.'],
    match: (t) => enhIn(t, '5.7.705') || t.text.includes('tenant has exceeded threshold'),
    family: 'eop-sender-blocked',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('fix57xx'),
  },
  {
    id: 'eop.5.7.708.ip-not-accepted',
    examples: ['550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.'],
    match: (t) => enhIn(t, '5.7.708') || t.text.includes('traffic not accepted from this ip'),
    family: 'eop-sender-blocked',
    confirmed: ['eop.sender-ip-blocked'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('fix57xx', 'sfw'),
  },
  {
    id: 'eop.5.7.750.unregistered-domain',
    examples: ['550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.'],
    match: (t) => enhIn(t, '5.7.750') || t.text.includes('sending from unregistered domain'),
    family: 'eop-sender-blocked',
    confirmed: ['eop.unregistered-sender-domain'],
    consider: ['accepted-domain.not-accepted'],
    unlikely: [],
    sources: sourceUrls('fix57xx'),
  },
  {
    id: 'eop.5.7.23x.tenant-rate-limit',
    examples: [
      "5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients",
    ],
    match: (t) => enhIn(t, '5.7.232', '5.7.233') || t.text.includes('tenant external recipient rate limit'),
    family: 'eop-sender-blocked',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('ndrExo'),
  },
  {
    id: 'eop.5.7.1.blocklist',
    examples: [
      '5.7.1 Service unavailable; Client host [x.x.x.x] blocked using Blocklist 1',
      "550 5.7.1 Unfortunately, messages from [ip] weren't sent. … (S3150).",
    ],
    match: (t) =>
      any(
        t,
        'blocked using blocklist',
        'delist@messaging.microsoft.com',
        '(s3150)',
        'part of their network is on our block list',
      ) ||
      (t.text.includes('blocked using spamhaus') && t.text.includes('service unavailable')),
    family: 'eop-sender-blocked',
    confirmed: ['eop.sender-ip-blocked'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('fix571', 'sisimai'),
  },
  {
    id: 'other.5.7.23.spf',
    examples: ['550 5.7.23 The message was rejected because of Sender Policy Framework violation'],
    match: (t) => enhIn(t, '5.7.23') && t.text.includes('sender policy framework'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('m5723'),
  },
  {
    id: 'eop.5.1.8.bad-outbound-sender',
    examples: ['550 5.1.8 Access denied, bad outbound sender AS(42003)'],
    match: (t) => t.text.includes('bad outbound sender'),
    family: 'eop-sender-blocked',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('c7'),
  },
  // SMTP AUTH endpoint
  {
    id: 'eop.5.7.57.client-not-authenticated',
    examples: [
      '530 5.7.57 Client not authenticated to send mail',
      'Client was not authenticated to send anonymous mail during MAIL FROM',
    ],
    match: (t) => enhIn(t, '5.7.57') || t.text.includes('client was not authenticated to send anonymous mail'),
    family: 'eop-wrong-endpoint',
    confirmed: [],
    consider: ['send-connector.client-submission-endpoint'],
    unlikely: [],
    sources: sourceUrls('m5757', 'printers'),
    // 5.7.57 from smtp.office365.com proves the Send connector targets the client submission endpoint.
    confirmedWhenRemote: { kind: 'client-submission', causes: ['send-connector.client-submission-endpoint'] },
  },
  {
    id: 'eop.smtp-auth-endpoint',
    examples: [
      '5.7.60 SMTP; Client does not have permissions to send as this sender',
      '535 5.7.3 Authentication unsuccessful',
      '535 5.7.139',
    ],
    match: (t) =>
      t.remoteKind === 'client-submission' &&
      (enhIn(t, '5.7.60', '5.7.139') || (enhIn(t, '5.7.3') && t.text.includes('authentication unsuccessful'))),
    family: 'eop-wrong-endpoint',
    confirmed: ['send-connector.client-submission-endpoint'],
    consider: [],
    unlikely: [],
    sources: sourceUrls('printers'),
  },
  {
    id: 'other.smtp-auth',
    examples: ['535 5.7.3 Authentication unsuccessful (application SMTP AUTH)'],
    match: (t) =>
      enhIn(t, '5.7.60', '5.7.139') || (enhIn(t, '5.7.3') && t.text.includes('authentication unsuccessful')),
    family: 'other-failure',
    confirmed: [],
    consider: ['send-connector.client-submission-endpoint'],
    unlikely: [],
    sources: sourceUrls('printers'),
  },
  // Relay refusals by other MTAs (Postfix, Sendmail, Exim, …)
  {
    id: 'other.relay-denied',
    examples: [
      '554 5.7.1 <user@example.org>: Relay access denied',
      '550 5.7.1 Relaying denied',
      '550 Insecure Mail Relay',
      'we do not relay',
    ],
    match: isOtherRelay,
    family: 'other-relay-denied',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('sisimai'),
  },
  // Generic failures
  {
    id: 'generic.recipient-unknown',
    examples: ['550 5.1.1 User unknown', '550 5.1.10 RESOLVER.ADR.RecipientNotFound'],
    match: (t) =>
      t.enh?.startsWith('5.1.') === true ||
      any(t, 'user unknown', 'recipient not found', 'no such user', 'unknown user'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('ndrEx'),
    generic: true,
  },
  {
    id: 'generic.mailbox-full',
    examples: ['550 5.2.2 Mailbox full'],
    match: (t) => enhIn(t, '5.2.2', '4.2.2') || any(t, 'mailbox full', 'quota exceeded'),
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('ndrEx'),
    generic: true,
  },
  {
    id: 'generic.delivery-failure',
    examples: ['any other 4xx/5xx reply'],
    match: () => true,
    family: 'other-failure',
    confirmed: [],
    consider: [],
    unlikely: [],
    sources: sourceUrls('ndrEx'),
    generic: true,
  },
];

/** The first pattern of the table that matches. */
export function matchNdrPattern(t: NdrText): NdrPattern {
  for (const p of NDR_PATTERNS) if (p.match(t)) return p;
  return NDR_PATTERNS[NDR_PATTERNS.length - 1];
}
