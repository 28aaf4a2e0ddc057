import type { EndpointKind } from '../knowledge/endpoints';
import { sourceUrl } from '../knowledge/sources';

// Microsoft's SPF include per cloud. The kind is the EOP endpoint kind the same cloud's MX has, so an
// SPF include can be compared with the MX.

export interface EopSpfInclude {
  domain: string;
  kind: EndpointKind;
  source: string;
}

export const EOP_SPF_INCLUDES: readonly EopSpfInclude[] = [
  { domain: 'spf.protection.outlook.com', kind: 'eop-commercial', source: sourceUrl('spfConfigure') },
  { domain: 'spf.protection.office365.us', kind: 'eop-gcc-high', source: sourceUrl('gccHigh') },
  { domain: 'spf.protection.partner.outlook.cn', kind: 'eop-21vianet', source: sourceUrl('vianetDns') },
];

export function eopSpfInclude(domain: string): EopSpfInclude | undefined {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return EOP_SPF_INCLUDES.find((i) => i.domain === d);
}

/** Both commercial MX formats (mail.protection.outlook.com and mx.microsoft) use the commercial include. */
export function spfKindForMxKind(kind: EndpointKind): EndpointKind {
  return kind === 'eop-mx-microsoft' ? 'eop-commercial' : kind;
}
