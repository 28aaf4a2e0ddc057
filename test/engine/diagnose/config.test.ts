import assert from 'node:assert/strict';

import { type CauseId, diagnose, type Facts, type Status, VerdictSchema } from '../../../engine/index';
import { certificate, facts, inboundConnector, live, sendConnector } from '../../support/facts-builders';

// Rules over hand-made configuration facts (no NDR): each cause id of case 1 and case 2 from the evidence
// that proves it, and healthy configurations that must not produce a confirmed cause.

function statusOf(f: Facts, id: CauseId): Status | undefined {
  const v = diagnose(f);
  VerdictSchema.parse(v);
  return v.causes.find((c) => c.id === id)?.status;
}

const healthy = (): Facts =>
  facts({
    sendConnectors: [sendConnector()],
    inboundConnectors: [inboundConnector()],
    certificates: [certificate()],
    acceptedDomains: [{ domainName: 'contoso.com', isDefault: true }],
    domain: 'contoso.com',
  });

describe('diagnose: configuration rules', () => {
  it('a healthy certificate-based setup has no confirmed or likely cause', () => {
    const v = diagnose(healthy());
    const open = v.causes.filter((c) => c.status === 'confirmed' || c.status === 'likely').map((c) => c.id);
    assert.deepEqual(open, []);
    assert.ok(
      v.causes.some((c) => c.status === 'ruled-out'),
      'healthy checks are reported as ruled out',
    );
  });

  it('a healthy IP-based setup has no confirmed or likely cause', () => {
    const f = healthy();
    f.inboundConnectors = [
      inboundConnector({ tlsSenderCertificateName: undefined, senderIPAddresses: ['203.0.113.0/24'] }),
    ];
    f.answers = { 'case2.onprem-ip': '203.0.113.10' };
    const v = diagnose(f);
    assert.deepEqual(
      v.causes.filter((c) => c.status === 'confirmed' || c.status === 'likely').map((c) => c.id),
      [],
    );
    assert.equal(v.causes.find((c) => c.id === 'inbound-connector.ip-not-listed')?.status, 'ruled-out');
  });

  const table: Array<{ name: string; cause: CauseId; status: Status; change: (f: Facts) => void }> = [
    {
      name: 'DNS routing',
      cause: 'send-connector.no-smart-host',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ dnsRoutingEnabled: true, smartHosts: [] })];
      },
    },
    {
      name: 'KB typo smart host',
      cause: 'send-connector.wrong-smart-host',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['contoso-com.mail.protection.com'] })];
      },
    },
    {
      name: 'own server as smart host',
      cause: 'send-connector.wrong-smart-host',
      status: 'likely',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['mx1.contoso.com'] })];
      },
    },
    {
      name: 'legacy FOPE host',
      cause: 'send-connector.legacy-endpoint',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['contoso.com.mail.eo.outlook.com'] })];
      },
    },
    {
      name: 'frontbridge host',
      cause: 'send-connector.legacy-endpoint',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['mail.global.frontbridge.com'] })];
      },
    },
    {
      name: 'smtp.office365.com',
      cause: 'send-connector.client-submission-endpoint',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['smtp.office365.com'] })];
      },
    },
    {
      name: 'IP smart host',
      cause: 'send-connector.ip-smart-host',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ smartHosts: ['[104.47.8.36]'] })];
      },
    },
    {
      name: 'disabled Send connector',
      cause: 'send-connector.disabled',
      status: 'confirmed',
      change: (f) => {
        f.sendConnectors = [sendConnector({ enabled: false })];
      },
    },
    {
      name: 'RequireTLS off with a certificate connector',
      cause: 'send-connector.tls-not-required',
      status: 'likely',
      change: (f) => {
        f.sendConnectors = [sendConnector({ requireTls: false })];
      },
    },
    {
      name: 'empty TlsCertificateName',
      cause: 'send-connector.certificate-not-set',
      status: 'likely',
      change: (f) => {
        f.sendConnectors = [sendConnector({ tlsCertificateName: '' })];
        f.certificates = [];
      },
    },
    {
      name: 'only the HCW coexistence space',
      cause: 'send-connector.no-internet-address-space',
      status: 'likely',
      change: (f) => {
        f.sendConnectors = [
          sendConnector({
            name: 'Outbound to Office 365 1b2c',
            addressSpaces: ['smtp:contoso.mail.onmicrosoft.com;1'],
            dnsRoutingEnabled: true,
            smartHosts: [],
          }),
        ];
      },
    },
    {
      name: 'named certificate not on the server',
      cause: 'certificate.not-found',
      status: 'likely',
      change: (f) => {
        f.certificates = [certificate({ subject: 'CN=old.contoso.com' })];
      },
    },
    {
      name: 'certificate without private key',
      cause: 'certificate.no-private-key',
      status: 'confirmed',
      change: (f) => {
        f.certificates = [certificate({ hasPrivateKey: false })];
      },
    },
    {
      name: 'certificate not enabled for SMTP',
      cause: 'certificate.no-private-key',
      status: 'confirmed',
      change: (f) => {
        f.certificates = [certificate({ services: ['IIS'] })];
      },
    },
    {
      name: 'protocol log NoCredentials',
      cause: 'certificate.no-private-key',
      status: 'confirmed',
      change: (f) => {
        f.protocolLogs = [
          {
            alternateNames: [],
            tlsErrors: ['NoCredentials'],
            lines: [
              '2026-11-27T10:00:00.000Z,Internet,08DD,1,10.0.0.5:23456,104.47.8.36:25,*,,TLS negotiation failed with error NoCredentials',
            ],
          },
        ];
      },
    },
    {
      name: 'self-signed certificate',
      cause: 'certificate.untrusted',
      status: 'likely',
      change: (f) => {
        f.certificates = [certificate({ issuer: 'CN=mail.contoso.com, O=Contoso, C=US' })];
      },
    },
    {
      name: 'no OnPremises connector, only Partner',
      cause: 'inbound-connector.wrong-type',
      status: 'likely',
      change: (f) => {
        f.inboundConnectors = [inboundConnector({ connectorType: 'Partner' })];
      },
    },
    {
      name: 'Partner with RestrictDomainsToCertificate',
      cause: 'inbound-connector.partner-restriction',
      status: 'likely',
      change: (f) => {
        f.inboundConnectors = [inboundConnector({ connectorType: 'Partner', restrictDomainsToCertificate: true })];
      },
    },
    {
      name: 'answered: no connector',
      cause: 'inbound-connector.missing',
      status: 'likely',
      change: (f) => {
        f.inboundConnectors = [];
        f.answers = { 'case2.inbound-connector': 'none' };
      },
    },
    {
      name: 'disabled OnPremises connector',
      cause: 'inbound-connector.disabled',
      status: 'confirmed',
      change: (f) => {
        f.inboundConnectors = [inboundConnector({ enabled: false })];
      },
    },
    {
      name: 'TlsSenderCertificateName of another domain',
      cause: 'inbound-connector.certificate-mismatch',
      status: 'confirmed',
      change: (f) => {
        f.inboundConnectors = [inboundConnector({ tlsSenderCertificateName: 'smtp.fabrikam.com' })];
      },
    },
    {
      name: 'protocol log shows another certificate',
      cause: 'inbound-connector.certificate-mismatch',
      status: 'confirmed',
      change: (f) => {
        f.protocolLogs = [
          {
            subject: 'CN=ex01.contoso.local',
            alternateNames: [],
            tlsErrors: [],
            lines: ['…,*,CN=ex01.contoso.local,Certificate subject'],
          },
        ];
      },
    },
    {
      name: 'egress IP not listed (IP from an answer)',
      cause: 'inbound-connector.ip-not-listed',
      status: 'likely',
      change: (f) => {
        f.inboundConnectors = [
          inboundConnector({ tlsSenderCertificateName: undefined, senderIPAddresses: ['198.51.100.0/24'] }),
        ];
        f.answers = { 'case2.onprem-ip': '203.0.113.10' };
      },
    },
    {
      name: 'certificate domain not accepted',
      cause: 'accepted-domain.not-accepted',
      status: 'likely',
      change: (f) => {
        f.acceptedDomains = [{ domainName: 'fabrikam.com' }];
      },
    },
    {
      name: 'smart host does not resolve (live)',
      cause: 'send-connector.wrong-smart-host',
      status: 'confirmed',
      change: (f) => {
        f.live = [
          live({ check: 'smart-host', subject: 'contoso-com.mail.protection.outlook.com', outcome: 'nxdomain' }),
        ];
      },
    },
  ];

  for (const row of table) {
    it(`${row.name} → ${row.cause} ${row.status}`, () => {
      const f = healthy();
      row.change(f);
      assert.equal(statusOf(f, row.cause), row.status);
    });
  }

  it('a smart host equal to the live MX rules out wrong-smart-host', () => {
    const f = healthy();
    f.live = [live({ check: 'mx', subject: 'contoso.com', values: ['contoso-com.mail.protection.outlook.com'] })];
    assert.equal(statusOf(f, 'send-connector.wrong-smart-host'), 'ruled-out');
  });

  it('a hyphenated domain with an unusual token is only possible, never confirmed', () => {
    const f = healthy();
    f.domain = 'heig-vd.ch';
    f.sendConnectors = [sendConnector({ smartHosts: ['heigvd-ch01b.mail.protection.outlook.com'] })];
    assert.equal(statusOf(f, 'send-connector.wrong-smart-host'), 'possible');
  });

  it('an EOP endpoint whose token fits none of the domains is only possible', () => {
    const f = healthy();
    f.sendConnectors = [sendConnector({ smartHosts: ['fabrikam-com.mail.protection.outlook.com'] })];
    assert.equal(statusOf(f, 'send-connector.wrong-smart-host'), 'possible');
  });

  it('the usual token of the domain rules the smart-host causes out', () => {
    const f = healthy();
    for (const id of [
      'send-connector.wrong-smart-host',
      'send-connector.legacy-endpoint',
      'send-connector.client-submission-endpoint',
      'send-connector.ip-smart-host',
    ] as const) {
      assert.equal(statusOf(f, id), 'ruled-out', id);
    }
  });

  it('a server that presents only an internal name: certificate.untrusted likely, and no internal name in the fix', () => {
    const f = healthy();
    f.inboundConnectors = [inboundConnector({ tlsSenderCertificateName: 'mail.contoso.com' })];
    f.protocolLogs = [
      {
        subject: 'CN=ex2010.contoso.local',
        alternateNames: [],
        tlsErrors: [],
        lines: ['…,*,CN=ex2010.contoso.local,Certificate subject'],
      },
    ];
    const v = diagnose(f);
    assert.equal(v.causes.find((c) => c.id === 'certificate.untrusted')?.status, 'likely');
    const mismatch = v.causes.find((c) => c.id === 'inbound-connector.certificate-mismatch');
    const ps = (mismatch?.fix.steps ?? []).map((s) => s.powershell ?? '').join('\n');
    assert.doesNotMatch(ps, /contoso\.local/);
  });

  it("fix steps carry the admin's own values", () => {
    const f = healthy();
    f.sendConnectors = [sendConnector({ name: 'To the Internet (EX01)', dnsRoutingEnabled: true, smartHosts: [] })];
    f.live = [live({ check: 'mx', subject: 'contoso.com', values: ['contoso-com.mail.protection.outlook.com'] })];
    const c = diagnose(f).causes.find((x) => x.id === 'send-connector.no-smart-host');
    const ps = (c?.fix.steps ?? []).map((s) => s.powershell ?? '').join('\n');
    assert.match(ps, /To the Internet \(EX01\)/);
    assert.match(ps, /contoso-com\.mail\.protection\.outlook\.com/);
  });

  it('is deterministic', () => {
    const f = healthy();
    f.sendConnectors = [sendConnector({ requireTls: false, smartHosts: ['smtp.office365.com'] })];
    assert.deepEqual(diagnose(f), diagnose(structuredClone(f)));
  });
});
