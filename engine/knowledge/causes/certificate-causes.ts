import { sources } from '../sources';
import { EAC_CERTIFICATES, eacSendConnectorList } from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import {
  certificateLookupSteps,
  certificateSetup,
  changeSteps,
  hybridCertificateNote,
  ONPREM_SHELL,
  protocolLogStep,
  queueCheckStep,
  retryStep,
  sendConnector,
  sendConnectorLabel,
  step,
  testMessageStep,
  TLS_CERTIFICATE_NAME,
  waitStep,
} from './fix-parts';
import { psValue } from './ps-quote';

// Certificates on the on-premises side (docs/knowledge.md#certificates): the one the Send connector names must exist,
// have its private key, be SMTP-enabled, chain completely and be publicly trusted.

const thumbprint = (ctx: FixContext) => psValue(ctx.certificateThumbprint, 'certificate thumbprint');

/** Builds the chain of the chosen certificate on this server and prints each link and any problem. */
const chainCheck = (ctx: FixContext) =>
  step(
    `${ONPREM_SHELL} (on each server in SourceTransportServers): build the certificate's chain. Every link up to the root must be listed and ChainStatus must be empty.`,
    `${certificateSetup(ctx)}\n` +
      "$cert = Get-Item -LiteralPath ('Cert:\\LocalMachine\\My\\' + $c.Thumbprint)\n" +
      '$chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain\n' +
      '$null = $chain.Build($cert); $chain.ChainElements | ForEach-Object { $_.Certificate.Subject }; $chain.ChainStatus | Format-List Status,StatusInformation',
  );

export const CERTIFICATE_CAUSES: CauseEntries<
  'certificate.not-found' | 'certificate.no-private-key' | 'certificate.incomplete-chain' | 'certificate.untrusted'
> = {
  'certificate.not-found': {
    id: 'certificate.not-found',
    case: 'case1',
    title: 'The certificate named in TlsCertificateName is not on the server',
    explanation:
      'The Send connector names a certificate (TlsCertificateName) that is not installed on a server that sends through it, typically after a renewal ' +
      'removed the old one. The server cannot start TLS and answers "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found."',
    fix: (ctx) => ({
      steps: [
        ...certificateLookupSteps(ctx),
        ...changeSteps(
          `point ${sendConnectorLabel(ctx)} at the certificate that is installed now`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -RequireTLS $true -TlsCertificateName ${TLS_CERTIFICATE_NAME}`,
          certificateSetup(ctx),
        ),
        step(
          'Install that same certificate (with its private key) and enable it for SMTP on every server in SourceTransportServers; event 12014 names a server that still lacks it.',
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: [...EAC_CERTIFICATES],
      verify: [retryStep('retry'), queueCheckStep(ctx), protocolLogStep(ctx), testMessageStep()],
      docs: sources('tlsBlog', 'after2016', 'setSendConnector', 'newCertificate'),
    }),
    sources: sources('tlsBlog', 'after2016', 'newCertificate'),
  },
  'certificate.no-private-key': {
    id: 'certificate.no-private-key',
    case: 'case1',
    title: 'The certificate has no private key or is not enabled for SMTP',
    explanation:
      'The certificate the Send connector uses cannot be used for TLS: it lacks its private key or is not enabled for the SMTP service. The protocol log ' +
      'shows "TLS negotiation failed with error NoCredentials" or "UnknownCredentials" and the queue retries.',
    fix: (ctx) => ({
      steps: [
        step(
          `${ONPREM_SHELL}: check the certificate: HasPrivateKey must be True and Services must include SMTP.`,
          `Get-ExchangeCertificate -Thumbprint ${thumbprint(ctx)} | Format-List Thumbprint,Subject,Services,HasPrivateKey,NotAfter,Status`,
        ),
        step(
          'If HasPrivateKey is False: import the certificate again from a PFX file that contains the private key (admin center → Servers → Certificates → Import Exchange certificate), on every server in SourceTransportServers.',
        ),
        ...changeSteps(
          'enable the certificate for SMTP (answer N when asked to replace the default SMTP certificate)',
          `Enable-ExchangeCertificate -Thumbprint ${thumbprint(ctx)} -Services SMTP`,
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: [...EAC_CERTIFICATES],
      verify: [retryStep('retry'), protocolLogStep(ctx), queueCheckStep(ctx), testMessageStep()],
      docs: sources('noCredentials', 'unknownCredentials', 'getExchangeCertificate'),
    }),
    sources: sources('noCredentials', 'unknownCredentials'),
  },
  'certificate.incomplete-chain': {
    id: 'certificate.incomplete-chain',
    case: 'case2',
    title: 'The server does not send the intermediate certificates',
    explanation:
      'EOP does not complete a certificate chain itself. If the on-premises server sends only its own certificate without the intermediate CA certificates, ' +
      'EOP cannot validate it, does not match the certificate-based connector and answers "550 5.7.64 TenantAttribution; Relay Access Denied". CAPI2 event 30 with 800B0109 shows it on premises.',
    fix: (ctx) => ({
      steps: [
        ...certificateLookupSteps(ctx),
        chainCheck(ctx),
        step(
          'Download the intermediate certificate(s) from your certificate authority and import them into Local Computer → "Intermediate Certification Authorities" ' +
            '(certlm.msc) on every server in SourceTransportServers. This applies to IIS SMTP servers too.',
        ),
        step('Run the chain check again: every intermediate must now appear.'),
      ],
      adminCenterPath: [
        'certlm.msc (Local Computer certificates)',
        'Intermediate Certification Authorities',
        'Certificates',
        'All Tasks',
        'Import',
        'the intermediate .cer file',
        'Finish',
      ],
      verify: [waitStep('connector'), retryStep('retry'), protocolLogStep(ctx), queueCheckStep(ctx), testMessageStep()],
      docs: sources('tenantAttribution', 'relayDenied5764'),
    }),
    sources: sources('tenantAttribution'),
  },
  'certificate.untrusted': {
    id: 'certificate.untrusted',
    case: 'case2',
    title: 'The certificate presented is not trusted by EOP',
    explanation:
      'The certificate the server presents is not from a public CA that EOP trusts: an internal-CA or self-signed certificate, often one Exchange picked ' +
      'because several match the connector FQDN. EOP answers "454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied".',
    fix: (ctx) => ({
      steps: [
        ...certificateLookupSteps(ctx),
        step(
          `${ONPREM_SHELL}: see which certificates are enabled for SMTP and who issued them.`,
          "Get-ExchangeCertificate | Where-Object { $_.Services -match 'SMTP' } | Format-List Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Status",
        ),
        ...changeSteps(
          `make ${sendConnectorLabel(ctx)} present the public-CA certificate`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -RequireTLS $true -TlsCertificateName ${TLS_CERTIFICATE_NAME}`,
          certificateSetup(ctx),
        ),
        step(
          'If the servers have root certificate auto-update turned off, also make sure the DigiCert Global Root G2 is in Trusted Root Certification Authorities: ' +
            'Exchange Online uses it from 15 March 2026.',
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: [
        ...eacSendConnectorList(ctx),
        'TlsCertificateName is not shown in the admin center: use the Exchange Management Shell',
      ],
      verify: [retryStep('retry'), protocolLogStep(ctx), queueCheckStep(ctx), testMessageStep()],
      docs: sources('event2004', 'setSendConnector', 'hcRoot'),
    }),
    sources: sources('event2004', 'hcRoot'),
  },
};
