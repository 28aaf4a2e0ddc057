// Which cmdlet printed an object, decided by its property names (Format-List and JSON alike).
import { hasProp, type PsObject } from './ps-object';

export type PsObjectKind = 'send-connector' | 'inbound-connector' | 'accepted-domain' | 'certificate';

const any = (obj: PsObject, names: readonly string[]): boolean => names.some((n) => hasProp(obj, n));

const CERTIFICATE_HINTS = ['Services', 'CertificateDomains', 'HasPrivateKey', 'NotAfter', 'Issuer', 'Subject'];
// Get-OutboundConnector (EXO) also has SmartHosts/TlsDomain; these are its own.
const OUTBOUND_CONNECTOR = ['UseMXRecord', 'RecipientDomains', 'TlsSettings', 'RouteAllMessagesViaOnPremises'];
// Get-ReceiveConnector shares TlsCertificateName/Fqdn with Send connectors.
const RECEIVE_CONNECTOR = ['Bindings', 'RemoteIPRanges', 'PermissionGroups', 'AuthMechanism'];
const SEND_CONNECTOR = [
  'AddressSpaces', 'SmartHosts', 'SmartHostsString', 'DNSRoutingEnabled', 'SmartHostAuthMechanism', 'TlsAuthLevel',
  'IgnoreSTARTTLS', 'SourceTransportServers', 'TlsCertificateName',
];
const INBOUND_CONNECTOR = [
  'SenderDomains', 'SenderIPAddresses', 'TlsSenderCertificateName', 'RestrictDomainsToIPAddresses',
  'RestrictDomainsToCertificate', 'TreatMessagesAsInternal', 'AssociatedAcceptedDomains',
];

export function classifyPsObject(obj: PsObject): PsObjectKind | undefined {
  if (hasProp(obj, 'Thumbprint') && any(obj, CERTIFICATE_HINTS)) return 'certificate';
  if (any(obj, INBOUND_CONNECTOR)) return 'inbound-connector';
  if (any(obj, OUTBOUND_CONNECTOR) || any(obj, RECEIVE_CONNECTOR)) return undefined;
  if (any(obj, SEND_CONNECTOR)) return 'send-connector';
  if (hasProp(obj, 'DomainType') && (hasProp(obj, 'DomainName') || hasProp(obj, 'Name'))) return 'accepted-domain';
  if (hasProp(obj, 'DomainName') && hasProp(obj, 'Default')) return 'accepted-domain';
  return undefined;
}
