import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { CertificateSchema } from '../../../../engine/facts';
import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { repoRoot } from '../../../support/paths';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', name), 'utf8');

describe('recognizePowerShell: Get-ExchangeCertificate | Format-List', () => {
  const { certificates, sendConnectors } = recognizePowerShell(fixture('certificates-list.txt'));

  it('reads four certificates and nothing else', () => {
    assert.equal(certificates.length, 4);
    assert.equal(sendConnectors.length, 0);
    for (const c of certificates) CertificateSchema.parse(c);
  });

  it('reads a third-party SMTP certificate with a private key', () => {
    const c = certificates[0];
    assert.equal(c.thumbprint, '6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E');
    assert.equal(c.subject, 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US');
    assert.equal(c.issuer, 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US');
    assert.deepEqual(c.certificateDomains, ['mail.contoso.com', 'autodiscover.contoso.com', 'contoso.com']);
    assert.deepEqual(c.services, ['IMAP', 'POP', 'IIS', 'SMTP']);
    assert.equal(c.hasPrivateKey, true);
    assert.equal(c.notAfter, '3/14/2026 11:59:59 PM');
    assert.equal(c.status, 'Valid');
    assert.equal(c.truncated, undefined);
    assert.equal(c.lines.HasPrivateKey, 'HasPrivateKey : True');
  });

  it('reads a wildcard certificate without private key and a locale date', () => {
    const c = certificates[1];
    assert.equal(c.hasPrivateKey, false);
    assert.deepEqual(c.services, ['SMTP']);
    assert.deepEqual(c.certificateDomains, ['*.contoso.com', 'contoso.com']);
    assert.equal(c.notAfter, '01.02.2027 19:07:42');
  });

  it('reads an IIS-only internal-CA certificate with CertificateDomains cut', () => {
    const c = certificates[3];
    assert.deepEqual(c.services, ['IIS']);
    assert.deepEqual(c.truncated, ['CertificateDomains']);
    assert.equal(c.certificateDomains.length, 4);
    assert.equal(c.certificateDomains[3], 'legacy.contoso.com');
  });

  it('reads ConvertTo-Json output', () => {
    const json =
      '{"Thumbprint":"AB12","Subject":"CN=mail.contoso.com","Issuer":"CN=R3, O=Let\'s Encrypt, C=US",' +
      '"CertificateDomains":["mail.contoso.com"],"Services":"IIS, SMTP","HasPrivateKey":true,"NotAfter":"/Date(1767225599000)/"}';
    const [c] = recognizePowerShell(json).certificates;
    assert.deepEqual(c.services, ['IIS', 'SMTP']);
    assert.equal(c.hasPrivateKey, true);
    assert.deepEqual(c.certificateDomains, ['mail.contoso.com']);
    assert.equal(c.notAfter, '/Date(1767225599000)/');
  });
});
