// The read-only command lines the engine gives admins in more than one place, each written once: the questions'
// "how to find out", the evidence commands and the fix steps build theirs from here (test/engine/knowledge/
// cmdlets.test.ts fails when one of these lines is written out elsewhere). A view written for one step only
// (a filtered or rollback listing) and every change (Set-…, New-…) stay with the cause that needs it.

/** A read-only view: a cmdlet and the properties it shows. */
interface Listing {
  cmdlet: string;
  format: 'Format-List' | 'Format-Table';
  /** Empty: every property. */
  properties: readonly string[];
  /** Shows long lists whole instead of cutting them with "…" (docs/knowledge.md names `formatLimit`). */
  unlimited?: boolean;
}

const LISTINGS = {
  /** The Send connector properties the rules read. */
  'send-connectors': {
    cmdlet: 'Get-SendConnector',
    format: 'Format-List',
    unlimited: true,
    properties: [
      'Name',
      'Enabled',
      'AddressSpaces',
      'DNSRoutingEnabled',
      'SmartHosts',
      'RequireTLS',
      'TlsAuthLevel',
      'TlsDomain',
      'TlsCertificateName',
      'Fqdn',
      'CloudServicesMailEnabled',
      'SourceTransportServers',
    ],
  },
  /** The Send connector properties a first look needs (a short paste). */
  'send-connectors-short': {
    cmdlet: 'Get-SendConnector',
    format: 'Format-List',
    unlimited: true,
    properties: [
      'Name',
      'Enabled',
      'AddressSpaces',
      'DNSRoutingEnabled',
      'SmartHosts',
      'RequireTLS',
      'TlsCertificateName',
      'Fqdn',
    ],
  },
  'send-connectors-all': { cmdlet: 'Get-SendConnector', format: 'Format-List', unlimited: true, properties: [] },
  'inbound-connectors': {
    cmdlet: 'Get-InboundConnector',
    format: 'Format-List',
    properties: [
      'Name',
      'Enabled',
      'ConnectorType',
      'ConnectorSource',
      'SenderDomains',
      'SenderIPAddresses',
      'RequireTls',
      'TlsSenderCertificateName',
      'RestrictDomainsTo*',
      'CloudServicesMailEnabled',
      'TreatMessagesAsInternal',
    ],
  },
  /** Enough to find the connector's name. */
  'inbound-connector-names': {
    cmdlet: 'Get-InboundConnector',
    format: 'Format-Table',
    properties: ['Name', 'ConnectorType', 'Enabled', 'TlsSenderCertificateName', 'SenderIPAddresses'],
  },
  'accepted-domains': {
    cmdlet: 'Get-AcceptedDomain',
    format: 'Format-List',
    properties: ['DomainName', 'DomainType', 'Default'],
  },
  'accepted-domains-coexistence': {
    cmdlet: 'Get-AcceptedDomain',
    format: 'Format-List',
    properties: ['DomainName', 'DomainType', 'Default', 'IsCoexistenceDomain'],
  },
  certificates: {
    cmdlet: 'Get-ExchangeCertificate',
    format: 'Format-List',
    properties: [
      'Thumbprint',
      'Subject',
      'Issuer',
      'CertificateDomains',
      'Services',
      'HasPrivateKey',
      'NotAfter',
      'Status',
    ],
  },
  queues: {
    cmdlet: 'Get-Queue',
    format: 'Format-List',
    properties: ['Identity', 'DeliveryType', 'NextHopDomain', 'Status', 'MessageCount', 'LastError'],
  },
  'receive-connectors': {
    cmdlet: 'Get-ReceiveConnector',
    format: 'Format-List',
    properties: ['Identity', 'Bindings', 'RemoteIPRanges', 'PermissionGroups', 'AuthMechanism', 'TransportRole'],
  },
  'blocked-connectors': { cmdlet: 'Get-BlockedConnector', format: 'Format-List', properties: [] },
} as const satisfies Record<string, Listing>;

export type ListingId = keyof typeof LISTINGS;

export const LISTING_IDS = Object.keys(LISTINGS) as ListingId[];

/**
 * The command line of one listing. `sep` ', ' (the questions' cards) lets a narrow card wrap between
 * properties rather than inside a name; ',' keeps fix and evidence lines short. PowerShell accepts both.
 */
export function listing(id: ListingId, sep: ', ' | ',' = ','): string {
  const l: Listing = LISTINGS[id];
  const props = l.properties.length > 0 ? ` ${l.properties.join(sep)}` : '';
  return `${l.unlimited ? '$FormatEnumerationLimit = -1; ' : ''}${l.cmdlet} | ${l.format}${props}`;
}

/** The domain's MX records: the tenant endpoint is read from them, never built from the name. */
export function mxLookup(domain: string): string {
  return `Resolve-DnsName -Name ${domain} -Type MX | Format-Table NameExchange,Preference`;
}

/** This server's Send protocol log folder. */
export const SEND_LOG_PATH = '(Get-TransportService -Identity $env:COMPUTERNAME).SendProtocolLogPath';

/** Puts the Send protocol log folder into `$p` (the line before a `sendLogSearch('$p', …)`). */
export const SEND_LOG_PATH_SETUP = `$p = ${SEND_LOG_PATH}`;

/** The newest `last` Send protocol logs in `folder`, searched for `patterns` (PowerShell-quoted, comma-separated). */
export function sendLogSearch(folder: string, last: number, patterns: string): string {
  return `Get-ChildItem -Path "${folder}" -Filter 'SEND*.log' | Sort-Object LastWriteTime | Select-Object -Last ${last} | Select-String -Pattern ${patterns}`;
}
