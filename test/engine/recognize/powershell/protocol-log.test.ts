import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { ProtocolLogSchema } from '../../../../engine/facts';
import { recognizePowerShell } from '../../../../engine/recognize/powershell';
import { parseProtocolLog, splitCsvLine } from '../../../../engine/recognize/powershell/protocol-log';
import { repoRoot } from '../../../support/paths';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', name), 'utf8');

describe('recognizePowerShell: Send protocol log lines', () => {
  it('reads the certificate sent, not the one received from EOP', () => {
    const { protocolLogs } = recognizePowerShell(fixture('protocol-log-certificate.log'));
    assert.equal(protocolLogs.length, 1);
    const log = ProtocolLogSchema.parse(protocolLogs[0]);
    assert.equal(log.subject, 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US');
    assert.equal(log.issuer, 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US');
    assert.equal(log.thumbprint, '6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E');
    assert.deepEqual(log.alternateNames, ['mail.contoso.com', 'autodiscover.contoso.com', 'contoso.com']);
    assert.deepEqual(log.tlsErrors, []);
    assert.equal(log.remoteHost, 'AM4PEPF00027A5F.mail.protection.outlook.com');
    assert.equal(log.lines.length, 5);
    assert.ok(log.lines.every((l) => !l.includes('mail.protection.outlook.com;')));
  });

  it('reads TLS negotiation failures', () => {
    const { protocolLogs } = recognizePowerShell(fixture('protocol-log-nocredentials.log'));
    assert.equal(protocolLogs.length, 1);
    assert.deepEqual(protocolLogs[0].tlsErrors, ['NoCredentials']);
    assert.equal(protocolLogs[0].remoteHost, '104.47.20.36');
    assert.equal(protocolLogs[0].subject, undefined);
  });

  it('reads partial lines without session fields (as quoted in the docs)', () => {
    const logs = parseProtocolLog(
      '…,*,CN=*.contoso.com,Certificate subject\n' +
        '…,*,,TLS negotiation failed with error UnknownCredentials.\n…,*,,TLS negotiation failed with error SocketError',
    );
    assert.equal(logs.length, 1);
    assert.equal(logs[0].subject, 'CN=*.contoso.com');
    assert.deepEqual(logs[0].tlsErrors, ['UnknownCredentials', 'SocketError']);
  });

  it('without markers, skips a certificate block naming a Microsoft host', () => {
    const logs = parseProtocolLog(
      'x,*,"CN=mail.protection.outlook.com, O=Microsoft Corporation",Certificate subject\n' +
        'x,*,mail.protection.outlook.com,Certificate alternate names\n',
    );
    assert.equal(logs.length, 0);
  });

  it('keeps sessions apart', () => {
    const line = (s: string, data: string, ctx: string): string =>
      `2025-05-02T10:00:00.000Z,Outbound,${s},1,10.0.0.5:1,104.47.0.1:25,*,"${data}",${ctx}`;
    const logs = parseProtocolLog(
      [line('A', 'CN=a.contoso.com', 'Certificate subject'), line('B', 'CN=b.contoso.com', 'Certificate subject')].join(
        '\n',
      ),
    );
    assert.deepEqual(
      logs.map((l) => l.subject),
      ['CN=a.contoso.com', 'CN=b.contoso.com'],
    );
    assert.deepEqual(
      logs.map((l) => l.remoteHost),
      ['104.47.0.1', '104.47.0.1'],
    );
  });

  it('splits CSV with quoted commas and doubled quotes', () => {
    assert.deepEqual(splitCsvLine('a,"b, c","d ""e""",'), ['a', 'b, c', 'd "e"', '']);
  });
});
