import type { Fix } from '../../verdict';
import { sources } from '../sources';
import {
  EAC_NEW_SEND_CONNECTOR,
  eacSendConnectorDelivery,
  eacSendConnectorList,
  emc2010SendConnector,
} from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import {
  certificateLookupSteps,
  certificateSetup,
  changeSteps,
  endpointLookupSteps,
  endpointValue,
  hybridCertificateNote,
  hybridSendNote,
  messageTraceStep,
  ONPREM_SHELL,
  protocolLogStep,
  queueCheckStep,
  retryStep,
  sendConnector,
  sendConnectorLabel,
  step,
  testMessageStep,
  TLS_CERTIFICATE_NAME,
  trackingStep,
} from './fix-parts';
import { psValue } from './ps-quote';

// Case 1 (KB 2827473): the on-premises Send connector does not hand Internet mail to the tenant's EOP
// endpoint the way EOP can attribute it. Facts: docs/knowledge.md#endpoints, docs/knowledge.md#send-connector

const showConnector = (ctx: FixContext) =>
  step(
    `${ONPREM_SHELL}: look at the connector as it is now (keep this output: it is your rollback).`,
    `$FormatEnumerationLimit = -1; Get-SendConnector -Identity ${sendConnector(ctx)} | Format-List Name,Enabled,AddressSpaces,DNSRoutingEnabled,SmartHosts,Port,SmartHostAuthMechanism,RequireTLS,TlsAuthLevel,TlsCertificateName,Fqdn,SourceTransportServers`,
  );

/** Point the connector at the tenant endpoint; `extra` adds parameters that belong to the same repair. */
function smartHostFix(
  ctx: FixContext,
  what: string,
  extra: string,
  retry: 'resubmit-smart-host' | 'resubmit-dns',
): Fix {
  const currently = ctx.currentSmartHost?.trim() ? ` (now ${ctx.currentSmartHost.trim()})` : '';
  return {
    steps: [
      ...endpointLookupSteps(ctx),
      showConnector(ctx),
      ...changeSteps(
        `${what} on ${sendConnectorLabel(ctx)}${currently}`,
        `Set-SendConnector -Identity ${sendConnector(ctx)} -DNSRoutingEnabled $false -SmartHosts ${endpointValue(ctx)}${extra}`,
      ),
      step(emc2010SendConnector(ctx)),
      hybridSendNote,
    ],
    adminCenterPath: eacSendConnectorDelivery(ctx),
    verify: [retryStep(retry, ctx), queueCheckStep(ctx), trackingStep, testMessageStep(), messageTraceStep(ctx)],
    docs: sources('kb2827473', 'smartHost', 'setSendConnector', 'route', 'retryQueue'),
  };
}

export const SEND_CONNECTOR_CAUSES: CauseEntries<
  | 'send-connector.no-smart-host'
  | 'send-connector.wrong-smart-host'
  | 'send-connector.legacy-endpoint'
  | 'send-connector.client-submission-endpoint'
  | 'send-connector.ip-smart-host'
  | 'send-connector.disabled'
  | 'send-connector.tls-not-required'
  | 'send-connector.certificate-not-set'
  | 'send-connector.no-internet-address-space'
> = {
  'send-connector.no-smart-host': {
    id: 'send-connector.no-smart-host',
    case: 'case1',
    title: 'The Internet Send connector uses DNS (MX) routing instead of the EOP smart host',
    explanation:
      "The connector that carries Internet mail has DNS routing on, so each message goes to the recipient's own MX instead of to your tenant's " +
      'EOP endpoint. Mail that does not come in through your tenant cannot be attributed to it, so Microsoft refuses to relay it.',
    fix: (ctx) => smartHostFix(ctx, 'route through the tenant endpoint instead of MX', '', 'resubmit-dns'),
    sources: sources('kb2827473', 'smartHost', 'setSendConnector'),
  },
  'send-connector.wrong-smart-host': {
    id: 'send-connector.wrong-smart-host',
    case: 'case1',
    title: "The smart host is not your tenant's EOP endpoint",
    explanation:
      "The Send connector's smart host is not an EOP endpoint of your tenant: a typo such as KB 2827473's .mail.protection.com, your own MX, " +
      "a third-party filter's host or another server. Mail does not reach EOP as your organization's, so it is refused or loops.",
    fix: (ctx) => smartHostFix(ctx, 'replace the smart host with the tenant endpoint', '', 'resubmit-smart-host'),
    sources: sources('kb2827473', 'route', 'dnsBest'),
  },
  'send-connector.legacy-endpoint': {
    id: 'send-connector.legacy-endpoint',
    case: 'case1',
    title: 'The smart host is a retired FOPE / legacy endpoint',
    explanation:
      'The smart host is a Forefront Online Protection (FOPE) or early Exchange Online endpoint such as *.mail.eo.outlook.com or ' +
      'mail.messaging.microsoft.com. These are unsupported and since May 2018 answer "451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35." until the messages expire.',
    fix: (ctx) => smartHostFix(ctx, 'replace the legacy endpoint with the tenant endpoint', '', 'resubmit-smart-host'),
    sources: sources('attr35', 'dnsBest', 'kb2827473'),
  },
  'send-connector.client-submission-endpoint': {
    id: 'send-connector.client-submission-endpoint',
    case: 'case1',
    title: 'The smart host is smtp.office365.com (client submission), not the EOP endpoint',
    explanation:
      'smtp.office365.com accepts mail only from authenticated mailboxes (SMTP AUTH); it is not a relay for a server. Without credentials it answers ' +
      '5.7.57 "Client not authenticated", and with them it only sends as that one mailbox.',
    fix: (ctx) =>
      smartHostFix(
        ctx,
        'use the tenant endpoint on port 25 without smart host authentication',
        ' -Port 25 -SmartHostAuthMechanism None',
        'resubmit-smart-host',
      ),
    sources: sources('printers', 'mfd', 'setSendConnector'),
  },
  'send-connector.ip-smart-host': {
    id: 'send-connector.ip-smart-host',
    case: 'case1',
    title: 'The smart host is an IP address',
    explanation:
      'EOP endpoints must be addressed by their host name: Microsoft states it is not possible to use an IP address in place of the MX endpoint. ' +
      "The addresses behind the name change and a fixed IP reaches servers that do not accept your tenant's mail.",
    fix: (ctx) =>
      smartHostFix(ctx, 'replace the IP address with the tenant endpoint host name', '', 'resubmit-smart-host'),
    sources: sources('printers', 'attr35'),
  },
  'send-connector.disabled': {
    id: 'send-connector.disabled',
    case: 'case1',
    title: 'The Internet Send connector is disabled',
    explanation:
      'The Send connector for Internet mail is disabled, so no connector carries the mail to EOP and it waits in the Unreachable queue or takes another route.',
    fix: (ctx) => ({
      steps: [
        showConnector(ctx),
        ...changeSteps(
          `enable ${sendConnectorLabel(ctx)}`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -Enabled $true`,
        ),
        step(
          `Exchange 2010: Exchange Management Console → Organization Configuration → Hub Transport → Send Connectors → select the connector → Enable`,
        ),
      ],
      adminCenterPath: [...eacSendConnectorList(ctx), 'Enable'],
      verify: [retryStep('unreachable'), retryStep('retry'), queueCheckStep(ctx), testMessageStep()],
      docs: sources('setSendConnector', 'kb2827473', 'queues'),
    }),
    sources: sources('setSendConnector', 'kb2827473'),
  },
  'send-connector.tls-not-required': {
    id: 'send-connector.tls-not-required',
    case: 'case1',
    title: 'The Send connector does not require TLS',
    explanation:
      'RequireTLS is off, so the connector may send without STARTTLS or without presenting a certificate. A certificate-based inbound connector ' +
      'can then not recognize your organization, and the message is not attributed to your tenant.',
    fix: (ctx) => ({
      steps: [
        showConnector(ctx),
        ...changeSteps(
          `require TLS with certificate validation on ${sendConnectorLabel(ctx)}`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -RequireTLS $true -IgnoreSTARTTLS $false -TlsAuthLevel CertificateValidation`,
        ),
        step(
          "Hybrid deployments: the wizard's connector uses TlsAuthLevel DomainValidation with TlsDomain mail.protection.outlook.com; rerun the Hybrid Configuration Wizard rather than editing it.",
        ),
      ],
      adminCenterPath: [
        ...eacSendConnectorList(ctx),
        'RequireTLS is not shown in the admin center: use the Exchange Management Shell',
      ],
      verify: [retryStep('retry'), protocolLogStep(ctx), queueCheckStep(ctx), testMessageStep()],
      docs: sources('setSendConnector', 'route', 'tlsBlog'),
    }),
    sources: sources('setSendConnector', 'route', 'hcCloud'),
  },
  'send-connector.certificate-not-set': {
    id: 'send-connector.certificate-not-set',
    case: 'case1',
    title: 'The Send connector does not name the certificate it presents',
    explanation:
      "TlsCertificateName is empty, so Exchange picks a certificate by the connector's FQDN and, among several matches, may present a renewed, " +
      "internal or self-signed one. If that certificate does not match the inbound connector's TlsSenderCertificateName, EOP cannot attribute the mail.",
    fix: (ctx) => ({
      steps: [
        ...certificateLookupSteps(ctx),
        showConnector(ctx),
        ...changeSteps(
          `make ${sendConnectorLabel(ctx)} present this certificate`,
          `Set-SendConnector -Identity ${sendConnector(ctx)} -RequireTLS $true -TlsCertificateName ${TLS_CERTIFICATE_NAME}`,
          certificateSetup(ctx),
        ),
        step(
          'The certificate must be installed, with its private key and enabled for SMTP, on every server listed in SourceTransportServers (Edge included).',
        ),
        hybridCertificateNote,
      ],
      adminCenterPath: [
        ...eacSendConnectorList(ctx),
        'TlsCertificateName is not shown in the admin center: use the Exchange Management Shell',
      ],
      verify: [retryStep('retry'), protocolLogStep(ctx), queueCheckStep(ctx), testMessageStep(true)],
      docs: sources('setSendConnector', 'tlsBlog', 'relayDenied5764', 'requiredTls'),
    }),
    sources: sources('setSendConnector', 'tlsBlog', 'event2004'),
  },
  'send-connector.no-internet-address-space': {
    id: 'send-connector.no-internet-address-space',
    case: 'case1',
    title: 'No Send connector covers the Internet address space (*)',
    explanation:
      'No Send connector has the address space * (SMTP:*;1), so mail to Internet domains has no route through EOP. The Hybrid Configuration ' +
      "Wizard's connector covers only the tenant's mail.onmicrosoft.com domain.",
    fix: (ctx) => {
      const fqdn =
        ctx.fqdn?.trim() ||
        (ctx.certificateName?.trim() && !ctx.certificateName.includes('*') ? ctx.certificateName.trim() : undefined);
      return {
        steps: [
          ...endpointLookupSteps(ctx),
          ...certificateLookupSteps(ctx),
          ...changeSteps(
            'create a Send connector for * that routes through the tenant endpoint with TLS and your certificate',
            `New-SendConnector -Name 'Internet via Office 365' -AddressSpaces * -CloudServicesMailEnabled $true -Fqdn ${psValue(fqdn, 'certificate host name')} ` +
              `-RequireTLS $true -DNSRoutingEnabled $false -SmartHosts ${endpointValue(ctx)} -TlsAuthLevel CertificateValidation -TlsCertificateName ${TLS_CERTIFICATE_NAME}`,
            certificateSetup(ctx),
          ),
          step(
            'Add -SourceTransportServers with every Mailbox server that should send Internet mail if it is not only this one.',
          ),
          hybridSendNote,
        ],
        adminCenterPath: [...EAC_NEW_SEND_CONNECTOR],
        verify: [retryStep('unreachable'), queueCheckStep(ctx), trackingStep, testMessageStep()],
        docs: sources('route', 'smartHost', 'tlsBlog'),
      };
    },
    sources: sources('smartHost', 'route', 'tlsBlog'),
  },
};
