import {
  type Certificate,
  emptyFacts,
  type Facts,
  type InboundConnector,
  type LiveObservation,
  type NdrFacts,
  type SendConnector,
} from '../../engine/index';

// Small builders for hand-made Facts: the rules are tested on facts directly, independent of the recognizers.

export function sendConnector(over: Partial<SendConnector> = {}): SendConnector {
  return {
    name: 'Internet',
    enabled: true,
    addressSpaces: ['SMTP:*;1'],
    dnsRoutingEnabled: false,
    smartHosts: ['contoso-com.mail.protection.outlook.com'],
    requireTls: true,
    tlsAuthLevel: 'CertificateValidation',
    tlsCertificateName:
      '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso, C=US',
    fqdn: 'mail.contoso.com',
    sourceTransportServers: ['EX01'],
    truncated: [],
    lines: {},
    ...over,
  };
}

export function inboundConnector(over: Partial<InboundConnector> = {}): InboundConnector {
  return {
    name: 'From on-premises',
    enabled: true,
    connectorType: 'OnPremises',
    senderDomains: ['smtp:*;1'],
    senderIPAddresses: [],
    tlsSenderCertificateName: 'mail.contoso.com',
    requireTls: true,
    truncated: [],
    lines: {},
    ...over,
  };
}

export function certificate(over: Partial<Certificate> = {}): Certificate {
  return {
    thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
    subject: 'CN=mail.contoso.com, O=Contoso, C=US',
    issuer: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
    certificateDomains: ['mail.contoso.com', 'autodiscover.contoso.com'],
    services: ['IMAP', 'POP', 'IIS', 'SMTP'],
    hasPrivateKey: true,
    lines: {},
    ...over,
  };
}

export function ndr(over: Partial<NdrFacts> = {}): NdrFacts {
  return {
    layout: 'exchange2013',
    replyCode: '550',
    enhancedStatus: '5.7.64',
    diagnostic: "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'",
    generatingServer: 'EX01.contoso.local',
    remoteServer: 'contoso-com.mail.protection.outlook.com',
    rejectedBy: 'remote',
    recipients: ['someone@fabrikam.example'],
    sender: 'admin@contoso.com',
    senderDomain: 'contoso.com',
    timestamps: [],
    evidence: [],
    ...over,
  };
}

export function live(over: Partial<LiveObservation> & Pick<LiveObservation, 'check' | 'subject'>): LiveObservation {
  return { outcome: 'ok', values: [], endpointKinds: [], observedAt: '2026-11-27T12:04:00Z', vantage: 'test', ...over };
}

export function facts(over: Partial<Facts> = {}): Facts {
  return { ...emptyFacts(), ...over };
}
