// Which cmdlet printed an object, decided by its property names (Format-List and JSON alike).
import type { PsObject } from './ps-object';

export type PsObjectKind = 'send-connector' | 'inbound-connector' | 'accepted-domain' | 'certificate';

const lower = (names: string[]): readonly string[] => names.map((n) => n.toLowerCase());
const any = (obj: PsObject, names: readonly string[]): boolean => names.some((n) => obj.props.has(n));
const has = (obj: PsObject, name: string): boolean => obj.props.has(name);

const CERTIFICATE_HINTS = lower(['Services', 'CertificateDomains', 'HasPrivateKey', 'NotAfter', 'Issuer', 'Subject']);
// Get-OutboundConnector (EXO) also has SmartHosts/TlsDomain; these are its own.
const OUTBOUND_CONNECTOR = lower(['UseMXRecord', 'RecipientDomains', 'TlsSettings', 'RouteAllMessagesViaOnPremises']);
// Get-ReceiveConnector shares TlsCertificateName/Fqdn with Send connectors.
const RECEIVE_CONNECTOR = lower(['Bindings', 'RemoteIPRanges', 'PermissionGroups', 'AuthMechanism']);
const SEND_CONNECTOR = lower([
  'AddressSpaces',
  'SmartHosts',
  'SmartHostsString',
  'DNSRoutingEnabled',
  'SmartHostAuthMechanism',
  'TlsAuthLevel',
  'IgnoreSTARTTLS',
  'SourceTransportServers',
  'TlsCertificateName',
]);
const INBOUND_CONNECTOR = lower([
  'SenderDomains',
  'SenderIPAddresses',
  'TlsSenderCertificateName',
  'RestrictDomainsToIPAddresses',
  'RestrictDomainsToCertificate',
  'TreatMessagesAsInternal',
  'AssociatedAcceptedDomains',
]);

export function classifyPsObject(obj: PsObject): PsObjectKind | undefined {
  if (obj.props.size === 0) return undefined;
  if (has(obj, 'thumbprint') && any(obj, CERTIFICATE_HINTS)) return 'certificate';
  if (any(obj, INBOUND_CONNECTOR)) return 'inbound-connector';
  if (any(obj, OUTBOUND_CONNECTOR) || any(obj, RECEIVE_CONNECTOR)) return undefined;
  if (any(obj, SEND_CONNECTOR)) return 'send-connector';
  if (has(obj, 'domaintype') && (has(obj, 'domainname') || has(obj, 'name'))) return 'accepted-domain';
  if (has(obj, 'domainname') && has(obj, 'default')) return 'accepted-domain';
  return undefined;
}
