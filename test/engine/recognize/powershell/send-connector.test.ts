import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { type SendConnector, SendConnectorSchema } from '../../../../engine/facts';
import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { repoRoot } from '../../../support/paths';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', name), 'utf8');

function onlySend(name: string): SendConnector {
  const facts = recognizePowerShell(fixture(name));
  assert.equal(facts.sendConnectors.length, 1, `${name}: one Send connector`);
  assert.equal(facts.inboundConnectors.length + facts.acceptedDomains.length + facts.certificates.length, 0);
  return SendConnectorSchema.parse(facts.sendConnectors[0]);
}

const CERT_SUBJECT = 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US';

describe('recognizePowerShell: Get-SendConnector | Format-List', () => {
  it('reads a healthy EOP smart-host connector (prompt line pasted with it)', () => {
    const c = onlySend('send-eop-healthy.txt');
    assert.equal(c.name, 'Outbound to Office 365');
    assert.equal(c.enabled, true);
    assert.deepEqual(c.addressSpaces, ['SMTP:*;1']);
    assert.equal(c.dnsRoutingEnabled, false);
    assert.deepEqual(c.smartHosts, ['contoso-com.mail.protection.outlook.com']);
    assert.equal(c.requireTls, true);
    assert.equal(c.tlsAuthLevel, 'CertificateValidation');
    assert.equal(c.tlsDomain, undefined);
    assert.equal(c.fqdn, 'mail.contoso.com');
    assert.equal(c.cloudServicesMailEnabled, true);
    assert.deepEqual(c.sourceTransportServers, ['EX01', 'EX02']);
    assert.equal(c.smartHostAuthMechanism, 'None');
    assert.equal(c.port, 25);
    assert.deepEqual(c.truncated, []);
    assert.ok(
      c.tlsCertificateName?.startsWith('<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>'),
    );
    assert.ok(c.tlsCertificateName?.endsWith(CERT_SUBJECT));
    assert.equal(c.lines.RequireTLS, 'RequireTLS : True');
    assert.equal(c.lines.SmartHosts, 'SmartHosts : {contoso-com.mail.protection.outlook.com}');
    assert.equal(c.lines.TlsDomain, 'TlsDomain :');
    assert.equal(c.lines.MaxMessageSize, 'MaxMessageSize : 35 MB (36,700,160 bytes)');
  });

  const cases: { file: string; check: (c: SendConnector) => void }[] = [
    {
      file: 'send-dns-routing.txt',
      check: (c) => {
        assert.equal(c.dnsRoutingEnabled, true);
        assert.deepEqual(c.smartHosts, []);
        assert.equal(c.lines.SmartHosts, 'SmartHosts : {}');
        assert.equal(c.requireTls, false);
        assert.equal(c.tlsCertificateName, '');
      },
    },
    { file: 'send-kb-typo.txt', check: (c) => assert.deepEqual(c.smartHosts, ['contoso-com.mail.protection.com']) },
    { file: 'send-legacy-eo.txt', check: (c) => assert.deepEqual(c.smartHosts, ['contoso.com.mail.eo.outlook.com']) },
    {
      file: 'send-smtp-office365.txt',
      check: (c) => {
        assert.deepEqual(c.smartHosts, ['smtp.office365.com']);
        assert.equal(c.port, 587);
        assert.equal(c.smartHostAuthMechanism, 'BasicAuthRequireTLS');
      },
    },
    { file: 'send-ip-smart-host.txt', check: (c) => assert.deepEqual(c.smartHosts, ['[104.47.20.36]']) },
    {
      file: 'send-disabled.txt',
      check: (c) => {
        assert.equal(c.enabled, false);
        assert.equal(c.lines.Enabled, 'Enabled : False');
      },
    },
    {
      file: 'send-requiretls-false.txt',
      check: (c) => {
        assert.equal(c.requireTls, false);
        assert.equal(c.tlsAuthLevel, undefined);
        assert.equal(c.lines.RequireTLS, 'RequireTLS : False');
      },
    },
    {
      file: 'send-empty-certname.txt',
      check: (c) => {
        assert.equal(c.tlsCertificateName, '');
        assert.equal(c.lines.TlsCertificateName, 'TlsCertificateName :');
        assert.equal(c.requireTls, true);
      },
    },
    {
      file: 'send-hcw-only.txt',
      check: (c) => {
        assert.ok(c.name.startsWith('Outbound to Office 365 - '));
        assert.deepEqual(c.addressSpaces, ['smtp:contoso.mail.onmicrosoft.com;1']);
        assert.equal(c.dnsRoutingEnabled, true);
        assert.deepEqual(c.smartHosts, []);
        assert.equal(c.tlsAuthLevel, 'DomainValidation');
        assert.equal(c.tlsDomain, 'mail.protection.outlook.com');
      },
    },
  ];
  for (const { file, check } of cases) it(`reads ${file}`, () => check(onlySend(file)));

  it('reads several connectors from one CRLF paste, in order', () => {
    const text = fixture('send-multiple.txt');
    assert.ok(text.includes('\r\n'), 'fixture keeps CRLF');
    const { sendConnectors } = recognizePowerShell(text);
    assert.deepEqual(
      sendConnectors.map((c) => c.name.split(' - ')[0]),
      ['Outbound to Office 365', 'Internet', 'Scanner relay'],
    );
    assert.deepEqual(sendConnectors[1].smartHosts, []);
    assert.equal(sendConnectors[1].fqdn, undefined);
    assert.deepEqual(sendConnectors[2].addressSpaces, ['Local:SMTP:fabrikam.com;10']);
    assert.deepEqual(sendConnectors[2].smartHosts, ['relay.fabrikam.com', '192.0.2.44']);
    for (const c of sendConnectors) SendConnectorSchema.parse(c);
    for (const c of sendConnectors) for (const l of Object.values(c.lines)) assert.ok(!l.includes('\r'));
  });

  it('records lists cut by $FormatEnumerationLimit and prefers the uncut SmartHostsString', () => {
    const c = onlySend('send-truncated.txt');
    assert.deepEqual(c.truncated.sort(), ['AddressSpaces', 'SourceTransportServers']);
    assert.deepEqual(c.sourceTransportServers, ['EX01', 'EX02', 'EX03', 'EX04']);
    assert.equal(c.addressSpaces.length, 4);
    assert.equal(c.smartHosts.length, 5);
    assert.equal(c.smartHosts[4], 'd-eop.contoso.net');
  });

  it('joins console-wrapped values back into one value and one line', () => {
    const c = onlySend('send-wrapped.txt');
    assert.deepEqual(c.sourceTransportServers, [
      'EXCHANGE-MAILBOX-01.corp.contoso.com',
      'EXCHANGE-MAILBOX-02.corp.contoso.com',
    ]);
    assert.equal(
      c.tlsCertificateName,
      `<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>${CERT_SUBJECT}`,
    );
    assert.equal(c.lines.TlsCertificateName, `TlsCertificateName : ${c.tlsCertificateName}`);
    assert.equal(c.lines.TlsAuthLevel, 'TlsAuthLevel : CertificateValidation');
  });

  it('reads ConvertTo-Json output (array, booleans, null)', () => {
    const { sendConnectors } = recognizePowerShell(fixture('send-connectors.json.txt'));
    assert.equal(sendConnectors.length, 2);
    const [good, legacy] = sendConnectors.map((c) => SendConnectorSchema.parse(c));
    assert.equal(good.name, 'Outbound to Office 365');
    assert.equal(good.requireTls, true);
    assert.equal(good.port, 25);
    assert.deepEqual(good.addressSpaces, ['SMTP:*;1']);
    assert.deepEqual(good.sourceTransportServers, ['EX01', 'EX02']);
    assert.ok(good.tlsCertificateName?.endsWith(CERT_SUBJECT));
    assert.equal(good.lines.RequireTLS, '"RequireTLS":  true,');
    assert.equal(good.lines.SmartHosts, '"SmartHosts":  ["contoso-com.mail.protection.outlook.com"]');
    assert.equal(legacy.enabled, false);
    assert.equal(legacy.requireTls, false);
    assert.equal(legacy.tlsCertificateName, undefined);
    assert.deepEqual(legacy.smartHosts, ['contoso.com.mail.eo.outlook.com']);
    assert.equal(legacy.lines.Enabled, '"Enabled":  false,');
  });
});
