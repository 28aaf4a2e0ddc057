import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { type InboundConnector, InboundConnectorSchema } from '../../../../engine/facts';
import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { repoRoot } from '../../../support/paths';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', name), 'utf8');

function onlyInbound(name: string): InboundConnector {
  const facts = recognizePowerShell(fixture(name));
  assert.equal(facts.inboundConnectors.length, 1, `${name}: one inbound connector`);
  assert.equal(facts.sendConnectors.length + facts.acceptedDomains.length + facts.certificates.length, 0);
  return InboundConnectorSchema.parse(facts.inboundConnectors[0]);
}

describe('recognizePowerShell: Get-InboundConnector', () => {
  it('reads a healthy certificate-based OnPremises connector (HCW)', () => {
    const c = onlyInbound('inbound-cert-onpremises.txt');
    assert.ok(c.name.startsWith('Inbound from '));
    assert.equal(c.enabled, true);
    assert.equal(c.connectorType, 'OnPremises');
    assert.equal(c.connectorSource, 'HybridWizard');
    assert.deepEqual(c.senderDomains, ['smtp:*;1']);
    assert.deepEqual(c.senderIPAddresses, []);
    assert.equal(c.tlsSenderCertificateName, '*.contoso.com');
    assert.equal(c.requireTls, true);
    assert.equal(c.restrictDomainsToIPAddresses, false);
    assert.equal(c.restrictDomainsToCertificate, false);
    assert.equal(c.cloudServicesMailEnabled, true);
    assert.equal(c.treatMessagesAsInternal, false);
    assert.equal(c.lines.TlsSenderCertificateName, 'TlsSenderCertificateName : *.contoso.com');
    assert.equal(c.lines.ConnectorType, 'ConnectorType : OnPremises');
  });

  it('reads an IP-based connector: addresses and CIDR, empty certificate name', () => {
    const c = onlyInbound('inbound-ip-based.txt');
    assert.deepEqual(c.senderIPAddresses, ['203.0.113.10', '203.0.113.11', '198.51.100.0/28']);
    assert.equal(c.tlsSenderCertificateName, '');
    assert.equal(c.requireTls, false);
    assert.equal(c.connectorSource, 'Default');
  });

  it('reads a disabled connector', () => {
    const c = onlyInbound('inbound-disabled.txt');
    assert.equal(c.enabled, false);
    assert.equal(c.lines.Enabled, 'Enabled : False');
  });

  it('reads a Partner connector', () => {
    const c = onlyInbound('inbound-partner.txt');
    assert.equal(c.connectorType, 'Partner');
    assert.deepEqual(c.senderDomains, ['smtp:contoso.com;1']);
    assert.equal(c.restrictDomainsToCertificate, false);
  });

  it('reads a Partner connector with RestrictDomainsToCertificate True', () => {
    const c = onlyInbound('inbound-partner-restrict-cert.txt');
    assert.equal(c.connectorType, 'Partner');
    assert.equal(c.connectorSource, 'AdminUI');
    assert.equal(c.restrictDomainsToCertificate, true);
    assert.equal(c.lines.RestrictDomainsToCertificate, 'RestrictDomainsToCertificate : True');
    assert.equal(c.tlsSenderCertificateName, 'mail.contoso.com');
  });

  it('reads a connector whose certificate name is the old one', () => {
    assert.equal(onlyInbound('inbound-wrong-cert-name.txt').tlsSenderCertificateName, 'smtp.contoso-old.com');
  });

  it('reads ConvertTo-Json output (enums as strings, null certificate name)', () => {
    const { inboundConnectors } = recognizePowerShell(fixture('inbound-connectors.json.txt'));
    assert.equal(inboundConnectors.length, 2);
    const [hcw, partner] = inboundConnectors.map((c) => InboundConnectorSchema.parse(c));
    assert.equal(hcw.connectorType, 'OnPremises');
    assert.equal(hcw.tlsSenderCertificateName, 'mail.contoso.com');
    assert.deepEqual(hcw.senderIPAddresses, []);
    assert.equal(partner.enabled, false);
    assert.equal(partner.connectorType, 'Partner');
    assert.equal(partner.connectorSource, 'Migrated');
    assert.equal(partner.tlsSenderCertificateName, undefined);
    assert.equal(partner.restrictDomainsToIPAddresses, true);
    assert.deepEqual(partner.senderIPAddresses, ['203.0.113.10']);
    assert.equal(partner.lines.ConnectorType, '"ConnectorType":  "Partner",');
  });

  it('keeps a numeric ConnectorType as its text (no documented number mapping)', () => {
    const { inboundConnectors } = recognizePowerShell(
      '{"Name": "x", "ConnectorType": 1, "SenderDomains": ["smtp:*;1"]}',
    );
    assert.equal(inboundConnectors[0].connectorType, '1');
  });
});
