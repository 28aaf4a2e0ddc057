import type { DocLink } from '../verdict';

// The one citation registry: every document the engine cites (cause fixes and sources, NDR patterns, endpoint
// formats, SPF includes, evidence commands), by id. docs/knowledge.md names sources by these ids. Titles are ours;
// URLs are the documents'. Other modules refer to a source only by its id (`SourceId`), so an address is written once.

const TABLE = {
  kb2827473: {
    title: 'KB 2827473: "Relay Access Denied" when on-premises mail is sent through Exchange Online Protection',
    url: 'https://support.microsoft.com/kb/2827473/EN-US',
  },
  relayDenied5764: {
    title: 'Relay Access Denied (550 5.7.64) when sending from on-premises through Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp',
  },
  tenantAttribution: {
    title: 'TenantAttribution NDR: the on-premises server does not send the full certificate chain',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/tenantattribution-ndr',
  },
  fix5764: {
    title: 'Fix error code 5.7.64 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online',
  },
  notice: {
    title: 'Office 365 notice: relay requires an accepted sender domain or a certificate-based connector (ATTR36)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/office-365-notice',
  },
  attr36: {
    title: 'Relay Access Denied ATTR36 after the Hybrid Configuration Wizard',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/hybrid-configuration-wizard-errors/relay-access-denied-attr36-ndr',
  },
  relay2023: {
    title: 'Updated requirements for SMTP relay through Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/updated-requirements-smtp-relay',
  },
  attr35: {
    title: '451 4.4.62 Mail sent to the wrong Office 365 region (ATTR35)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/wrong-office-365-region-exo',
  },
  route: {
    title: 'Set up connectors to route mail between Microsoft 365 and your own email servers',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail',
  },
  smartHost: {
    title: 'Route outbound mail through a smart host (Exchange Server)',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/connectors/outbound-smart-host-routing',
  },
  setSendConnector: {
    title: 'Set-SendConnector (Exchange PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/set-sendconnector',
  },
  newInboundConnector: {
    title: 'New-InboundConnector (Exchange Online PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/new-inboundconnector',
  },
  setInboundConnector: {
    title: 'Set-InboundConnector (Exchange Online PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/set-inboundconnector',
  },
  inboundFaq: {
    title: 'Inbound connector FAQ',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/inbound-connector-faq',
  },
  certFaq: {
    title: 'Microsoft Q&A: certificate name, TlsSenderCertificateName and accepted domains',
    url: 'https://learn.microsoft.com/en-us/answers/a/11582569',
  },
  dn910993: {
    title: 'Certificate requirements for hybrid mail flow (Exchange 2013)',
    url: 'https://learn.microsoft.com/en-us/previous-versions/exchange-server/exchange-150/dn910993(v=exchg.150)',
  },
  mfd: {
    title: 'Set up a multifunction device or application to send email using Microsoft 365',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
  },
  printers: {
    title: 'Fix issues with printers, scanners and LOB applications that send email using Microsoft 365',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  },
  event2004: {
    title: 'Mail flow stops with event 2004 (454 4.7.0 UntrustedRoot)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/mail-flow-stops-event-2004',
  },
  after2016: {
    title: 'Mail issues after April 15, 2016 (454 4.7.5 certificate not found)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/mails-issues-occur-after-april-15-2016',
  },
  noCredentials: {
    title: 'TLS negotiation failed with error NoCredentials',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/tls-negotiation-failed-with-error-nocredentials-error',
  },
  unknownCredentials: {
    title: 'Outbound email messages are not sent (UnknownCredentials)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/outbound-email-messages-are-not-sent',
  },
  newCertificate: {
    title: 'Cannot receive mail after installing a new certificate',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/cannot-receive-mail-with-new-certificate',
  },
  anonRelay: {
    title: 'Allow anonymous relay on Exchange servers',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/connectors/allow-anonymous-relay',
  },
  relayReceiveQa: {
    title: 'Microsoft Q&A: Exchange 2019 relay receive connector (550 5.7.54)',
    url: 'https://learn.microsoft.com/en-us/answers/questions/1193037/exchange2019-relay-recive-connector',
  },
  dbeb: {
    title: 'Use Directory Based Edge Blocking to reject messages sent to invalid recipients',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-directory-based-edge-blocking',
  },
  fix541: {
    title: 'Fix error code 550 5.4.1 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-4-1-in-exchange-online',
  },
  ndrExo: {
    title: 'Email non-delivery reports and SMTP errors in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online',
  },
  fix57xx: {
    title: 'Fix error codes 5.7.703, 5.7.705, 5.7.708 and 5.7.750 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-codes-550-5-7-703-550-5-7-705-550-5-7-708-550-5-7-750',
  },
  fix571: {
    title: 'Fix error code 550 5.7.1 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
  },
  allowList: {
    title: 'Unable to relay: blocked by customer allow list',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/unable-to-relay-blocked-by-allow-list',
  },
  blockedConnector: {
    title: 'Remove blocked connectors from the Restricted entities page',
    url: 'https://learn.microsoft.com/en-us/defender-office-365/connectors-remove-blocked',
  },
  queues: {
    title: 'Queues and messages in queues (Exchange Server)',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/queues/queues',
  },
  retryQueue: {
    title: 'Retry-Queue (Exchange PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/retry-queue',
  },
  tracking: {
    title: 'Message tracking (Exchange Server)',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/transport-logs/message-tracking',
  },
  protocolLog: {
    title: 'Protocol logging (Exchange Server)',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/connectors/protocol-logging',
  },
  traceFaq: {
    title: 'Message trace FAQ',
    url: 'https://learn.microsoft.com/en-us/exchange/monitoring/trace-an-email-message/message-trace-faq',
  },
  getSendConnector: {
    title: 'Get-SendConnector (Exchange PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/get-sendconnector',
  },
  getExchangeCertificate: {
    title: 'Get-ExchangeCertificate (Exchange PowerShell)',
    url: 'https://learn.microsoft.com/powershell/module/exchangepowershell/get-exchangecertificate',
  },
  formatLimit: {
    title: 'about_Preference_Variables ($FormatEnumerationLimit)',
    url: 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_preference_variables',
  },
  resolveDns: {
    title: 'Resolve-DnsName',
    url: 'https://learn.microsoft.com/powershell/module/dnsclient/resolve-dnsname',
  },
  gccHigh: {
    title: 'DNS records for Office 365 GCC High',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high',
  },
  hcw: {
    title: 'Hybrid Configuration Wizard',
    url: 'https://learn.microsoft.com/en-us/exchange/hybrid-configuration-wizard',
  },
  requiredTls: {
    title: 'HCW error: RequiredTls flag should be set to true if TlsCertificateName is specified',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/hybrid-configuration-wizard-errors/requiredtls-flag-should-be-set-to-true-if-tlscertificatename-is-specified-error',
  },
  tlsBlog: {
    title: 'TLS certificates in Exchange hybrid: common issues and how to fix them (Exchange Team blog)',
    url: 'https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592',
  },
  dnsBest: {
    title: 'Best practices for using assigned Office 365 DNS records (Exchange Team blog)',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/best-practices-for-using-assigned-office-365-dns-records/ba-p/607907',
  },
  fieldNotes2017: {
    title: 'When a certificate-based connector is not working (EOP field notes)',
    url: 'https://blogs.technet.microsoft.com/eopfieldnotes/2017/02/23/when-a-certificated-based-connector-is-not-working/',
  },
  hcRoot: {
    title: 'HealthChecker: trusted root certificates check (DigiCert Global Root G2)',
    url: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/TrustedRootCertificatesCheck/',
  },
  hcCloud: {
    title: 'HealthChecker: cloud connector check',
    url: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/CloudConnectorCheck/',
  },
  enforcementPause: {
    title:
      'Exchange Team blog: How to pause throttling and blocking of out-of-date on-premises Exchange servers (4.7.230 / 5.7.230)',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/how-to-pause-throttling-and-blocking-of-out-of-date-on-premises/ba-p/4007169',
  },
  enforcementSummary: {
    title: 'Throttling and blocking of out-of-date on-premises Exchange servers: error codes, report and pause cmdlets',
    url: 'https://blog.icewolf.ch/archive/2024/02/21/throttling-and-blocking-of-out-of-date-on-premises-Exchange-Servers',
  },
  directSend: {
    title:
      'Exchange Team blog: Introducing more control over Direct Send in Exchange Online (RejectDirectSend, 5.7.68)',
    url: 'https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790',
  },
  unableToConnect: {
    title:
      'Queue "421 4.2.1 Unable to connect" towards Office 365, traced to TLS negotiation failed with error NoCredentials',
    url: 'https://supertekboy.com/2017/02/28/tls-negotiation-failed-with-error-nocredentials/',
  },
  tlsScenarios: {
    title: 'Exchange Team blog: Understanding email scenarios if TLS versions cannot be agreed on with Exchange Online',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/understanding-email-scenarios-if-tls-versions-cannot-be-agreed/ba-p/2065089',
  },
  legacyTls: {
    title: 'Exchange Team blog: New opt-in endpoint for SMTP AUTH clients still needing legacy TLS (421 4.7.66)',
    url: 'https://techcommunity.microsoft.com/blog/exchange/new-opt-in-endpoint-available-for-smtp-auth-clients-still-needing-legacy-tls/2659652',
  },
  mailFlowIntelligence: {
    title: 'Mail flow intelligence in Microsoft 365 (4.4.316, 4.4.317, 4.7.320 towards your own servers)',
    url: 'https://learn.microsoft.com/en-us/defender-office-365/mail-flow-intelligence-in-office-365',
  },
  certValidation: {
    title: '450 4.7.320 Certificate validation failed (SubjectMismatch) from Exchange Online to on-premises Exchange',
    url: 'https://learn.microsoft.com/en-us/archive/blogs/exchangechallengeaccepted/mail-not-routing-to-on-premise-exchange-2013-environment-from-o365-with-450-4-7-320-certificate-validation-failed-error',
  },
  starttls317: {
    title:
      '450 4.4.317 Cannot connect to remote server [451 5.7.3 STARTTLS is required]: receive connector TlsCertificateName',
    url: 'https://ex-shell.com/2022/10/25/error-450-4-4-317-cannot-connect-to-remote-server-451-5-7-3-starttls-is-required-to-send-mail/',
  },
  transportOptions: {
    title: 'Transport options in Exchange hybrid deployments (centralized mail transport)',
    url: 'https://learn.microsoft.com/en-us/exchange/transport-options',
  },
  deNdr: {
    title: 'Exchange 2013 NDRs, German edition: the localized labels of the report',
    url: 'https://technet.microsoft.com/de-de/library/Bb232118(v=EXCHG.150)',
  },
  ndrEx: {
    title: 'Non-delivery reports and bounce messages (Exchange Server)',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
  },
  multigeo: {
    title: 'Configure multi-geo in-region routing (Microsoft 365)',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/configure-multi-geo-in-region-routing',
  },
  qa304252: {
    title: 'Microsoft Q&A: Exchange 2010 to EOP failing to deliver external email',
    url: 'https://learn.microsoft.com/en-us/answers/questions/304252/exchange-2010-eop-failing-to-deliver-external-emai',
  },
  qa1631796: {
    title: 'Microsoft Q&A: ATTR35 error in Exchange',
    url: 'https://learn.microsoft.com/en-us/answers/questions/1631796/while-receiving-an-attr35-error-in-exchange-it-cit',
  },
  sisimai: { title: 'sisimai: bounce mail analysis library (Perl)', url: 'https://github.com/sisimai/p5-sisimai' },
  hop: {
    title: 'Fix error codes 5.4.6 through 5.4.20 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-4-6-through-5-4-20-in-exchange-online',
  },
  socket: {
    title: 'Cannot send or receive email: SocketError',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/send-receive-emails-socketerror',
  },
  c365lab: {
    title: 'Troubleshooting TLS in an Exchange Online hybrid deployment (365lab)',
    url: 'https://365lab.net/2014/06/29/troubleshooting-tls-in-an-exchange-online-hybrid-deployment/',
  },
  c7: { title: 'C7 Solutions: Exchange and Office 365 error posts', url: 'https://c7solutions.com/category/error' },
  dnsqf: {
    title: 'DNS query failed (Exchange mail flow)',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/dns-query-failed',
  },
  fix447: {
    title: 'Fix error code 550 4.4.7 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-4-4-7-in-exchange-online',
  },
  paste606: { title: 'A pasted bounce: 550 5.7.606 banned sending IP', url: 'https://pastebin.com/EH1TUb0X' },
  gh666: {
    title: 'microsoft-365-docs issue 666: banned sending IP (5.7.606)',
    url: 'https://github.com/MicrosoftDocs/microsoft-365-docs/issues/666',
  },
  o365t: {
    title: 'O365Troubleshooters (PowerShell troubleshooting scripts)',
    url: 'https://github.com/vilega/O365Troubleshooters',
  },
  x4xx500: {
    title: 'Fix error codes 451 4.7.500-699 (ASxxx) in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
  },
  sfw: {
    title: 'SMTP 550 5.7.708: Microsoft 365 traffic not accepted from this IP',
    url: 'https://www.simplefastwebsites.com/errors/email/smtp-550-5-7-708-m365-traffic-not-accepted-from-ip/',
  },
  m5723: {
    title: 'Fix error code 5.7.23 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-23-in-exchange-online',
  },
  m57367: {
    title: 'Forwarded message rejected with NDR 5.7.367',
    url: 'https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/forwarded-message-rejected-5-7-367-ndr',
  },
  mimecast: {
    title: 'Mimecast: Enhanced Filtering for Connectors',
    url: 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000414015379-Administration-Enhanced-Filtering-for-Connectors',
  },
  olesen: {
    title: 'Directory Based Edge Blocking causing 550 5.4.1 NDRs',
    url: 'https://www.thomasjuhlolesen.dk/2021/10/directory-based-edge-blocking-causing-550-5-4-1-ndr.html',
  },
  m5757: {
    title: 'Fix error code 5.7.57 in Exchange Online',
    url: 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-57-in-exchange-online',
  },
  pastemig: { title: 'A pasted bounce: an on-premises relay refusal', url: 'https://pastebin.com/mig48MuG' },
  kb2603474: {
    title: 'KB 2603474 (archived copy at mskb.pkisolutions.com)',
    url: 'https://mskb.pkisolutions.com/kb/2603474',
  },
  bpos: {
    title: 'Moving domains from BPOS-S to Office 365',
    url: 'https://blogs.technet.microsoft.com/hot/2012/02/02/moving-domains-from-bpos-s-to-office-365/',
  },
  concurrency: {
    title: 'Office 365 returns NDRs to inbound email',
    url: 'https://blog.concurrency.com/blog/w/office-365-returns-ndrs-to-inbound-email',
  },
  kb4051498: {
    title: 'KB 4051498: Outbound email messages are not sent on the Exchange Hub Transport or Edge server',
    url: 'https://support.microsoft.com/en-us/help/4051498/outbound-email-messages-are-not-sent-on-the-exchange-hub-transport-or',
  },
  salesforce568: {
    title: 'Salesforce help article 005133045 (cited for 5.7.68 Direct Send refusals)',
    url: 'https://help.salesforce.com/s/articleView?id=005133045&type=1',
  },
  vianetDns: {
    title: 'Create DNS records for Office 365 operated by 21Vianet',
    url: 'https://docs.microsoft.com/office365/admin/services-in-china/create-dns-records-when-you-manage-your-dns-records?view=o365-21vianet',
  },
  spfConfigure: {
    title: 'Set up SPF to identify valid email sources for your domain',
    url: 'https://learn.microsoft.com/en-us/defender-office-365/email-authentication-spf-configure',
  },
} as const satisfies Record<string, DocLink>;

export type SourceId = keyof typeof TABLE;

/** Every source, by id. */
export const SOURCES: Readonly<Record<SourceId, DocLink>> = TABLE;

export const SOURCE_IDS = Object.keys(TABLE) as SourceId[];

/** The title and URL of one source. */
export function source(id: SourceId): DocLink {
  return SOURCES[id];
}

/** Several sources, in order (a cause's `docs` and `sources`). */
export function sources(...ids: SourceId[]): DocLink[] {
  return ids.map(source);
}

/** The URL of one source (NDR patterns, endpoint formats, SPF includes cite URLs only). */
export function sourceUrl(id: SourceId): string {
  return SOURCES[id].url;
}

/** The URLs of several sources, in order. */
export function sourceUrls(...ids: SourceId[]): string[] {
  return ids.map(sourceUrl);
}
