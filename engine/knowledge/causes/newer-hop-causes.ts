import { SEND_LOG_PATH_SETUP, sendLogSearch as searchSendLogs } from '../cmdlets';
import { sources } from '../sources';
import { EAC_CERTIFICATES, EAC_RECEIVE_CONNECTORS } from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import {
  certificateLookupSteps,
  changeSteps,
  endpointValue,
  EXO_SHELL,
  messageTraceStep,
  ONPREM_SHELL,
  queueCheckStep,
  retryStep,
  sendConnector,
  step,
  testMessageStep,
  waitStep,
} from './fix-parts';
import { psValue } from './ps-quote';

// Failures of the on-premises → Exchange Online hop that appeared or became common since 2023, and the
// opposite direction (Exchange Online → on-premises) recognized as such so it is never read as this hop.
// Sources: the Exchange Team blog posts on transport-based enforcement (2023–2024), the Direct Send
// announcement (2025), Microsoft Learn articles on NoCredentials / UnknownCredentials, and the TLS 1.0/1.1
// retirement posts.

const EAC_ONPREM_REPORT: readonly string[] = [
  'Exchange admin center (admin.exchange.microsoft.com)',
  'Reports',
  'Mail flow',
  'Out-of-date connecting on-premises Exchange servers',
];
const EAC_OUTBOUND_CONNECTORS: readonly string[] = [
  'Exchange admin center (admin.exchange.microsoft.com)',
  'Mail flow',
  'Connectors',
  "select the connector to your organization's email server",
  'Validate this connector',
];
const EAC_ORGANIZATION_DIRECT_SEND: readonly string[] = [
  'Exchange admin center (admin.exchange.microsoft.com)',
  'Mail flow',
  'Connectors',
  "inbound connectors from your organization's email server",
];

const sendLogSearch = (pattern: string) => `${SEND_LOG_PATH_SETUP}\n${searchSendLogs('$p', 3, pattern)}`;

const verboseSendLog = (ctx: FixContext) =>
  changeSteps(
    'turn on verbose protocol logging on the Send connector to Exchange Online, so the next attempt writes the TLS step',
    `Set-SendConnector -Identity ${sendConnector(ctx)} -ProtocolLoggingLevel Verbose`,
  );

/** The queue towards the tenant endpoint: its LastError is what the admin watches. */
const endpointQueue = (ctx: FixContext, what: string) =>
  step(
    `${ONPREM_SHELL}: ${what}`,
    `Get-Queue | Where-Object { $_.NextHopDomain -eq ${endpointValue(ctx)} } | Format-List Identity,Status,MessageCount,LastError`,
  );

/** Exchange Online's own test of its connector to your server, with a recipient of your domain. */
const validateOutbound = (ctx: FixContext) =>
  step(
    `${EXO_SHELL}: let Exchange Online test its connector to your server with a recipient of your domain.`,
    "Get-OutboundConnector | Where-Object { $_.ConnectorType -eq 'OnPremises' } | ForEach-Object { " +
      `Validate-OutboundConnector -Identity $_.Identity -Recipients ${psValue(ctx.domain?.trim() ? `postmaster@${ctx.domain.trim()}` : undefined, 'on-premises recipient address')} }`,
  );

export const NEWER_HOP_CAUSES: CauseEntries<
  | 'onprem.out-of-date-exchange'
  | 'send-connector.tls-unknown-credentials'
  | 'eop.reject-direct-send'
  | 'onprem.legacy-tls-only'
  | 'hybrid.exo-to-onprem-unreachable'
  | 'hybrid.exo-to-onprem-certificate'
> = {
  'onprem.out-of-date-exchange': {
    id: 'onprem.out-of-date-exchange',
    case: 'other',
    title: 'Exchange Online throttles or blocks this on-premises Exchange server because its version is out of date',
    explanation:
      "Exchange Online's transport-based enforcement found that the connecting Exchange server runs an unsupported or unpatched build, so mail over the " +
      'OnPremises inbound connector is throttled ("450 4.7.230") and then blocked ("550 5.7.230"). Connectors and certificates are not the problem; ' +
      'the build of the sending server is. The detection can be wrong (a current build listed as out of date): the report shows which server and build it saw.',
    fix: (ctx) => ({
      steps: [
        step(
          `${EXO_SHELL}: list the servers Exchange Online considers out of date, with the build it detected and the builds it accepts.`,
          'Get-OnPremServerReportInfo | Format-List ServerFQDN,Build,ExchangeServer,RecommendedBuildVersions,ThrottleEnabledDate,BlockingEnabledDate',
        ),
        step(
          `${ONPREM_SHELL}: compare with the builds your servers really run; the server named in the report must be updated to a build in RecommendedBuildVersions (or retired).`,
          'Get-ExchangeServer | Format-Table Name,Edition,AdminDisplayVersion',
        ),
        step(
          'Install the latest Cumulative Update and Security Update for that Exchange version (unsupported versions such as Exchange 2013 or earlier must be replaced).',
        ),
        step(
          `${EXO_SHELL}, to keep mail flowing while you update: pause enforcement for your tenant (30 days here; up to 90 days per calendar year in all).`,
          'New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays 30',
        ),
        step(
          'If the report lists a build that is current, treat the detection as possibly wrong: pause enforcement and open a Microsoft support case with the report output.',
        ),
      ],
      adminCenterPath: [...EAC_ONPREM_REPORT],
      verify: [
        step(
          `${EXO_SHELL}: the pause is in place (when you created one).`,
          'Get-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer',
        ),
        retryStep('retry'),
        endpointQueue(
          ctx,
          'the queue to your tenant endpoint no longer shows 4.7.230 or 5.7.230 in LastError; after updating, the server drops off the report.',
        ),
      ],
      docs: sources('enforcementPause', 'enforcementSummary'),
    }),
    sources: sources('enforcementPause', 'enforcementSummary'),
  },
  'send-connector.tls-unknown-credentials': {
    id: 'send-connector.tls-unknown-credentials',
    case: 'other',
    title:
      'The Send connector cannot start TLS with Exchange Online (NoCredentials or UnknownCredentials): the queue only says "Unable to connect"',
    explanation:
      'The queue shows "451 4.4.0 Primary target IP address responded with: \\"421 4.2.1 Unable to connect.\\"" towards your tenant endpoint. ' +
      'That text does not say why; the usual reason is that TLS fails on your side: the Send protocol log says "TLS negotiation failed with error NoCredentials" ' +
      '(the certificate\'s private key cannot be used by the transport service) or "UnknownCredentials" (the certificate named on the Send connector is not enabled ' +
      'for SMTP). A firewall or proxy blocking port 25 gives the same queue error, so the log line decides.',
    fix: (ctx) => ({
      steps: [
        ...verboseSendLog(ctx),
        endpointQueue(ctx, 'the queue to your tenant endpoint shows "421 4.2.1 Unable to connect" in LastError.'),
        step(
          `${ONPREM_SHELL}: after the next retry, look for the TLS error in the Send protocol log and paste that line here.`,
          sendLogSearch("'TLS negotiation failed','Certificate thumbprint','Certificate subject'"),
        ),
        step(
          '"NoCredentials": give the transport service access to the certificate\'s private key, or import the certificate again with its private key.',
        ),
        ...certificateLookupSteps(ctx),
        ...changeSteps(
          '"UnknownCredentials": enable the certificate for the SMTP service',
          `Enable-ExchangeCertificate -Thumbprint ${psValue(ctx.certificateThumbprint, 'certificate thumbprint')} -Services SMTP`,
        ),
        step(
          'No TLS error in the log: test port 25 from the server to the tenant endpoint; a firewall or proxy in between gives the same queue error.',
        ),
      ],
      adminCenterPath: [...EAC_CERTIFICATES],
      verify: [
        retryStep('retry'),
        step(
          `${ONPREM_SHELL}: the newest Send protocol log shows STARTTLS followed by the certificate subject, and no "TLS negotiation failed".`,
          sendLogSearch("'TLS negotiation failed','STARTTLS'"),
        ),
        queueCheckStep(ctx),
      ],
      docs: sources('noCredentials', 'unknownCredentials', 'unableToConnect'),
    }),
    sources: sources('noCredentials', 'unknownCredentials', 'unableToConnect'),
  },
  'eop.reject-direct-send': {
    id: 'eop.reject-direct-send',
    case: 'other',
    title:
      'Exchange Online rejects Direct Send: mail from your own domain arrived without matching an inbound connector',
    explanation:
      'The tenant has RejectDirectSend turned on, so a message that uses one of your accepted domains as sender and reaches your tenant without matching ' +
      'an inbound connector is refused with "550 5.7.68 TenantInboundAttribution; Direct Send not allowed". Unlike 5.7.64 (relay to outside recipients refused ' +
      'because the sending server was not attributed to your tenant), 5.7.68 is about mail to your own mailboxes: the fix is an inbound connector that matches ' +
      'the sending server, or turning RejectDirectSend off.',
    fix: (ctx) => ({
      steps: [
        step(
          `${EXO_SHELL}: check that Direct Send rejection is on.`,
          'Get-OrganizationConfig | Format-List RejectDirectSend',
        ),
        step(
          `${EXO_SHELL}: list the inbound connectors and what they match (certificate or IP addresses).`,
          'Get-InboundConnector | Format-List Name,Enabled,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RequireTls,RestrictDomainsToIPAddresses',
        ),
        step(
          'Make the sending server match an inbound connector: for your Exchange servers an OnPremises connector with their certificate name or public IP; ' +
            'for a device or third-party service a Partner or OnPremises connector with its IP addresses.',
        ),
        step(
          `${EXO_SHELL}: which connector, if any, lists the sending server's public IP address.`,
          `Get-InboundConnector | Where-Object { $_.SenderIPAddresses -contains ${psValue(ctx.onPremIp, 'sending server public ip')} } | Format-List Name,Enabled,ConnectorType`,
        ),
        step(
          `${EXO_SHELL}, only if you rely on Direct Send and cannot add a connector yet: turn the rejection off (this reopens Direct Send to anyone).`,
          'Set-OrganizationConfig -RejectDirectSend $false',
        ),
      ],
      adminCenterPath: [...EAC_ORGANIZATION_DIRECT_SEND],
      verify: [waitStep('connector'), testMessageStep(), messageTraceStep(ctx)],
      docs: sources('directSend', 'relayDenied5764'),
    }),
    sources: sources('directSend', 'relayDenied5764'),
  },
  'onprem.legacy-tls-only': {
    id: 'onprem.legacy-tls-only',
    case: 'other',
    title: 'The sending server or device offers only TLS 1.0 or 1.1, which Exchange Online refuses',
    explanation:
      'Exchange Online answers "421 4.7.66 TLS 1.0 and 1.1 are not supported" when a client negotiates an old TLS version. Old Exchange versions and old ' +
      'Windows builds, printers and applications often do; when TLS is required on the connector the mail cannot be sent at all.',
    fix: (ctx) => ({
      steps: [
        step(
          `${ONPREM_SHELL}: check whether TLS 1.2 is enabled for the server's SChannel client side (no value or 1 means enabled).`,
          "Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' -ErrorAction SilentlyContinue",
        ),
        step(
          'Enable TLS 1.2 for SChannel and .NET (SchUseStrongCrypto) on the Exchange server, following the Exchange Server TLS configuration guidance, then restart it.',
        ),
        step('For a device or application: update its firmware or runtime so it speaks TLS 1.2.'),
        step(
          `${ONPREM_SHELL}: after the change, the tenant endpoint answers on port 25 from this server.`,
          `Test-NetConnection -ComputerName ${endpointValue(ctx)} -Port 25`,
        ),
      ],
      adminCenterPath: [
        'Windows Registry Editor',
        'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols',
      ],
      verify: [retryStep('retry'), endpointQueue(ctx, 'the queue to your tenant endpoint has no LastError.')],
      docs: sources('tlsScenarios', 'legacyTls'),
    }),
    sources: sources('tlsScenarios', 'legacyTls'),
  },
  'hybrid.exo-to-onprem-unreachable': {
    id: 'hybrid.exo-to-onprem-unreachable',
    case: 'other',
    title: 'Opposite direction: Exchange Online cannot deliver to your on-premises server',
    explanation:
      'Codes 4.4.316, 4.4.317 and 4.4.318 are written by Exchange Online when it cannot connect to your own server (an outbound connector to your ' +
      'organization, hybrid mail to on-premises mailboxes, or centralized mail transport). This is not the on-premises to Exchange Online relay hop: ' +
      'look at what Exchange Online connects to (your MX or the smart host on its outbound connector) and at your firewall and receive connector.',
    fix: (ctx) => ({
      steps: [
        step(
          `${EXO_SHELL}: see the outbound connector Exchange Online uses to reach you and the host it connects to.`,
          'Get-OutboundConnector | Format-List Name,Enabled,ConnectorType,SmartHosts,TlsSettings,TlsDomain,RouteAllMessagesViaOnPremises',
        ),
        step(
          "From outside your network, port 25 on that host must answer with your server's banner and offer STARTTLS.",
          `Test-NetConnection -ComputerName ${psValue(ctx.onPremIp, 'on-premises public ip')} -Port 25`,
        ),
        step(
          `${ONPREM_SHELL}: the receive connector that takes mail from Exchange Online accepts it from the Internet.`,
          'Get-ReceiveConnector | Format-List Identity,Bindings,RemoteIPRanges,PermissionGroups,TlsCertificateName',
        ),
      ],
      adminCenterPath: [...EAC_OUTBOUND_CONNECTORS],
      verify: [validateOutbound(ctx), messageTraceStep(ctx)],
      docs: sources('mailFlowIntelligence', 'transportOptions'),
    }),
    sources: sources('mailFlowIntelligence', 'transportOptions'),
  },
  'hybrid.exo-to-onprem-certificate': {
    id: 'hybrid.exo-to-onprem-certificate',
    case: 'other',
    title:
      'Opposite direction: Exchange Online rejects the certificate your on-premises server presents (SubjectMismatch)',
    explanation:
      'Exchange Online connected to your server but the certificate it got does not carry the name its outbound connector expects ("4.7.320 Certificate ' +
      'validation failed", "SubjectMismatch", or "451 5.7.3 STARTTLS is required" inside a 4.4.317). Usually a receive connector presents a self-signed or ' +
      'old certificate because its TlsCertificateName was not updated. This is mail from Exchange Online to on-premises, not the relay hop.',
    fix: (ctx) => ({
      steps: [
        ...certificateLookupSteps(ctx),
        step(
          `${ONPREM_SHELL}: see which certificate each receive connector presents.`,
          'Get-ReceiveConnector | Format-List Identity,TlsCertificateName,TlsDomainCapabilities',
        ),
        ...changeSteps(
          'set the Default Frontend receive connector to present the certificate whose name the Exchange Online outbound connector expects',
          `Set-ReceiveConnector -Identity ($env:COMPUTERNAME + '\\Default Frontend ' + $env:COMPUTERNAME) -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"`,
          `$c = Get-ExchangeCertificate -Thumbprint ${psValue(ctx.certificateThumbprint, 'certificate thumbprint')}`,
        ),
        step(
          'Do this on every server that receives mail from Exchange Online; rerunning the Hybrid Configuration Wizard does the same.',
        ),
      ],
      adminCenterPath: [...EAC_RECEIVE_CONNECTORS],
      verify: [validateOutbound(ctx), messageTraceStep(ctx)],
      docs: sources('certValidation', 'starttls317', 'mailFlowIntelligence'),
    }),
    sources: sources('certValidation', 'starttls317', 'mailFlowIntelligence'),
  },
};
