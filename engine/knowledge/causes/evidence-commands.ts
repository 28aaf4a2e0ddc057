import type { DocLink } from '../../verdict';
import type { Case } from '../../vocabulary';
import { listing, mxLookup, SEND_LOG_PATH, sendLogSearch } from '../cmdlets';
import { source } from '../sources';
import type { FixContext } from './fix-context';
import { domainValue, sendConnector } from './fix-parts';

// Read-only commands an admin runs to collect evidence for each case (docs/knowledge.md#evidence). Output pasted
// back is recognized by the engine's recognizers.

type EvidenceShell = 'exchange-management-shell' | 'exchange-online' | 'windows';

export interface EvidenceCommand {
  /** Stable id, e.g. `send-connectors`. */
  id: string;
  title: string;
  shell: EvidenceShell;
  /** Read-only; never changes configuration. */
  powershell: string;
  /** What to look for in the output. */
  look: string;
  source: DocLink;
}

const SEND_CONNECTORS: EvidenceCommand = {
  id: 'send-connectors',
  title: 'Send connectors',
  shell: 'exchange-management-shell',
  powershell: listing('send-connectors-all'),
  look: 'AddressSpaces, Enabled, DNSRoutingEnabled, SmartHosts, RequireTLS, TlsCertificateName, Fqdn; $FormatEnumerationLimit = -1 stops long lists being cut with "..."',
  source: source('getSendConnector'),
};

const CERTIFICATES: EvidenceCommand = {
  id: 'exchange-certificates',
  title: 'Exchange certificates',
  shell: 'exchange-management-shell',
  powershell: listing('certificates'),
  look: 'the certificate TlsCertificateName names: present, HasPrivateKey True, Services include SMTP, a public issuer',
  source: source('getExchangeCertificate'),
};

const QUEUES: EvidenceCommand = {
  id: 'queues',
  title: 'Queues',
  shell: 'exchange-management-shell',
  powershell: listing('queues'),
  look: 'LastError, and DeliveryType SmartHostConnectorDelivery (smart host) versus DnsConnectorDelivery (MX routing)',
  source: source('queues'),
};

const TRACKING: EvidenceCommand = {
  id: 'message-tracking',
  title: 'Failed deliveries in message tracking',
  shell: 'exchange-management-shell',
  powershell:
    'Get-MessageTrackingLog -EventId FAIL -Start (Get-Date).AddDays(-2) -ResultSize Unlimited | Format-List Timestamp,Sender,Recipients,RecipientStatus,ConnectorId,ServerHostname,Source',
  look: 'RecipientStatus holds the SMTP reply; also try -EventId DEFER and SEND',
  source: source('tracking'),
};

function protocolLog(ctx: FixContext): EvidenceCommand {
  return {
    id: 'send-protocol-log',
    title: 'Certificate sent, from the Send protocol log',
    shell: 'exchange-management-shell',
    powershell:
      `(Get-SendConnector -Identity ${sendConnector(ctx)}).SourceTransportServers | ForEach-Object { Get-TransportService -Identity $_.Name } | Format-List Name,SendProtocolLogPath\n` +
      sendLogSearch(
        `$(${SEND_LOG_PATH})`,
        1,
        "'Certificate subject','Certificate alternate names','TLS negotiation failed'",
      ),
    look: 'the "Certificate subject" and alternate names actually presented to EOP; needs ProtocolLoggingLevel Verbose on the Send connector (a change, made with Set-SendConnector)',
    source: source('protocolLog'),
  };
}

function tenantMx(ctx: FixContext): EvidenceCommand {
  return {
    id: 'tenant-mx',
    title: "Your domain's MX (the tenant endpoint)",
    shell: 'windows',
    powershell: mxLookup(domainValue(ctx)),
    look: 'NameExchange ending in .mail.protection.outlook.com, .mx.microsoft or .mail.protection.office365.us is the value for the Send connector smart host',
    source: source('resolveDns'),
  };
}

const INBOUND_CONNECTORS: EvidenceCommand = {
  id: 'inbound-connectors',
  title: 'Exchange Online inbound connectors',
  shell: 'exchange-online',
  powershell: listing('inbound-connectors'),
  look: 'an enabled OnPremises connector whose TlsSenderCertificateName matches your certificate or whose SenderIPAddresses list your IP',
  source: source('newInboundConnector'),
};

const ACCEPTED_DOMAINS: EvidenceCommand = {
  id: 'accepted-domains',
  title: 'Accepted domains',
  shell: 'exchange-online',
  powershell: listing('accepted-domains-coexistence'),
  look: "the certificate's domain and the sender's domain; Authoritative versus InternalRelay",
  source: source('fix541'),
};

const RECEIVE_CONNECTORS: EvidenceCommand = {
  id: 'receive-connectors',
  title: 'Receive connectors',
  shell: 'exchange-management-shell',
  powershell: listing('receive-connectors'),
  look: 'which connector the application or device reaches, and whether it may relay',
  source: source('anonRelay'),
};

const BLOCKED_CONNECTORS: EvidenceCommand = {
  id: 'blocked-connectors',
  title: 'Blocked connectors',
  shell: 'exchange-online',
  powershell: listing('blocked-connectors'),
  look: 'your inbound connector listed as restricted',
  source: source('blockedConnector'),
};

/** The evidence commands for one case, filled with what is known (the connector name, the domain). */
export function evidenceCommands(kase: Case, ctx: FixContext = {}): EvidenceCommand[] {
  switch (kase) {
    case 'case1':
      return [SEND_CONNECTORS, QUEUES, CERTIFICATES, protocolLog(ctx), TRACKING, tenantMx(ctx)];
    case 'case2':
      return [INBOUND_CONNECTORS, ACCEPTED_DOMAINS, protocolLog(ctx), CERTIFICATES, tenantMx(ctx)];
    case 'other':
      return [QUEUES, TRACKING, RECEIVE_CONNECTORS, ACCEPTED_DOMAINS, BLOCKED_CONNECTORS];
  }
}
