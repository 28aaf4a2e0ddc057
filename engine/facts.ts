import { z } from 'zod';

// Facts: everything the engine knows, from pasted text, answers and live checks. Every fact that a
// verdict may cite keeps the exact line it came from (`evidence`).

export const NDR_LAYOUTS = [
  'exchange2010',
  'exchange2013',
  'exo-modern',
  'legacy-oneline',
  'dsn',
  'html',
  'postfix',
  'sendmail',
  'exim',
  'queue-lasterror',
  'message-tracking',
  'smtp-reply',
  'other',
] as const;

export const NdrFactsSchema = z.object({
  layout: z.enum(NDR_LAYOUTS),
  /** Basic SMTP reply code, e.g. `550`. */
  replyCode: z.string().optional(),
  /** Enhanced status code, e.g. `5.7.64`. */
  enhancedStatus: z.string().optional(),
  /** The SMTP reply (or diagnostic text) exactly as it stands in the input, one line. */
  diagnostic: z.string().optional(),
  /** Attribution stage, e.g. `ATTR36`. */
  attr: z.string().optional(),
  /** The server that wrote the report (Generating server / Reporting-MTA). */
  generatingServer: z.string().optional(),
  /** The host the reporting server was talking to when it was refused (Remote server / Remote-MTA / `host X said`). */
  remoteServer: z.string().optional(),
  remoteIp: z.string().optional(),
  /** Host named in the bracketed tail of a Microsoft reply, e.g. `[AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]`. */
  replyHost: z.string().optional(),
  rejectedBy: z.enum(['remote', 'generating', 'unknown']),
  recipients: z.array(z.string()),
  sender: z.string().optional(),
  senderDomain: z.string().optional(),
  timestamps: z.array(z.string()),
  language: z.string().optional(),
  /** Id of the NDR pattern (engine/knowledge/ndr-patterns.ts) that matched the diagnostic, if any. */
  patternId: z.string().optional(),
  /** Exact lines the facts above were read from. */
  evidence: z.array(z.string()),
});
export type NdrFacts = z.infer<typeof NdrFactsSchema>;

export const SendConnectorSchema = z.object({
  name: z.string(),
  enabled: z.boolean().optional(),
  addressSpaces: z.array(z.string()),
  dnsRoutingEnabled: z.boolean().optional(),
  smartHosts: z.array(z.string()),
  requireTls: z.boolean().optional(),
  tlsAuthLevel: z.string().optional(),
  tlsDomain: z.string().optional(),
  /** Raw `<I>issuer<S>subject` value; empty string when printed empty. */
  tlsCertificateName: z.string().optional(),
  fqdn: z.string().optional(),
  cloudServicesMailEnabled: z.boolean().optional(),
  sourceTransportServers: z.array(z.string()),
  smartHostAuthMechanism: z.string().optional(),
  port: z.number().optional(),
  /** Properties printed with `...` (cut by $FormatEnumerationLimit). */
  truncated: z.array(z.string()),
  /** Property name → the exact line it was read from. */
  lines: z.record(z.string(), z.string()),
});
export type SendConnector = z.infer<typeof SendConnectorSchema>;

export const InboundConnectorSchema = z.object({
  name: z.string(),
  enabled: z.boolean().optional(),
  connectorType: z.string().optional(),
  connectorSource: z.string().optional(),
  senderDomains: z.array(z.string()),
  senderIPAddresses: z.array(z.string()),
  tlsSenderCertificateName: z.string().optional(),
  requireTls: z.boolean().optional(),
  restrictDomainsToIPAddresses: z.boolean().optional(),
  restrictDomainsToCertificate: z.boolean().optional(),
  cloudServicesMailEnabled: z.boolean().optional(),
  treatMessagesAsInternal: z.boolean().optional(),
  truncated: z.array(z.string()),
  lines: z.record(z.string(), z.string()),
});
export type InboundConnector = z.infer<typeof InboundConnectorSchema>;

export const AcceptedDomainSchema = z.object({
  domainName: z.string(),
  domainType: z.string().optional(),
  isDefault: z.boolean().optional(),
  line: z.string().optional(),
  /** The table cell was cut (`contoso.mail.onmicrosoft.c...`): domainName is only a prefix. */
  truncated: z.boolean().optional(),
});
export type AcceptedDomain = z.infer<typeof AcceptedDomainSchema>;

export const CertificateSchema = z.object({
  thumbprint: z.string().optional(),
  subject: z.string().optional(),
  issuer: z.string().optional(),
  certificateDomains: z.array(z.string()),
  services: z.array(z.string()),
  hasPrivateKey: z.boolean().optional(),
  notAfter: z.string().optional(),
  status: z.string().optional(),
  /** Properties printed with `...` (cut by $FormatEnumerationLimit), e.g. `CertificateDomains`. */
  truncated: z.array(z.string()).optional(),
  lines: z.record(z.string(), z.string()),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** What a Send protocol log shows about the certificate actually sent, and TLS errors. */
export const ProtocolLogSchema = z.object({
  subject: z.string().optional(),
  issuer: z.string().optional(),
  alternateNames: z.array(z.string()),
  thumbprint: z.string().optional(),
  tlsErrors: z.array(z.enum(['NoCredentials', 'UnknownCredentials', 'SocketError'])),
  remoteHost: z.string().optional(),
  lines: z.array(z.string()),
});
export type ProtocolLog = z.infer<typeof ProtocolLogSchema>;

/**
 * Stable ids for what a live check concluded beyond its outcome (engine/live/ writes them; rules read
 * them). `mx.*` on check 'mx', `smart-host.*` on 'smart-host', `spf.*` on 'spf'. Add, never rename.
 */
export const LIVE_FINDINGS = [
  'mx.eop', // at least one MX host is a tenant EOP endpoint: the smart host to use
  'mx.legacy-microsoft', // an MX host is a retired Microsoft endpoint (FOPE, Cloud Germany)
  'mx.third-party', // an MX host is outside Microsoft and outside the domain (a filter or hoster)
  'mx.own-server', // an MX host lies under the domain itself (the organization's own server)
  'mx.null', // null MX (RFC 7505): the domain accepts no mail
  'smart-host.tenant-endpoint', // equals an EOP host published in the domain's MX
  'smart-host.eop-not-in-mx', // EOP endpoint format, but not the domain's MX (may still be the tenant's)
  'smart-host.is-domain-mx', // equals a non-EOP MX of the domain (own server or third-party filter)
  'smart-host.mx-only', // the name has no A/AAAA, only MX
  'spf.eop-include', // SPF includes Microsoft's SPF (directly or through nested includes)
  'spf.eop-include-missing', // SPF read completely and it does not include Microsoft's SPF
  'spf.no-record', // TXT records exist but none is SPF
  'spf.multiple-records', // more than one v=spf1 record (RFC 7208 permerror)
  'spf.cloud-mismatch', // the SPF include is for another Microsoft cloud than the EOP MX
  'spf.incomplete', // a nested include could not be read or the lookup limit was hit
] as const;
export type LiveFinding = (typeof LIVE_FINDINGS)[number];

/** A live observation (DNS) with where and when it was made. */
export const LiveObservationSchema = z.object({
  check: z.enum(['mx', 'smart-host', 'spf']),
  subject: z.string(),
  outcome: z.enum(['ok', 'nxdomain', 'no-data', 'could-not-check']),
  /** e.g. MX host names, A records or the SPF record. */
  values: z.array(z.string()),
  /** Classification of the host(s) seen: an endpoint kind from engine/knowledge/endpoints.ts. */
  endpointKinds: z.array(z.string()),
  detail: z.string().optional(),
  observedAt: z.string(),
  vantage: z.string(),
  /** What the check concluded beyond its outcome (optional, added by engine/live). */
  findings: z.array(z.enum(LIVE_FINDINGS)).optional(),
  /** For 'smart-host': where the host name came from. */
  origin: z.enum(['send-connector', 'ndr-remote-server']).optional(),
  /**
   * For 'could-not-check': why (timeout, SERVFAIL, refused, overall budget ran out, other error, or
   * 'not-checked': more hosts were named than are looked up; `values` lists them, first ones only).
   */
  failure: z.enum(['timeout', 'servfail', 'refused', 'budget', 'error', 'not-checked']).optional(),
});
export type LiveObservation = z.infer<typeof LiveObservationSchema>;

export const INPUT_KINDS = [
  'ndr',
  'send-connector',
  'inbound-connector',
  'accepted-domain',
  'exchange-certificate',
  'protocol-log',
  'domain',
  'not-recognized',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const InputSummarySchema = z.object({
  kind: z.enum(INPUT_KINDS),
  label: z.string(),
  /** For `not-recognized`: what to paste instead and how to get it. */
  hint: z.string().optional(),
});
export type InputSummary = z.infer<typeof InputSummarySchema>;

export const FactsSchema = z.object({
  inputs: z.array(InputSummarySchema),
  ndrs: z.array(NdrFactsSchema),
  sendConnectors: z.array(SendConnectorSchema),
  inboundConnectors: z.array(InboundConnectorSchema),
  acceptedDomains: z.array(AcceptedDomainSchema),
  certificates: z.array(CertificateSchema),
  protocolLogs: z.array(ProtocolLogSchema),
  /** The organization's domain, typed or given with --domain. */
  domain: z.string().optional(),
  /** Answers to the engine's questions, by question id. */
  answers: z.record(z.string(), z.string()),
  live: z.array(LiveObservationSchema),
});
export type Facts = z.infer<typeof FactsSchema>;

export function emptyFacts(): Facts {
  return {
    inputs: [],
    ndrs: [],
    sendConnectors: [],
    inboundConnectors: [],
    acceptedDomains: [],
    certificates: [],
    protocolLogs: [],
    answers: {},
    live: [],
  };
}

/** `base` then `add`, without entries equal to an earlier one: pasting the same output twice adds nothing. */
function concatUnique<T>(base: T[], add: T[] | undefined): T[] {
  if (!add?.length) return base;
  const seen = new Set(base.map((x) => JSON.stringify(x)));
  const out = [...base];
  for (const x of add) {
    const key = JSON.stringify(x);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(x);
    }
  }
  return out;
}

/** Live observations: a newer look at the same check and subject replaces the older one. */
function mergeLive(base: LiveObservation[], add: LiveObservation[] | undefined): LiveObservation[] {
  if (!add?.length) return base;
  const key = (o: LiveObservation) => `${o.check}\u0000${o.subject}\u0000${o.origin ?? ''}`;
  const newer = new Set(add.map(key));
  return [...base.filter((o) => !newer.has(key(o))), ...add];
}

/**
 * Merge recognized pieces into one Facts object (lists concatenate without exact duplicates, a live
 * observation replaces an older one of the same check and subject; scalars: later wins).
 */
export function mergeFacts(base: Facts, add: Partial<Facts>): Facts {
  return {
    inputs: concatUnique(base.inputs, add.inputs),
    ndrs: concatUnique(base.ndrs, add.ndrs),
    sendConnectors: concatUnique(base.sendConnectors, add.sendConnectors),
    inboundConnectors: concatUnique(base.inboundConnectors, add.inboundConnectors),
    acceptedDomains: concatUnique(base.acceptedDomains, add.acceptedDomains),
    certificates: concatUnique(base.certificates, add.certificates),
    protocolLogs: concatUnique(base.protocolLogs, add.protocolLogs),
    domain: add.domain ?? base.domain,
    answers: { ...base.answers, ...(add.answers ?? {}) },
    live: mergeLive(base.live, add.live),
  };
}
