import { psQuote } from '../knowledge/causes/ps-quote';
import { listing, mxLookup, SEND_LOG_PATH_SETUP, sendLogSearch } from '../knowledge/cmdlets';
import type { CauseResult, NotChecked } from '../verdict';
import { withShell } from './command-shell';
import type { DiagnosisContext } from './context';

// What a verdict does not rest on, and the command that checks it. Kept short: only what matters for the
// causes still in play and what nothing pasted or looked up covered.

const MAX_ITEMS = 5;

export function notChecked(ctx: DiagnosisContext, causes: CauseResult[]): NotChecked[] {
  const f = ctx.facts;
  const out: NotChecked[] = [];
  const open = (prefix: string) => causes.some((c) => c.id.startsWith(prefix) && c.status !== 'ruled-out');
  const thumb = ctx.connectorCertificate?.thumbprint ?? ctx.presented?.thumbprint;

  if (!causes.some((c) => c.id === 'certificate.incomplete-chain' && c.status !== 'possible')) {
    out.push({
      topic: 'the certificate chain (whether your server sends the intermediate certificates and EOP trusts the root)',
      how: 'Status must read Valid on the Exchange server; anything else (RevocationCheckFailure, Untrusted) points at the chain.',
      check: withShell({
        text: 'Check the certificate your Send connector uses.',
        powershell: thumb
          ? `Get-ExchangeCertificate -Thumbprint ${psQuote(thumb)} | Format-List Subject,Issuer,NotAfter,Status`
          : "Get-ExchangeCertificate | Where-Object { $_.Services -match 'SMTP' } | Format-List Thumbprint,Subject,Issuer,NotAfter,Status",
      }),
    });
  }
  if (f.acceptedDomains.length === 0 && f.answers['case2.accepted-domain'] === undefined) {
    out.push({
      topic: 'your accepted domains',
      how: "The certificate's domain (or the sender's) must be an accepted domain of the tenant.",
      check: withShell({ text: 'List the accepted domains.', powershell: listing('accepted-domains') }),
    });
  }
  if (
    f.inboundConnectors.length === 0 &&
    (open('inbound-connector.') || ctx.family === 'eop-relay-denied' || ctx.family === 'not-an-ndr')
  ) {
    out.push({
      topic: 'the inbound connector in Exchange Online (only your answers, if any)',
      how: 'An enabled OnPremises connector must match your certificate name or your public IP address.',
      check: withShell({
        text: 'Show the inbound connectors.',
        powershell:
          'Get-InboundConnector | Format-List Name,Enabled,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsTo*',
      }),
    });
  }
  if (f.sendConnectors.length === 0) {
    out.push({
      topic: 'your Send connector on premises (only your answers, if any)',
      how: 'The Internet Send connector must route through your tenant endpoint with TLS and a named certificate.',
      check: withShell({ text: 'Show the Send connectors.', powershell: listing('send-connectors-short') }),
    });
  }
  if (
    ctx.presented?.basis !== 'protocol-log' &&
    (open('inbound-connector.certificate') || open('accepted-domain.') || open('certificate.'))
  ) {
    out.push({
      topic: 'which certificate your server actually presents (only its configuration was read)',
      how: 'The Send protocol log (verbose logging on the Send connector) shows the "Certificate subject" EOP sees.',
      check: withShell({
        text: 'Read the last Send protocol log on the Exchange server.',
        powershell: `${SEND_LOG_PATH_SETUP}\n${sendLogSearch('$p', 1, "'Certificate subject','Certificate alternate names','TLS negotiation failed'")}`,
      }),
    });
  }
  const domain = ctx.domain;
  const liveOk = f.live.some((o) => o.check === 'mx' && o.outcome === 'ok');
  if (!liveOk) {
    const tried = f.live.length > 0;
    out.push({
      topic: tried
        ? `live DNS for ${domain ?? 'your domain'} (the lookup from here did not give a usable answer)`
        : `live DNS (the MX and SPF records of ${domain ?? 'your domain'} were not looked up)`,
      how: "The MX record names your tenant endpoint, the value your Send connector's smart host must have.",
      check: withShell({
        text: 'Look the MX up from your network.',
        powershell: mxLookup(domain ? psQuote(domain) : "'<your domain>'"),
      }),
    });
  }
  return out.slice(0, MAX_ITEMS);
}
