import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { bytesToText, type NdrFacts } from '../../../../engine/index';
import { recognizeNdr } from '../../../../engine/recognize/ndr';
import { classifyNdr } from '../../../../engine/recognize/ndr/classify-ndr';
import type { Family } from '../../../../engine/vocabulary';
import { repoRoot } from '../../../support/paths';

// Fixtures written for this project (test/fixtures/ndr, each with a header naming the source of its strings):
// the tenant-attribution family in every layout, and near misses beside them.

const dir = path.join(repoRoot, 'test', 'fixtures', 'ndr');

function read(file: string): NdrFacts[] {
  return recognizeNdr(bytesToText(new Uint8Array(fs.readFileSync(path.join(dir, file)))));
}

interface Expect {
  file: string;
  family: Family;
  layout: NdrFacts['layout'];
  patternId: string;
  enhancedStatus: string;
  attr?: string;
  remoteServer?: string;
  generatingServer?: string;
  rejectedBy: NdrFacts['rejectedBy'];
  recipients: string[];
  senderDomain?: string;
  replyHost?: string;
  remoteIp?: string;
  language?: string;
}

const EOP = 'contoso-com.mail.protection.outlook.com';
const GEN = 'EX2019-01.corp.contoso.com';

const CASES: Expect[] = [
  {
    file: 'exchange2010-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2010',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: 'EX2010.corp.contoso.com',
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    senderDomain: 'contoso.com',
    replyHost: 'AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com',
    language: 'en',
  },
  {
    file: 'exchange2010-541.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2010',
    patternId: 'eop.5.4.1.relay-access-denied',
    enhancedStatus: '5.4.1',
    remoteServer: EOP,
    generatingServer: 'EX2010.corp.contoso.com',
    rejectedBy: 'remote',
    recipients: ['pat@fabrikam.example'],
    senderDomain: 'contoso.com',
  },
  {
    file: 'exchange2013-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    senderDomain: 'contoso.com',
    replyHost: 'DM3NAM02FT046.eop-nam02.prod.protection.outlook.com',
  },
  {
    file: 'exo-modern-attr36.txt',
    family: 'eop-relay-denied',
    layout: 'exo-modern',
    patternId: 'eop.5.7.64.attr36',
    enhancedStatus: '5.7.64',
    attr: 'ATTR36',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['lee@fabrikam.example'],
    senderDomain: 'contoso.com',
  },
  {
    file: 'dsn-5751.eml',
    family: 'eop-relay-denied',
    layout: 'dsn',
    patternId: 'eop.5.7.51.tenant-inbound-attribution',
    enhancedStatus: '5.7.51',
    remoteServer: 'contoso-mail-onmicrosoft-com.mail.protection.outlook.com',
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    senderDomain: 'contoso.com',
    replyHost: 'CH3PEPF00000016.namprd21.prod.outlook.com',
  },
  {
    file: 'mime-qp-5764.eml',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['renee@fabrikam.example'],
    senderDomain: 'contoso.com',
  },
  {
    file: 'mime-base64-5764.eml',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    senderDomain: 'contoso.com',
  },
  {
    file: 'mime-utf7-de-5764.eml',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['joerg@fabrikam.example'],
    senderDomain: 'contoso.com',
    language: 'de',
  },
  {
    file: 'queue-lasterror.txt',
    family: 'eop-relay-denied',
    layout: 'queue-lasterror',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    rejectedBy: 'remote',
    recipients: [],
    remoteIp: '52.101.194.15',
  },
  {
    file: 'message-tracking-5751.txt',
    family: 'eop-relay-denied',
    layout: 'message-tracking',
    patternId: 'eop.5.7.51.tenant-inbound-attribution',
    enhancedStatus: '5.7.51',
    remoteServer: 'contoso-mail-onmicrosoft-com.mail.protection.outlook.com',
    rejectedBy: 'remote',
    recipients: [],
  },
  {
    file: 'html-5764.html',
    family: 'eop-relay-denied',
    layout: 'html',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    senderDomain: 'contoso.com',
  },
  {
    file: 'postfix-5764.txt',
    family: 'eop-relay-denied',
    layout: 'postfix',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    remoteIp: '52.101.194.15',
    replyHost: 'BN1NAM02FT011.eop-nam02.prod.protection.outlook.com',
  },
  {
    file: 'localized-de-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['max@fabrikam.example'],
    senderDomain: 'contoso.de',
    language: 'de',
  },
  {
    file: 'localized-fr-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['claire@fabrikam.example'],
    senderDomain: 'contoso.fr',
    language: 'fr',
  },
  {
    file: 'localized-es-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['carmen@fabrikam.example'],
    senderDomain: 'contoso.es',
    language: 'es',
  },
  {
    file: 'localized-ja-5764.txt',
    family: 'eop-relay-denied',
    layout: 'exchange2013',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    remoteServer: EOP,
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['taro@fabrikam.example'],
    senderDomain: 'contoso.co.jp',
    language: 'ja',
  },
  {
    file: 'bare-reply.txt',
    family: 'eop-relay-denied',
    layout: 'smtp-reply',
    patternId: 'eop.5.7.64.tenant-attribution',
    enhancedStatus: '5.7.64',
    rejectedBy: 'unknown',
    recipients: [],
  },
  // near misses
  {
    file: 'near-dbeb-541.txt',
    family: 'eop-recipient-rejected',
    layout: 'exchange2013',
    patternId: 'eop.5.4.1.dbeb-recipient-rejected',
    enhancedStatus: '5.4.1',
    remoteServer: 'fabrikam-example.mail.protection.outlook.com',
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['nobody@fabrikam.example'],
  },
  {
    file: 'near-banned-606.txt',
    family: 'eop-sender-blocked',
    layout: 'postfix',
    patternId: 'eop.5.7.606-649.banned-ip',
    enhancedStatus: '5.7.606',
    remoteServer: 'dkarausch-eu.mail.protection.outlook.com',
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
    remoteIp: '104.47.8.36',
  },
  {
    file: 'near-557-client-submission.txt',
    family: 'eop-wrong-endpoint',
    layout: 'exchange2013',
    patternId: 'eop.5.7.57.client-not-authenticated',
    enhancedStatus: '5.7.57',
    remoteServer: 'smtp.office365.com',
    generatingServer: GEN,
    rejectedBy: 'remote',
    recipients: ['kim@fabrikam.example'],
  },
  {
    file: 'onprem-5754.txt',
    family: 'onprem-relay-denied',
    layout: 'exchange2013',
    patternId: 'onprem.5.7.54.unable-to-relay',
    enhancedStatus: '5.7.54',
    generatingServer: GEN,
    rejectedBy: 'generating',
    recipients: ['kim@fabrikam.example'],
  },
  {
    file: 'wrapped-starttls.txt',
    family: 'tls-failure',
    layout: 'smtp-reply',
    patternId: 'eop.5.7.3.starttls-required',
    enhancedStatus: '5.7.3',
    rejectedBy: 'unknown',
    recipients: [],
  },
];

describe('NDR recognizer: fixtures in every layout', () => {
  it('has a test case for every fixture file', () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort();
    assert.deepEqual(files, CASES.map((c) => c.file).sort());
  });

  for (const c of CASES) {
    it(`${c.file} → ${c.family} (${c.layout})`, () => {
      const ndrs = read(c.file);
      assert.equal(ndrs.length, 1, `one failure expected, got ${ndrs.map((n) => n.diagnostic).join(' | ')}`);
      const n = ndrs[0];
      assert.equal(classifyNdr(n).family, c.family);
      assert.equal(n.patternId, c.patternId);
      assert.equal(n.layout, c.layout);
      assert.equal(n.enhancedStatus, c.enhancedStatus);
      assert.equal(n.attr, c.attr);
      assert.equal(n.remoteServer, c.remoteServer);
      assert.equal(n.generatingServer, c.generatingServer);
      assert.equal(n.rejectedBy, c.rejectedBy);
      assert.deepEqual(
        n.recipients.map((r) => r.toLowerCase()),
        c.recipients,
      );
      assert.equal(n.senderDomain, c.senderDomain);
      if (c.replyHost) assert.equal(n.replyHost, c.replyHost);
      if (c.remoteIp) assert.equal(n.remoteIp, c.remoteIp);
      if (c.language) assert.equal(n.language, c.language);
      assert.ok(
        n.diagnostic && n.evidence.some((e) => e.includes(n.enhancedStatus ?? '#')),
        'the reply line is kept as evidence',
      );
    });
  }

  it('keeps the exact Exchange 2010 form as the diagnostic', () => {
    assert.equal(read('exchange2010-541.txt')[0].diagnostic, '#550 5.4.1 Relay Access Denied ##');
  });

  it('decodes UTF-7 and quoted-printable text, not just the reply', () => {
    const qp = read('mime-qp-5764.eml')[0];
    assert.equal(qp.diagnostic, '550 5.7.64 TenantAttribution; Relay Access Denied SMTP');
    assert.equal(qp.sender, 'alex@contoso.com');
    const u7 = read('mime-utf7-de-5764.eml')[0];
    assert.ok(u7.evidence.includes('Generierender Server: EX2019-01.corp.contoso.com'));
  });
});
