// Format-List corner cases that no single fixture covers: hard wraps, double spacing, NBSP padding,
// other cmdlets' objects, NDR headers, the 5.1 JSON wrapper.
import assert from 'node:assert/strict';

import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { parseFormatList } from '../../../../engine/recognize/powershell/format-list';
import { isPromptLine } from '../../../../engine/recognize/powershell/lines';
import { toBool, toList, toPort } from '../../../../engine/recognize/powershell/values';

const SEND = [
  'Name              : Outbound to Office 365',
  'AddressSpaces     : {SMTP:*;1}',
  'DNSRoutingEnabled : False',
  'SmartHosts        : {contoso-com.mail.protection.outlook.com}',
  'RequireTLS        : True',
];

describe('PowerShell Format-List reading', () => {
  it('reads list values: {a, b}, {}, cut lists, bare values', () => {
    assert.deepEqual(toList('{a, b}'), { items: ['a', 'b'], truncated: false });
    assert.deepEqual(toList('{}'), { items: [], truncated: false });
    assert.deepEqual(toList('{a, b, c, d...}'), { items: ['a', 'b', 'c', 'd'], truncated: true });
    assert.deepEqual(toList('{a, b, c, d\u2026}'), { items: ['a', 'b', 'c', 'd'], truncated: true });
    assert.deepEqual(toList('{a, b'), { items: ['a', 'b'], truncated: true });
    assert.deepEqual(toList('x.contoso.com'), { items: ['x.contoso.com'], truncated: false });
    assert.deepEqual(toList(''), { items: [], truncated: false });
  });

  it('reads booleans and ports', () => {
    assert.deepEqual(['True', 'false', '$true', '$FALSE', 'yes', ''].map(toBool), [
      true,
      false,
      true,
      false,
      undefined,
      undefined,
    ]);
    assert.deepEqual(['25', '587', '70000', 'x', ''].map(toPort), [25, 587, undefined, undefined, undefined]);
  });

  it('recognizes prompt lines', () => {
    assert.ok(isPromptLine('[PS] C:\\Windows\\system32>Get-SendConnector | fl'));
    assert.ok(isPromptLine('PS C:\\Users\\admin> Get-InboundConnector | fl'));
    assert.ok(isPromptLine('PS>Get-AcceptedDomain'));
    assert.ok(!isPromptLine('Name : C:\\path'));
  });

  it('joins a terminal hard wrap (no indentation) after a long line', () => {
    const long =
      'TlsCertificateName : <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.con';
    const text = [...SEND, long, 'toso.com, O=Contoso Ltd, C=US', 'Port              : 25'].join('\n');
    const [c] = recognizePowerShell(text).sendConnectors;
    assert.ok(c.tlsCertificateName?.endsWith('<S>CN=mail.contoso.com, O=Contoso Ltd, C=US'));
    assert.equal(c.port, 25);
  });

  it('does not join a short unrelated line to the last value', () => {
    const objects = parseFormatList([...SEND, 'Delivery has failed.'].join('\n'));
    assert.equal(objects.length, 1);
    assert.equal(objects[0].props.get('requiretls')?.value, 'True');
  });

  it('splits objects on a repeated property when blank lines were lost', () => {
    const text = [...SEND, ...SEND.map((l) => l.replace('Outbound to Office 365', 'Second'))].join('\n');
    assert.deepEqual(
      recognizePowerShell(text).sendConnectors.map((c) => c.name),
      ['Outbound to Office 365', 'Second'],
    );
  });

  it('reads a paste double-spaced by a chat client', () => {
    const text = [...SEND, ...SEND.map((l) => l.replace('Outbound to Office 365', 'Second'))].join('\n\n');
    const { sendConnectors } = recognizePowerShell(text);
    assert.deepEqual(
      sendConnectors.map((c) => c.name),
      ['Outbound to Office 365', 'Second'],
    );
    assert.equal(sendConnectors[1].requireTls, true);
  });

  it('reads padding made of non-breaking spaces and a uniformly indented paste', () => {
    const nbsp = SEND.map((l) => l.replace(/ {2,}/g, (m) => '\u00A0'.repeat(m.length))).join('\n');
    assert.equal(recognizePowerShell(nbsp).sendConnectors[0].requireTls, true);
    const indented = SEND.map((l) => `    ${l}`).join('\n');
    assert.deepEqual(recognizePowerShell(indented).sendConnectors[0].smartHosts, [
      'contoso-com.mail.protection.outlook.com',
    ]);
  });

  it('reads a paste that mixes cmdlets, separated by prompt lines', () => {
    const text = [
      'PS C:\\> Get-SendConnector | fl',
      '',
      ...SEND,
      'PS C:\\> Get-AcceptedDomain | fl DomainName,DomainType',
      'DomainName : contoso.com',
      'DomainType : Authoritative',
    ].join('\n');
    const facts = recognizePowerShell(text);
    assert.equal(facts.sendConnectors.length, 1);
    assert.deepEqual(
      facts.acceptedDomains.map((d) => d.domainName),
      ['contoso.com'],
    );
  });

  it('ignores receive connectors, EXO outbound connectors and mail headers', () => {
    const receive =
      'Name           : Default Frontend EX01\nBindings       : {[::]:25, 0.0.0.0:25}\nRemoteIPRanges : {::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff}\nTlsCertificateName : <I>CN=x<S>CN=y\nFqdn : EX01.contoso.com';
    const outbound =
      'Name        : Outbound to on-premises\nSmartHosts  : {mail.contoso.com}\nUseMXRecord : False\nRecipientDomains : {contoso.com}';
    const headers = 'From: postmaster@contoso.com\nSubject: Undeliverable: test\nTo: user@contoso.com';
    for (const text of [receive, outbound, headers]) {
      const facts = recognizePowerShell(text);
      assert.equal(
        facts.sendConnectors.length + facts.inboundConnectors.length + facts.acceptedDomains.length,
        0,
        text,
      );
    }
  });

  it('reads Windows PowerShell 5.1\'s {"value": [...], "Count": n} wrapper', () => {
    const json =
      '{"value": [{"Name": "A", "SmartHosts": ["x.mail.protection.outlook.com"], "DNSRoutingEnabled": false}], "Count": 1}';
    const [c] = recognizePowerShell(json).sendConnectors;
    assert.equal(c.name, 'A');
    assert.deepEqual(c.smartHosts, ['x.mail.protection.outlook.com']);
    assert.equal(c.lines.SmartHosts, '"SmartHosts": ["x.mail.protection.outlook.com"]');
  });

  it('reads serialized Exchange objects in JSON (address spaces, smart hosts, certificate name)', () => {
    const json = JSON.stringify({
      Name: 'B',
      AddressSpaces: [{ Type: 'SMTP', Address: '*', Cost: 1, IsLocal: false }],
      SmartHosts: [{ Domain: { HostnameString: 'contoso-com.mail.protection.outlook.com' }, IsIPAddress: false }],
      SourceTransportServers: [{ Name: 'EX01', DistinguishedName: 'CN=EX01,CN=Servers' }],
      TlsCertificateName: { CertificateIssuer: 'CN=Issuer, O=CA', CertificateSubject: 'CN=mail.contoso.com' },
    });
    const [c] = recognizePowerShell(json).sendConnectors;
    assert.deepEqual(c.addressSpaces, ['SMTP:*;1']);
    assert.deepEqual(c.smartHosts, ['contoso-com.mail.protection.outlook.com']);
    assert.deepEqual(c.sourceTransportServers, ['EX01']);
    assert.equal(c.tlsCertificateName, '<I>CN=Issuer, O=CA<S>CN=mail.contoso.com');
  });
});
