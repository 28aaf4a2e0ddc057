import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { AcceptedDomainSchema } from '../../../../engine/facts';
import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { repoRoot } from '../../../support/paths';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', name), 'utf8');

describe('recognizePowerShell: Get-AcceptedDomain', () => {
  it('reads Format-List output', () => {
    const { acceptedDomains, sendConnectors } = recognizePowerShell(fixture('accepted-domains-list.txt'));
    assert.equal(sendConnectors.length, 0);
    assert.deepEqual(
      acceptedDomains.map((d) => [d.domainName, d.domainType, d.isDefault]),
      [
        ['contoso.com', 'Authoritative', true],
        ['sub.contoso.com', 'Authoritative', false],
        ['fabrikam.com', 'InternalRelay', false],
        ['contoso.mail.onmicrosoft.com', 'Authoritative', false],
      ],
    );
    assert.equal(acceptedDomains[0].line, 'DomainName : contoso.com');
    for (const d of acceptedDomains) AcceptedDomainSchema.parse(d);
  });

  it('reads the default table, including a Name with spaces and a cut cell', () => {
    const { acceptedDomains } = recognizePowerShell(fixture('accepted-domains-table.txt'));
    assert.deepEqual(
      acceptedDomains.map((d) => d.domainName),
      [
        'contoso.com',
        'sub.contoso.com',
        'fabrikam.com',
        'contoso.mail.onmicrosoft.com',
        'contosolongtenantname.onmic...',
      ],
    );
    assert.deepEqual(
      acceptedDomains.map((d) => d.isDefault),
      [true, false, false, false, false],
    );
    assert.equal(acceptedDomains[2].domainType, 'InternalRelay');
    assert.deepEqual(
      acceptedDomains.map((d) => d.truncated === true),
      [false, false, false, false, true],
    );
    assert.ok(acceptedDomains[1].line?.startsWith('Contoso Subdomain'));
    for (const d of acceptedDomains) AcceptedDomainSchema.parse(d);
  });

  it('reads a table whose padding a chat client collapsed', () => {
    const text =
      'Name DomainName DomainType Default\n---- ---------- ---------- -------\n' +
      'Contoso Main contoso.com Authoritative True\nfabrikam.com fabrikam.com InternalRelay False\n';
    const { acceptedDomains } = recognizePowerShell(text);
    assert.deepEqual(
      acceptedDomains.map((d) => [d.domainName, d.domainType, d.isDefault]),
      [
        ['contoso.com', 'Authoritative', true],
        ['fabrikam.com', 'InternalRelay', false],
      ],
    );
  });

  it('reads ConvertTo-Json output', () => {
    const json =
      '[{"Name":"contoso.com","DomainName":"contoso.com","DomainType":"Authoritative","Default":true},' +
      '{"Name":"Sub","DomainName":"sub.contoso.com","DomainType":"InternalRelay","Default":false}]';
    const { acceptedDomains } = recognizePowerShell(json);
    assert.deepEqual(
      acceptedDomains.map((d) => [d.domainName, d.domainType, d.isDefault]),
      [
        ['contoso.com', 'Authoritative', true],
        ['sub.contoso.com', 'InternalRelay', false],
      ],
    );
  });

  it('does not take Get-RemoteDomain output (DomainName without DomainType/Default) for accepted domains', () => {
    const text = 'Name           : Default\nDomainName     : *\nAllowedOOFType : External\n';
    assert.equal(recognizePowerShell(text).acceptedDomains.length, 0);
  });
});
