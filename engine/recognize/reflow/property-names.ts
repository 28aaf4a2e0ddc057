// Property names as the Exchange cmdlets print them in Format-List (the parameters and output properties
// of their Microsoft Learn pages), so a paste whose line breaks were lost can be cut at each name again.
// The recognizers' own tables (send-connector.ts, …) are included; these add what they do not read.
import { CERTIFICATE_PROPERTIES } from '../powershell/certificate';
import { INBOUND_CONNECTOR_PROPERTIES } from '../powershell/inbound-connector';
import { SEND_CONNECTOR_PROPERTIES } from '../powershell/send-connector';

/** Active Directory object properties every configuration cmdlet prints after its own. */
const AD_OBJECT = [
  'RunspaceId',
  'AdminDisplayName',
  'ExchangeVersion',
  'DistinguishedName',
  'Identity',
  'Guid',
  'ObjectCategory',
  'ObjectClass',
  'WhenChanged',
  'WhenCreated',
  'WhenChangedUTC',
  'WhenCreatedUTC',
  'OrganizationId',
  'Id',
  'OriginatingServer',
  'IsValid',
  'ObjectState',
  'Name',
  'PSComputerName',
  'PSShowComputerName',
];

const SEND_CONNECTOR_NAMES = [
  ...SEND_CONNECTOR_PROPERTIES,
  'AuthenticationCredential',
  'ConnectedDomains',
  'ConnectionInactivityTimeOut',
  'HomeMTA',
  'IsSmtpConnector',
  'RequireOorg',
  'SmtpMaxMessagesPerConnection',
  'SourceIPAddress',
  'SourceRoutingGroup',
  'LinkedReceiveConnector',
  'TlsCertificateName',
  'CloudServicesMailEnabled',
  'TlsDomain',
  'UseExternalDNSServersEnabled',
  'AcceptAnyCertificate',
];

const INBOUND_CONNECTOR_NAMES = [
  ...INBOUND_CONNECTOR_PROPERTIES,
  'EFTestMode',
  'EFSkipMailGateway',
  'ClientHostNames',
  'ConnectorId',
];

const ACCEPTED_DOMAIN_NAMES = [
  'DomainName',
  'CatchAllRecipientID',
  'DomainType',
  'MatchSubDomains',
  'AddressBookEnabled',
  'Default',
  'EmailOnly',
  'ExternallyManaged',
  'AuthenticationType',
  'LiveIdInstanceType',
  'PendingRemoval',
  'PendingCompletion',
  'FederatedOrganizationLink',
  'MailFlowPartner',
  'OutboundOnly',
  'PendingFederatedAccountNamespace',
  'PendingFederatedDomain',
  'IsCoexistenceDomain',
  'PerimeterDuplicateDetected',
  'IsDefaultFederatedDomain',
  'EnableNego2Authentication',
  'InitialDomain',
  'SendingFromDomainDisabled',
];

const CERTIFICATE_NAMES = [
  ...CERTIFICATE_PROPERTIES,
  'Archived',
  'Extensions',
  'IISServices',
  'Handle',
  'IssuerName',
  'SubjectName',
  'PublicKey',
  'SignatureAlgorithm',
  'ServicesStringForm',
  'DnsNameList',
  'PrivateKey',
  'RawData',
  'FriendlyName',
  'SendAsTrustedIssuer',
];

const QUEUE_NAMES = [
  'DeliveryType',
  'NextHopDomain',
  'TlsDomain',
  'NextHopConnector',
  'Status',
  'MessageCount',
  'LastError',
  'RetryCount',
  'LastRetryTime',
  'NextRetryTime',
  'FirstRetryTime',
  'DeferredMessageCount',
  'LockedMessageCount',
  'MessageCountsPerPriority',
  'DeferredMessageCountsPerPriority',
  'RiskLevel',
  'OutboundIPPool',
  'NextHopCategory',
  'IncomingRate',
  'OutgoingRate',
  'Velocity',
  'QueueIdentity',
  'PriorityDescriptions',
  'LastErrorTime',
];

const MESSAGE_TRACKING_NAMES = [
  'Timestamp',
  'ClientIp',
  'ClientHostname',
  'ServerIp',
  'ServerHostname',
  'SourceContext',
  'ConnectorId',
  'Source',
  'EventId',
  'InternalMessageId',
  'MessageId',
  'NetworkMessageId',
  'Recipients',
  'RecipientStatus',
  'TotalBytes',
  'RecipientCount',
  'RelatedRecipientAddress',
  'Reference',
  'MessageSubject',
  'Sender',
  'ReturnPath',
  'Directionality',
  'TenantId',
  'OriginalClientIp',
  'MessageInfo',
  'MessageLatency',
  'MessageLatencyType',
  'EventData',
  'TransportTrafficType',
  'SchemaVersion',
];

const ALL = [
  ...AD_OBJECT,
  ...SEND_CONNECTOR_NAMES,
  ...INBOUND_CONNECTOR_NAMES,
  ...ACCEPTED_DOMAIN_NAMES,
  ...CERTIFICATE_NAMES,
  ...QUEUE_NAMES,
  ...MESSAGE_TRACKING_NAMES,
];

// Which cmdlets print a name (one bit each; the AD object properties belong to all), so a flattened paste of
// two cmdlets' output can be cut where the second object begins.
const FAMILIES = [
  SEND_CONNECTOR_NAMES,
  INBOUND_CONNECTOR_NAMES,
  ACCEPTED_DOMAIN_NAMES,
  CERTIFICATE_NAMES,
  QUEUE_NAMES,
  MESSAGE_TRACKING_NAMES,
];
const ANY_FAMILY = (1 << FAMILIES.length) - 1;
const FAMILY_BITS = new Map<string, number>();
FAMILIES.forEach((names, i) => {
  for (const n of names) FAMILY_BITS.set(n.toLowerCase(), (FAMILY_BITS.get(n.toLowerCase()) ?? 0) | (1 << i));
});
for (const n of AD_OBJECT) FAMILY_BITS.set(n.toLowerCase(), ANY_FAMILY);

/** The cmdlets that print this property name, as bits; every cmdlet for a name no table knows. */
export function familiesOf(name: string): number {
  return FAMILY_BITS.get(name.toLowerCase()) ?? ANY_FAMILY;
}

const EXACT = new Set<string>(ALL);
const BY_LOWER = new Map<string, string>(ALL.map((n) => [n.toLowerCase(), n]));

/** The longest printed name, so a search for a name inside a token stays bounded. */
const LONGEST_NAME = Math.max(...ALL.map((n) => n.length));

/**
 * The longest known property name that ends `ident` (exact spelling first, then any case, since
 * `Format-List name,requiretls` prints the names as typed). Undefined when none does.
 */
export function knownNameSuffix(ident: string): string | undefined {
  const from = Math.max(0, ident.length - LONGEST_NAME);
  for (let i = from; i < ident.length; i += 1) {
    const s = ident.slice(i);
    if (EXACT.has(s)) return s;
  }
  for (let i = from; i < ident.length; i += 1) {
    const s = ident.slice(i);
    if (BY_LOWER.has(s.toLowerCase())) return s;
  }
  return undefined;
}
