// Get-InboundConnector object → InboundConnector fact (docs/knowledge.md#inbound-connector). ConnectorType stays the printed
// string: no public document gives the TenantConnectorType numbers, so a number is kept as its text.
import type { InboundConnector } from '../../facts';
import { canonicalLines } from './canonical-lines';
import { getProp, type PsObject } from './ps-object';
import { type ListValue, toBool, toList, toScalar } from './values';

export const INBOUND_CONNECTOR_PROPERTIES = [
  'Name',
  'Identity',
  'Enabled',
  'ConnectorType',
  'ConnectorSource',
  'SenderDomains',
  'SenderIPAddresses',
  'TlsSenderCertificateName',
  'RequireTls',
  'RestrictDomainsToIPAddresses',
  'RestrictDomainsToCertificate',
  'CloudServicesMailEnabled',
  'TreatMessagesAsInternal',
  'AssociatedAcceptedDomains',
  'Comment',
  'EFSkipIPs',
  'EFSkipLastIP',
  'EFUsers',
  'ScanAndDropRecipients',
  'TrustedOrganizations',
] as const;

export function toInboundConnector(obj: PsObject): InboundConnector {
  const truncated: string[] = [];
  const list = (name: string): string[] => {
    const value: ListValue = toList(getProp(obj, name)?.value);
    if (value.truncated) truncated.push(name);
    return value.items;
  };
  const scalar = (name: string): string | undefined => toScalar(getProp(obj, name)?.value);
  const bool = (name: string): boolean | undefined => toBool(getProp(obj, name)?.value);

  const connector: InboundConnector = {
    name: scalar('Name') || scalar('Identity') || '',
    senderDomains: list('SenderDomains'),
    senderIPAddresses: list('SenderIPAddresses'),
    truncated,
    lines: canonicalLines(obj, INBOUND_CONNECTOR_PROPERTIES),
  };
  const set = <K extends keyof InboundConnector>(key: K, value: InboundConnector[K] | undefined): void => {
    if (value !== undefined) connector[key] = value;
  };
  set('enabled', bool('Enabled'));
  set('connectorType', scalar('ConnectorType') || undefined);
  set('connectorSource', scalar('ConnectorSource') || undefined);
  // An empty TlsSenderCertificateName (IP-based connector) is kept as ''.
  set('tlsSenderCertificateName', scalar('TlsSenderCertificateName'));
  set('requireTls', bool('RequireTls'));
  set('restrictDomainsToIPAddresses', bool('RestrictDomainsToIPAddresses'));
  set('restrictDomainsToCertificate', bool('RestrictDomainsToCertificate'));
  set('cloudServicesMailEnabled', bool('CloudServicesMailEnabled'));
  set('treatMessagesAsInternal', bool('TreatMessagesAsInternal'));
  return connector;
}
