// Microsoft mail endpoint host formats (docs/knowledge.md#endpoints). Matching is by suffix, case-insensitive.
// "Read the MX, don't synthesize the token": nothing here derives a tenant's token from a domain.

import { sourceUrl } from './sources';

/** @public The kinds as a value, from which `EndpointKind` is derived. */
export const ENDPOINT_KINDS = [
  'eop-commercial', // <token>.mail.protection.outlook.com
  'eop-mx-microsoft', // <token>.<x>-v1.mx.microsoft (DNSSEC/DANE, new domains from 2026-07-01)
  'eop-gcc-high', // <tenant>.mail.protection.office365.us
  'eop-21vianet', // <key>.mail.protection.partner.outlook.cn
  'eop-germany-legacy', // mail.protection.outlook.de
  'eop-internal', // *.prod.protection.outlook.com / *.prod.outlook.com: a server inside EOP/EXO, not an MX
  'hybrid-coexistence', // <tenant>.mail.onmicrosoft.com
  'legacy-fope', // FOPE / early EOP hosts, retired
  'client-submission', // smtp.office365.com, smtp-legacy.office365.com
  'kb-typo', // *.mail.protection.com (KB 2827473's example typo)
  'ip-literal',
  'other',
] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface EndpointFormat {
  kind: EndpointKind;
  /** Lower-case suffix or exact host; `exact` hosts must equal it. */
  pattern: RegExp;
  cloud?: 'commercial' | 'gcc-high' | '21vianet' | 'germany';
  description: string;
  source: string;
}

export const ENDPOINT_FORMATS: readonly EndpointFormat[] = [
  {
    kind: 'kb-typo',
    pattern: /\.mail\.protection\.com$/,
    description: 'the KB 2827473 example typo (missing "outlook")',
    source: sourceUrl('kb2827473'),
  },
  {
    kind: 'legacy-fope',
    pattern: /(^|\.)mail\.eo\.outlook\.com$/,
    description: 'Exchange Online / FOPE legacy endpoint (*.mail.eo.outlook.com)',
    source: sourceUrl('attr35'),
  },
  {
    kind: 'legacy-fope',
    pattern: /^mail\.global\.frontbridge\.com$/,
    description: 'FOPE endpoint (frontbridge)',
    source: sourceUrl('dnsBest'),
  },
  {
    kind: 'legacy-fope',
    pattern: /^mail\.messaging\.microsoft\.com$/,
    description: 'FOPE endpoint (messaging.microsoft.com)',
    source: sourceUrl('dnsBest'),
  },
  {
    kind: 'legacy-fope',
    pattern: /^mail\.global\.bigfish\.com$/,
    description: 'FOPE endpoint (bigfish)',
    source: sourceUrl('dnsBest'),
  },
  {
    kind: 'legacy-fope',
    pattern: /^mail\.outlook\.com$/,
    description: 'legacy endpoint mail.outlook.com',
    source: sourceUrl('dnsBest'),
  },
  {
    kind: 'client-submission',
    pattern: /^smtp(-legacy)?\.office365\.com$/,
    description: 'SMTP AUTH client submission, not a relay endpoint',
    source: sourceUrl('printers'),
  },
  {
    kind: 'eop-commercial',
    pattern: /^[a-z0-9-]+\.mail\.protection\.outlook\.com$/,
    cloud: 'commercial',
    description: 'EOP endpoint (commercial)',
    source: sourceUrl('route'),
  },
  {
    kind: 'eop-mx-microsoft',
    pattern: /^[a-z0-9-]+\.[a-z]-v\d+\.mx\.microsoft$/,
    cloud: 'commercial',
    description: 'EOP endpoint (mx.microsoft, DNSSEC)',
    source: sourceUrl('multigeo'),
  },
  {
    kind: 'eop-gcc-high',
    pattern: /^[a-z0-9-]+\.mail\.protection\.office365\.us$/,
    cloud: 'gcc-high',
    description: 'EOP endpoint (GCC High / DoD)',
    source: sourceUrl('gccHigh'),
  },
  {
    kind: 'eop-21vianet',
    pattern: /^[a-z0-9-]+\.mail\.protection\.partner\.outlook\.cn$/,
    cloud: '21vianet',
    description: 'EOP endpoint (21Vianet)',
    source: sourceUrl('vianetDns'),
  },
  {
    kind: 'eop-germany-legacy',
    pattern: /(^|\.)mail\.protection\.outlook\.de$/,
    cloud: 'germany',
    description: 'Microsoft Cloud Deutschland legacy MX',
    source: sourceUrl('multigeo'),
  },
  {
    kind: 'eop-internal',
    pattern:
      /\.(prod\.protection\.outlook\.com|prod\.outlook\.com|protection\.outlook\.com|outbound\.protection\.outlook\.com)$/,
    cloud: 'commercial',
    description: 'a server inside EOP / Exchange Online',
    source: sourceUrl('tlsBlog'),
  },
  {
    kind: 'hybrid-coexistence',
    pattern: /^[a-z0-9-]+\.mail\.onmicrosoft\.(com|us)$/,
    description: 'hybrid coexistence domain (its MX is the tenant endpoint)',
    source: sourceUrl('hcw'),
  },
];

const IPV4 = /^\[?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\]?$/;
const IPV6 = /^\[?(ipv6:)?[0-9a-f:]+:[0-9a-f:.]*\]?$/i;

export interface EndpointClass {
  host: string;
  kind: EndpointKind;
  cloud?: EndpointFormat['cloud'];
  description: string;
  source?: string;
}

export function normalizeHost(host: string): string {
  return host
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

export function classifyHost(host: string): EndpointClass {
  const raw = host.trim();
  if (IPV4.test(raw) || IPV6.test(raw)) return { host: raw, kind: 'ip-literal', description: 'an IP address' };
  const h = normalizeHost(raw);
  for (const f of ENDPOINT_FORMATS) {
    if (f.pattern.test(h))
      return { host: h, kind: f.kind, cloud: f.cloud, description: f.description, source: f.source };
  }
  return { host: h, kind: 'other', description: 'not a Microsoft endpoint' };
}

/** Kinds that are a tenant's inbound EOP endpoint (a valid smart host when it is the tenant's own). */
export const TENANT_ENDPOINT_KINDS: ReadonlySet<EndpointKind> = new Set([
  'eop-commercial',
  'eop-mx-microsoft',
  'eop-gcc-high',
  'eop-21vianet',
]);

export function isTenantEndpoint(host: string): boolean {
  return TENANT_ENDPOINT_KINDS.has(classifyHost(host).kind);
}

/** Any Microsoft-operated mail host (an EOP/EXO server refused, not a third party). */
export function isMicrosoftHost(host: string): boolean {
  const k = classifyHost(host).kind;
  return k !== 'other' && k !== 'ip-literal' && k !== 'kb-typo';
}
