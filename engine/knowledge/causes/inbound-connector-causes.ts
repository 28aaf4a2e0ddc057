import type { FixStep } from '../../verdict';
import { sources } from '../sources';
import { EAC_NEW_INBOUND_CONNECTOR, eacEditInboundConnector } from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import {
  changeSteps,
  EXO_SHELL,
  hybridCertificateNote,
  hybridInboundNote,
  inboundConnector,
  inboundConnectorLabel,
  inboundConnectorLookupSteps,
  inboundVerifySteps,
  sendConnector,
  sendConnectorLabel,
  step,
  TLS_CERTIFICATE_NAME,
  tlsSenderCertificateValue,
} from './fix-parts';
import { psValue } from './ps-quote';

// Case 2 (KB 2827473): the Exchange Online inbound connector that attributes on-premises mail to the
// tenant is missing, off, of the wrong type, or does not match the server's certificate or IP
// (docs/knowledge.md#attribution, docs/knowledge.md#inbound-connector).

const listConnectors = step(
  `${EXO_SHELL}: list the inbound connectors as they are now (keep this output: it is your rollback).`,
  'Get-InboundConnector | Format-List Name,Enabled,ConnectorType,ConnectorSource,SenderDomains,SenderIPAddresses,RequireTls,TlsSenderCertificateName,RestrictDomainsToIPAddresses,RestrictDomainsToCertificate,CloudServicesMailEnabled,TreatMessagesAsInternal',
);

const onPremIp = (ctx: FixContext) => psValue(ctx.onPremIp, 'public ipv4 address');

const findIpStep = (ctx: FixContext): FixStep[] =>
  ctx.onPremIp?.trim()
    ? []
    : [
        step(
          'Find the public IPv4 address EOP sees: from the Exchange server, open an SMTP session to your tenant endpoint on port 25 and send EHLO; the reply line 250-… Hello [address] shows it. ' +
            'Use it where the commands below say <public ipv4 address>.',
        ),
      ];

const certificateNameNote = step(
  'The certificate name on the connector must be the CN or a SAN of the certificate the Send connector presents, and that domain (or its parent) must be an accepted domain of the tenant. ' +
    '*.domain covers the domain and all its subdomains and is the recommended form.',
);

export const INBOUND_CONNECTOR_CAUSES: CauseEntries<
  | 'inbound-connector.missing'
  | 'inbound-connector.disabled'
  | 'inbound-connector.wrong-type'
  | 'inbound-connector.partner-restriction'
  | 'inbound-connector.certificate-mismatch'
  | 'inbound-connector.ip-not-listed'
> = {
  'inbound-connector.missing': {
    id: 'inbound-connector.missing',
    case: 'case2',
    title: 'No OnPremises inbound connector exists for your mail servers',
    explanation:
      'Exchange Online has no inbound connector of type OnPremises that matches your servers, so mail from them is treated as anonymous Internet mail. ' +
      'Only an OnPremises connector allows relay through the tenant to Internet recipients, so EOP refuses to relay.',
    fix: (ctx) => {
      const ipAlternative = ctx.onPremIp?.trim()
        ? changeSteps(
            'alternatively (IP-based, only for a static IPv4 address no one else shares): create the connector by IP address',
            `New-InboundConnector -Name 'From on-premises (IP)' -ConnectorType OnPremises -SenderDomains * -SenderIPAddresses ${onPremIp(ctx)} -Enabled $true`,
          )
        : [];
      return {
        steps: [
          listConnectors,
          certificateNameNote,
          ...changeSteps(
            'create a certificate-based OnPremises connector (recommended; the only kind that relays NDRs, forwarded mail and non-accepted sender domains)',
            `New-InboundConnector -Name 'From on-premises (certificate)' -ConnectorType OnPremises -SenderDomains * -RequireTls $true ` +
              `-TlsSenderCertificateName ${tlsSenderCertificateValue(ctx)} -CloudServicesMailEnabled $true -Enabled $true`,
          ),
          ...ipAlternative,
          hybridInboundNote,
        ],
        adminCenterPath: [...EAC_NEW_INBOUND_CONNECTOR],
        verify: inboundVerifySteps(ctx),
        docs: sources('route', 'newInboundConnector', 'notice', 'relay2023'),
      };
    },
    sources: sources('kb2827473', 'route', 'newInboundConnector', 'relay2023'),
  },
  'inbound-connector.disabled': {
    id: 'inbound-connector.disabled',
    case: 'case2',
    title: 'The inbound connector for your servers is disabled',
    explanation:
      'The OnPremises inbound connector exists but is turned off, so it attributes nothing and mail from your servers is refused as unattributed relay.',
    fix: (ctx) => ({
      steps: [
        listConnectors,
        ...inboundConnectorLookupSteps(ctx),
        ...changeSteps(
          `turn on ${inboundConnectorLabel(ctx)}`,
          `Set-InboundConnector -Identity ${inboundConnector(ctx)} -Enabled $true`,
        ),
        step(
          'If Exchange Online answers that an inbound connector cannot be enabled for this service offering, or that it was created disabled, ' +
            'only Microsoft support can enable it: open a support request.',
        ),
      ],
      adminCenterPath: eacEditInboundConnector(ctx, 'Turn it on'),
      verify: inboundVerifySteps(ctx),
      docs: sources('setInboundConnector', 'inboundFaq'),
    }),
    sources: sources('kb2827473', 'inboundFaq', 'setInboundConnector'),
  },
  'inbound-connector.wrong-type': {
    id: 'inbound-connector.wrong-type',
    case: 'case2',
    title: 'The inbound connector is of type Partner, not OnPremises',
    explanation:
      'Your servers are matched by a connector of type Partner. Partner connectors secure mail from partner organizations; only an OnPremises connector ' +
      'grants the right to relay through the tenant to Internet destinations.',
    fix: (ctx) => ({
      steps: [
        listConnectors,
        ...inboundConnectorLookupSteps(ctx),
        step(
          `If ${inboundConnectorLabel(ctx)} exists for a partner or a third-party filtering service, leave it and create a separate OnPremises connector for your own servers instead (see "no OnPremises inbound connector").`,
        ),
        ...changeSteps(
          `otherwise change ${inboundConnectorLabel(ctx)} to type OnPremises`,
          `Set-InboundConnector -Identity ${inboundConnector(ctx)} -ConnectorType OnPremises -RestrictDomainsToIPAddresses $false -RestrictDomainsToCertificate $false`,
        ),
        hybridInboundNote,
      ],
      adminCenterPath: eacEditInboundConnector(ctx, "Connection from: Your organization's email server"),
      verify: inboundVerifySteps(ctx),
      docs: sources('newInboundConnector', 'setInboundConnector', 'fieldNotes2017'),
    }),
    sources: sources('newInboundConnector', 'tlsBlog', 'fieldNotes2017'),
  },
  'inbound-connector.partner-restriction': {
    id: 'inbound-connector.partner-restriction',
    case: 'case2',
    title: 'A Partner connector with a domain restriction rejected the message (5.7.51)',
    explanation:
      "A Partner inbound connector lists the sender's domain and has RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set; the message did not come " +
      'from its IP addresses or certificate, so EOP rejected it with 550 5.7.51 TenantInboundAttribution. Usually your servers were not matched by the OnPremises connector first.',
    fix: (ctx) => ({
      steps: [
        listConnectors,
        ...inboundConnectorLookupSteps(ctx),
        step(
          'Make sure your own servers match an OnPremises connector: its TlsSenderCertificateName must match the certificate the Send connector presents (TlsCertificateName / Fqdn), ' +
            'or its SenderIPAddresses must list your public IP address.',
        ),
        ...changeSteps(
          `if ${inboundConnectorLabel(ctx)} should not restrict mail from your own domains, turn its restrictions off`,
          `Set-InboundConnector -Identity ${inboundConnector(ctx)} -RestrictDomainsToIPAddresses $false -RestrictDomainsToCertificate $false`,
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: eacEditInboundConnector(
        ctx,
        'clear the restrictions that reject mail not sent from its IP addresses or with its certificate',
      ),
      verify: inboundVerifySteps(ctx),
      docs: sources('newInboundConnector', 'tlsBlog'),
    }),
    sources: sources('tlsBlog', 'newInboundConnector'),
  },
  'inbound-connector.certificate-mismatch': {
    id: 'inbound-connector.certificate-mismatch',
    case: 'case2',
    title: "The inbound connector's certificate name does not match the certificate your server presents",
    explanation:
      "The OnPremises connector's TlsSenderCertificateName does not cover the CN or SAN of the certificate your Send connector presents (often after a renewal " +
      'with a new name), so EOP does not attribute the mail to your tenant and answers 550 5.7.64 TenantAttribution.',
    fix: (ctx) => ({
      steps: [
        step(
          'Read the certificate your server actually sends: the Send protocol log line "Certificate subject" (verbose logging on the Send connector), or the certificate named in its TlsCertificateName.',
        ),
        listConnectors,
        ...inboundConnectorLookupSteps(ctx),
        certificateNameNote,
        ...changeSteps(
          `set ${inboundConnectorLabel(ctx)} to the name on that certificate`,
          `Set-InboundConnector -Identity ${inboundConnector(ctx)} -RequireTls $true -TlsSenderCertificateName ${tlsSenderCertificateValue(ctx)}`,
        ),
        ...changeSteps(
          `alternatively make ${sendConnectorLabel(ctx)} present a certificate that carries ${ctx.expectedCertificateName?.trim() || 'the name the inbound connector expects'} (it must be installed with its private key and enabled for SMTP)`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -TlsCertificateName ${TLS_CERTIFICATE_NAME}`,
          `$c = Get-ExchangeCertificate | Where-Object { $_.CertificateDomains -contains ${psValue(ctx.expectedCertificateName?.replace(/^\*\./, ''), 'certificate name or *.domain')} -and $_.Services -match 'SMTP' } | Sort-Object NotAfter -Descending | Select-Object -First 1`,
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: eacEditInboundConnector(
        ctx,
        'Edit sent email identity: the certificate subject name (e.g. *.contoso.com)',
      ),
      verify: inboundVerifySteps(ctx),
      docs: sources('relayDenied5764', 'setInboundConnector', 'notice', 'certFaq'),
    }),
    sources: sources('relayDenied5764', 'newInboundConnector', 'certFaq', 'dn910993'),
  },
  'inbound-connector.ip-not-listed': {
    id: 'inbound-connector.ip-not-listed',
    case: 'case2',
    title: "Your public IP address is not in the inbound connector's SenderIPAddresses",
    explanation:
      'The OnPremises connector identifies your servers by IP address, and the address your mail comes from is not in SenderIPAddresses (for example after an ISP or NAT change), ' +
      'so the mail is not attributed to your tenant.',
    fix: (ctx) => ({
      steps: [
        ...findIpStep(ctx),
        listConnectors,
        ...inboundConnectorLookupSteps(ctx),
        ...changeSteps(
          `add the address to ${inboundConnectorLabel(ctx)}`,
          `Set-InboundConnector -Identity ${inboundConnector(ctx)} -SenderIPAddresses @{Add=${onPremIp(ctx)}}`,
        ),
        step(
          'Only a static public IPv4 address that no one else shares works (IPv6 cannot be listed). A certificate-based connector does not break when the address changes and is recommended.',
        ),
      ],
      adminCenterPath: eacEditInboundConnector(ctx, 'Edit sent email identity: add the IP address'),
      verify: inboundVerifySteps(ctx),
      docs: sources('setInboundConnector', 'newInboundConnector', 'relayDenied5764'),
    }),
    sources: sources('relayDenied5764', 'newInboundConnector', 'mfd'),
  },
};
