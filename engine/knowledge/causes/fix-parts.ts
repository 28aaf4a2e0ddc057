import type { FixStep } from '../../verdict';
import { listing, mxLookup, SEND_LOG_PATH_SETUP, sendLogSearch } from '../cmdlets';
import { isTenantEndpoint, normalizeHost } from '../endpoints';
import type { FixContext } from './fix-context';
import { psQuote, psValue } from './ps-quote';

// Building blocks shared by the cause files: steps, the -WhatIf/apply pair, the admin's values as
// quoted PowerShell, and the verification steps of docs/knowledge.md#verification

export function step(text: string, powershell?: string): FixStep {
  return powershell === undefined ? { text } : { text, powershell };
}

/**
 * A changing command as two steps: first with -WhatIf (shows what would change, changes nothing),
 * then for real. `setup` lines (e.g. `$c = Get-ExchangeCertificate …`) are read-only and repeated in both.
 */
export function changeSteps(what: string, command: string, setup?: string): FixStep[] {
  const lines = (last: string) => (setup ? `${setup}\n${last}` : last);
  return [
    step(`Preview (-WhatIf shows the change and makes none): ${what}.`, lines(`${command} -WhatIf`)),
    step(`Apply: ${what}.`, lines(command)),
  ];
}

const has = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

// ---- the admin's values --------------------------------------------------------------------------

export const sendConnector = (ctx: FixContext) => psValue(ctx.sendConnectorName, 'send connector name');
export const inboundConnector = (ctx: FixContext) => psValue(ctx.inboundConnectorName, 'inbound connector name');
export const sendConnectorLabel = (ctx: FixContext) =>
  has(ctx.sendConnectorName) ? `"${ctx.sendConnectorName.trim()}"` : 'your Internet Send connector';
export const inboundConnectorLabel = (ctx: FixContext) =>
  has(ctx.inboundConnectorName) ? `"${ctx.inboundConnectorName.trim()}"` : 'the inbound connector';
export const domainValue = (ctx: FixContext) => psValue(ctx.domain, 'your domain');

/** The tenant endpoint only when it has an EOP endpoint format: the fix never sends mail to a guessed host. */
function knownEndpoint(ctx: FixContext): string | undefined {
  return has(ctx.tenantEndpoint) && isTenantEndpoint(ctx.tenantEndpoint)
    ? normalizeHost(ctx.tenantEndpoint)
    : undefined;
}

export const endpointValue = (ctx: FixContext) => psValue(knownEndpoint(ctx), 'tenant mx endpoint');

/**
 * When the endpoint is unknown: where to read it. Read the MX, never build it from the domain name
 * (the token is not always "dots to hyphens", docs/knowledge.md#endpoints).
 */
export function endpointLookupSteps(ctx: FixContext): FixStep[] {
  if (knownEndpoint(ctx)) return [];
  const format = ctx.gccHigh
    ? '<tenant>.mail.protection.office365.us'
    : '<token>.mail.protection.outlook.com or <token>.<x>-v1.mx.microsoft';
  return [
    step(
      `Find your tenant's EOP endpoint (${format}): Microsoft 365 admin center → Settings → Domains → ` +
        `${has(ctx.domain) ? ctx.domain.trim() : 'your domain'} → DNS records, MX "Points to address or value"; or read the published MX record. ` +
        'Use it wherever the commands below say <tenant mx endpoint>.',
      mxLookup(domainValue(ctx)),
    ),
  ];
}

/** When the inbound connector's name is unknown: the command that shows it (the fix commands need it). */
export function inboundConnectorLookupSteps(ctx: FixContext): FixStep[] {
  if (has(ctx.inboundConnectorName)) return [];
  return [
    step(
      'Find the name of the inbound connector from your email server (ConnectorType OnPremises). Use it where the commands below say <inbound connector name>.',
      listing('inbound-connector-names'),
    ),
  ];
}

/** Selects the certificate into `$c`: by thumbprint, else by subject (newest first), else a placeholder. */
export function certificateSetup(ctx: FixContext): string {
  if (has(ctx.certificateThumbprint))
    return `$c = Get-ExchangeCertificate -Thumbprint ${psQuote(ctx.certificateThumbprint.trim())}`;
  if (has(ctx.certificateSubject)) {
    return `$c = Get-ExchangeCertificate | Where-Object { $_.Subject -eq ${psQuote(ctx.certificateSubject.trim())} } | Sort-Object NotAfter -Descending | Select-Object -First 1`;
  }
  return `$c = Get-ExchangeCertificate -Thumbprint ${psValue(undefined, 'certificate thumbprint')}`;
}

/** Lists the server's certificates when the fix does not know which one to use. */
export function certificateLookupSteps(ctx: FixContext): FixStep[] {
  if (has(ctx.certificateThumbprint) || has(ctx.certificateSubject)) return [];
  return [
    step(
      'Find the certificate to use: issued by a public CA, HasPrivateKey True, not expired, and with a CN or SAN that the Exchange Online ' +
        'inbound connector expects (TlsSenderCertificateName). Use its thumbprint where the commands below say <certificate thumbprint>.',
      listing('certificates'),
    ),
  ];
}

/** What TlsSenderCertificateName should say: `*.domain` (recommended, docs/knowledge.md#attribution) or the exact name. */
export function tlsSenderCertificateValue(ctx: FixContext): string {
  if (has(ctx.certificateDomain)) return psQuote(`*.${ctx.certificateDomain.trim().replace(/^\*\./, '')}`);
  return psValue(ctx.certificateName, 'certificate name or *.domain');
}

export const TLS_CERTIFICATE_NAME = '"<I>$($c.Issuer)<S>$($c.Subject)"';

// ---- notes ----------------------------------------------------------------------------------------

export const EXO_SHELL = 'In Exchange Online PowerShell (Connect-ExchangeOnline)';
export const ONPREM_SHELL = 'In the Exchange Management Shell on premises';

export const hybridSendNote = step(
  'Hybrid deployments: the Hybrid Configuration Wizard owns its "Outbound to Office 365" connector and rerunning it can undo manual edits; ' +
    'fix Internet routing on your own smart-host connector for *, or rerun the wizard instead of editing its objects.',
);
export const hybridCertificateNote = step(
  'Hybrid deployments: when only the certificate changed, rerun the Hybrid Configuration Wizard and choose "Update Secure Mail Certificate ' +
    'for Connectors"; it updates the Send connector and the Exchange Online inbound connector together.',
);
export const hybridInboundNote = step(
  'Hybrid deployments: the Hybrid Configuration Wizard creates and maintains the "Inbound from <GUID>" connector; prefer rerunning it to editing that connector by hand.',
);

// ---- verification (docs/knowledge.md#verification) -----------------------------------------------------------------

export type WaitKind = 'connector' | 'dns' | 'dbeb' | 'delist';

export function waitStep(kind: WaitKind): FixStep {
  const text: Record<WaitKind, string> = {
    connector:
      'Wait: connector changes in Exchange Online take a while to apply; allow up to an hour before judging the result.',
    dns: 'Wait: DNS changes can take up to 72 hours to be seen everywhere.',
    dbeb: 'Wait: Directory Based Edge Blocking picks up recipient and domain changes within about 24 hours.',
    delist: 'Wait: delisting takes about 24 hours.',
  };
  return step(text[kind]);
}

/** Retry the waiting queues; after a routing change messages must be resubmitted to take the new route. */
export function retryStep(
  mode: 'retry' | 'resubmit-smart-host' | 'resubmit-dns' | 'unreachable',
  ctx: FixContext = {},
): FixStep {
  switch (mode) {
    case 'retry':
      return step(
        `${ONPREM_SHELL}: retry the queues that wait for a retry.`,
        "Get-Queue | Where-Object { $_.Status -eq 'Retry' } | Retry-Queue",
      );
    case 'resubmit-smart-host': {
      const old = has(ctx.currentSmartHost)
        ? ` { $_.NextHopDomain -eq ${psQuote(ctx.currentSmartHost.trim())} }`
        : " { $_.DeliveryType -eq 'SmartHostConnectorDelivery' }";
      return step(
        `${ONPREM_SHELL}: resubmit the messages queued for the old smart host so they are routed again (-Resubmit after a routing change).`,
        `Get-Queue | Where-Object${old} | Retry-Queue -Resubmit $true`,
      );
    }
    case 'resubmit-dns':
      return step(
        `${ONPREM_SHELL}: resubmit the messages queued for DNS delivery so they take the smart host (-Resubmit after a routing change).`,
        "Get-Queue | Where-Object { $_.DeliveryType -eq 'DnsConnectorDelivery' } | Retry-Queue -Resubmit $true",
      );
    case 'unreachable':
      return step(
        `${ONPREM_SHELL}: resubmit the Unreachable queue (it only moves with -Resubmit).`,
        "Get-Queue | Where-Object { $_.DeliveryType -eq 'Unreachable' } | Retry-Queue -Resubmit $true",
      );
  }
}

export function queueCheckStep(ctx: FixContext): FixStep {
  const endpoint = knownEndpoint(ctx);
  return step(
    `Check the queue: no LastError, DeliveryType SmartHostConnectorDelivery and NextHopDomain ${endpoint ?? 'your tenant endpoint'}.`,
    listing('queues'),
  );
}

export function protocolLogStep(ctx: FixContext): FixStep {
  const expected = has(ctx.certificateName)
    ? ctx.certificateName.trim()
    : 'the name on the Exchange Online inbound connector';
  return step(
    `Read the Send protocol log (ProtocolLoggingLevel Verbose on the Send connector): "Certificate subject" shows ${expected}, STARTTLS succeeds and RCPT TO gets 250 instead of 550 5.7.64.`,
    `${SEND_LOG_PATH_SETUP}\n${sendLogSearch('$p', 1, "'Certificate subject','TLS negotiation failed',' 5\\.7\\.'")}`,
  );
}

export const trackingStep = step(
  'Message tracking: the SEND event of a new message names the EOP host as the server it was handed to.',
  'Get-MessageTrackingLog -EventId SEND -Start (Get-Date).AddHours(-1) -ResultSize 50 | Format-List Timestamp,Sender,Recipients,ConnectorId,ServerHostname,ServerIp',
);

export function testMessageStep(nullSender = false): FixStep {
  return step(
    'Send a test message from an on-premises mailbox to an external address' +
      (nullSender
        ? ', and also trigger the case that failed (an NDR or out-of-office reply to an external sender, or a sender from a non-accepted domain).'
        : '.'),
  );
}

export function messageTraceStep(ctx: FixContext): FixStep {
  const filter = has(ctx.domain)
    ? ` | Where-Object { $_.SenderAddress -like ('*@' + ${psQuote(ctx.domain.trim())}) }`
    : '';
  return step(
    `${EXO_SHELL}: the test message appears in message trace (allow 5 to 10 minutes). Rejections during the SMTP conversation usually leave no trace entry.`,
    `Get-MessageTraceV2 -StartDate (Get-Date).AddHours(-1) -EndDate (Get-Date)${filter} | Format-Table Received,SenderAddress,RecipientAddress,Status`,
  );
}

/** After a change in Exchange Online: wait, retry on premises, then check the log, queue, a test message and the trace. */
export function inboundVerifySteps(ctx: FixContext): FixStep[] {
  return [
    waitStep('connector'),
    retryStep('retry'),
    protocolLogStep(ctx),
    queueCheckStep(ctx),
    testMessageStep(true),
    messageTraceStep(ctx),
  ];
}
