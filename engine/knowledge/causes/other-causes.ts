import { listing } from '../cmdlets';
import { sources } from '../sources';
import {
  DEFENDER_RESTRICTED_ENTITIES,
  DELIST_PORTAL,
  DELIST_URL,
  EAC_ACCEPTED_DOMAINS,
  EAC_RECEIVE_CONNECTORS,
  M365_DOMAINS,
} from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import {
  changeSteps,
  EXO_SHELL,
  inboundConnector,
  messageTraceStep,
  ONPREM_SHELL,
  retryStep,
  step,
  testMessageStep,
  waitStep,
} from './fix-parts';
import { psQuote, psValue } from './ps-quote';

// Failures near the relay path that are not Case 1 or Case 2: an on-premises receive connector refusing
// to relay, and EOP refusing a recipient, an IP, unregistered domains or a blocked connector
// (docs/knowledge.md#families).

const RELAY_CONNECTOR = 'Relay (applications)';

/** The senders that sent the most in the last day: a compromised account or open relay stands out. */
const topSenders = step(
  `${ONPREM_SHELL}: see who sent the most mail in the last 24 hours; a compromised account or an open relay stands out.`,
  'Get-MessageTrackingLog -EventId SEND -Start (Get-Date).AddDays(-1) -ResultSize Unlimited | Group-Object Sender | Sort-Object Count -Descending | Select-Object -First 20 Count,Name',
);

const anonymousReceiveConnectors = step(
  `${ONPREM_SHELL}: list receive connectors that accept anonymous mail; none may relay for addresses outside your network.`,
  "Get-ReceiveConnector | Where-Object { $_.PermissionGroups -match 'AnonymousUsers' } | Format-List Identity,Bindings,RemoteIPRanges,PermissionGroups,AuthMechanism",
);

const recipientDomain = (ctx: FixContext) => {
  const at = ctx.recipientAddress?.lastIndexOf('@') ?? -1;
  return at >= 0 ? ctx.recipientAddress!.slice(at + 1).trim() : ctx.domain?.trim();
};

export const OTHER_CAUSES: CauseEntries<
  | 'onprem.receive-connector-relay'
  | 'eop.recipient-not-found'
  | 'eop.sender-ip-blocked'
  | 'eop.unregistered-sender-domain'
  | 'eop.connector-blocked'
> = {
  'onprem.receive-connector-relay': {
    id: 'onprem.receive-connector-relay',
    case: 'other',
    title: 'An on-premises receive connector refused to relay for an application or device',
    explanation:
      'Your own Exchange server refused the message ("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"): the application or device that submitted it ' +
      'connected anonymously to a receive connector that does not allow relay to external domains. EOP was never involved.',
    fix: (ctx) => {
      const connectorId = `($env:COMPUTERNAME + '\\' + ${psQuote(RELAY_CONNECTOR)})`;
      return {
        steps: [
          anonymousReceiveConnectors,
          ...changeSteps(
            'on the server the application sends to, create a receive connector only for the application or device IP addresses',
            `New-ReceiveConnector -Name ${psQuote(RELAY_CONNECTOR)} -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 ` +
              `-RemoteIPRanges ${psValue(ctx.relayClientIp, 'application or device ip')} -PermissionGroups AnonymousUsers`,
          ),
          ...changeSteps(
            'allow anonymous senders on that connector to relay to any recipient',
            `Get-ReceiveConnector -Identity ${connectorId} | Add-ADPermission -User 'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights 'Ms-Exch-SMTP-Accept-Any-Recipient'`,
          ),
          step(
            'Mail to the Internet also needs a Send connector for the address space * (through your tenant endpoint when you relay through EOP).',
          ),
        ],
        adminCenterPath: [...EAC_RECEIVE_CONNECTORS],
        verify: [
          step(
            'Check the connector: RemoteIPRanges lists only the application or device addresses.',
            `Get-ReceiveConnector -Identity ${connectorId} | Format-List Identity,Bindings,RemoteIPRanges,PermissionGroups`,
          ),
          step(
            'Send a test message from the application or device to an external address; it must no longer get 5.7.54.',
          ),
          retryStep('retry'),
        ],
        docs: sources('anonRelay', 'relayReceiveQa'),
      };
    },
    sources: sources('anonRelay', 'relayReceiveQa'),
  },
  'eop.recipient-not-found': {
    id: 'eop.recipient-not-found',
    case: 'other',
    title: 'EOP rejected a recipient that does not exist in the tenant (Directory Based Edge Blocking)',
    explanation:
      'The recipient is in a domain the tenant treats as Authoritative, but there is no such recipient in Exchange Online, so Directory Based Edge Blocking rejects it with ' +
      '"550 5.4.1 Recipient address rejected: Access denied". This is not a relay problem.',
    fix: (ctx) => ({
      steps: [
        step(
          `${EXO_SHELL}: look the recipient up; no result means Exchange Online does not know it.`,
          `Get-Recipient -Identity ${psValue(ctx.recipientAddress, 'recipient address')} -ErrorAction SilentlyContinue | Format-List Name,RecipientType,PrimarySmtpAddress,EmailAddresses`,
        ),
        step(
          'If the recipient should exist in the cloud: synchronize it from on-premises (Microsoft Entra Connect) or create it as a mailbox, mail user or contact.',
        ),
        ...changeSteps(
          'if the domain has recipients Exchange Online does not know (for example mailboxes on another system), make it Internal relay so EOP stops rejecting them',
          `Set-AcceptedDomain -Identity ${psValue(recipientDomain(ctx), 'recipient domain')} -DomainType InternalRelay`,
        ),
      ],
      adminCenterPath: [...EAC_ACCEPTED_DOMAINS],
      verify: [waitStep('dbeb'), retryStep('retry'), testMessageStep(), messageTraceStep(ctx)],
      docs: sources('dbeb', 'fix541', 'ndrExo'),
    }),
    sources: sources('dbeb', 'fix541', 'ndrExo'),
  },
  'eop.sender-ip-blocked': {
    id: 'eop.sender-ip-blocked',
    case: 'other',
    title: 'EOP blocks your sending IP address',
    explanation:
      'The public IP address your mail comes from is on a Microsoft block list or has a poor reputation (5.7.606–5.7.649, 5.7.708, block list 5.7.1 S3150), ' +
      'so EOP refuses its connections. New tenants and shared or recently changed addresses are affected most.',
    fix: (ctx) => {
      const ip = psValue(ctx.onPremIp, 'public ipv4 address');
      return {
        steps: [
          topSenders,
          anonymousReceiveConnectors,
          step(
            `Once the server is clean, delist ${ctx.onPremIp?.trim() || 'the blocked IP address'} at ${DELIST_URL}.`,
          ),
          step(
            `${EXO_SHELL}: "Unable To Relay: Blocked by Customer Allow list" means the address is also in the connection filter IP Allow list; look there.`,
            'Get-HostedConnectionFilterPolicy -Identity Default | Format-List IPAllowList',
          ),
          ...changeSteps(
            'remove the address from the IP Allow list (the inbound connector already identifies it)',
            `Set-HostedConnectionFilterPolicy -Identity Default -IPAllowList @{Remove=${ip}}`,
          ),
          step(
            'Make sure your servers match an OnPremises inbound connector: relayed mail without one is treated as anonymous Internet mail. 5.7.708 on a new tenant is lifted by Microsoft support.',
          ),
        ],
        adminCenterPath: [...DELIST_PORTAL],
        verify: [waitStep('delist'), retryStep('retry'), testMessageStep(), messageTraceStep(ctx)],
        docs: sources('ndrExo', 'fix57xx', 'fix571', 'allowList'),
      };
    },
    sources: sources('ndrExo', 'fix57xx', 'fix571', 'allowList'),
  },
  'eop.unregistered-sender-domain': {
    id: 'eop.unregistered-sender-domain',
    case: 'other',
    title: 'Your tenant sends from domains it has not registered (5.7.750)',
    explanation:
      'EOP blocked your organization from sending because a large share of its mail uses sender domains that are not accepted domains of the tenant ' +
      '("5.7.750 Client blocked from sending from unregistered domains").',
    fix: (ctx) => ({
      steps: [
        step(
          `${ONPREM_SHELL}: count the sender domains of the last two days.`,
          "Get-MessageTrackingLog -EventId SEND -Start (Get-Date).AddDays(-2) -ResultSize Unlimited | ForEach-Object { ($_.Sender -split '@')[-1] } | Group-Object | Sort-Object Count -Descending | Select-Object Count,Name",
        ),
        step(
          `${EXO_SHELL}: check whether a sender domain is accepted; no result means it is not.`,
          `Get-AcceptedDomain | Where-Object { $_.DomainName -eq ${psValue(ctx.senderDomain, 'sender domain')} } | Format-List DomainName,DomainType`,
        ),
        step(
          `Add and verify ${ctx.senderDomain?.trim() || 'each domain you send from'} in the Microsoft 365 admin center (Settings → Domains), or stop relaying mail from domains you do not own.`,
        ),
        step('If the block remains once the domains are registered, open a support request to have it lifted.'),
      ],
      adminCenterPath: [...M365_DOMAINS],
      verify: [retryStep('retry'), testMessageStep(), messageTraceStep(ctx)],
      docs: sources('fix57xx', 'relay2023'),
    }),
    sources: sources('fix57xx'),
  },
  'eop.connector-blocked': {
    id: 'eop.connector-blocked',
    case: 'other',
    title: 'Microsoft blocked your inbound connector as suspicious (5.7.711)',
    explanation:
      "EOP suspected your organization's connector of sending spam or phishing and restricted it, so all mail through it is rejected with " +
      '"550 5.7.711 Access denied, bad inbound connector". It stays blocked until an admin secures the source and unblocks it.',
    fix: (ctx) => ({
      steps: [
        topSenders,
        anonymousReceiveConnectors,
        step(
          'Secure the source first: reset compromised accounts and close any open relay. An unblocked connector that keeps sending spam is blocked again.',
        ),
        step(`${EXO_SHELL}: list the blocked connectors.`, listing('blocked-connectors')),
        step(
          `${EXO_SHELL}: unblock the connector (this cmdlet has no -WhatIf; the Defender portal's Restricted entities page does the same).`,
          `Remove-BlockedConnector -ConnectorId (Get-InboundConnector -Identity ${inboundConnector(ctx)}).Guid`,
        ),
      ],
      adminCenterPath: [...DEFENDER_RESTRICTED_ENTITIES],
      verify: [
        step(`${EXO_SHELL}: the connector is no longer listed.`, listing('blocked-connectors')),
        retryStep('retry'),
        testMessageStep(),
        messageTraceStep(ctx),
      ],
      docs: sources('blockedConnector', 'ndrExo'),
    }),
    sources: sources('blockedConnector'),
  },
};
