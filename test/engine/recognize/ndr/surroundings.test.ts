import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { buildFacts, diagnose, type Family, type NdrFacts } from '../../../../engine/index';
import { recognizeNdr } from '../../../../engine/recognize/ndr';
import { repoRoot } from '../../../support/paths';

// The failure inside whatever surrounds it (test/fixtures/surroundings, written for this project from the
// documented reply strings): application exceptions and logs, SMTP transcripts (the server's lines, not
// the client's), prose, forum remnants, forwarded and quoted NDRs, a flattened NDR, queue and tracking
// forms. Each must give the family, the pattern and the answering side.

const dir = path.join(repoRoot, 'test', 'fixtures', 'surroundings');

interface Case {
  file: string;
  family: Family;
  patternId: string;
  rejectedBy?: NdrFacts['rejectedBy'];
  enhancedStatus?: string;
  diagnosticStarts?: string;
}

const T = 'eop.5.7.64.tenant-attribution';
const CASES: Case[] = [
  {
    file: 'python-smtplib-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    enhancedStatus: '5.7.64',
    diagnosticStarts: '550 5.7.64 TenantAttribution',
  },
  {
    file: 'phpmailer-debug-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    enhancedStatus: '5.7.64',
  },
  { file: 'nodemailer-5764.txt', family: 'eop-relay-denied', patternId: T, enhancedStatus: '5.7.64' },
  {
    file: 'mailkit-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    enhancedStatus: '5.7.64',
    diagnosticStarts: '5.7.64 TenantAttribution',
  },
  {
    file: 'javamail-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    enhancedStatus: '5.7.64',
  },
  {
    file: 'system-net-mail-5754.txt',
    family: 'onprem-relay-denied',
    patternId: 'onprem.5.7.54.unable-to-relay',
    enhancedStatus: '5.7.54',
    diagnosticStarts: '5.7.54 SMTP; Unable to relay',
  },
  {
    file: 'send-mailmessage-5754.txt',
    family: 'onprem-relay-denied',
    patternId: 'onprem.5.7.54.unable-to-relay',
    enhancedStatus: '5.7.54',
  },
  {
    file: 'printer-log-557.txt',
    family: 'eop-wrong-endpoint',
    patternId: 'eop.5.7.57.client-not-authenticated',
    rejectedBy: 'remote',
    enhancedStatus: '5.7.57',
  },
  {
    file: 'swaks-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    diagnosticStarts: '550 5.7.64',
  },
  {
    file: 'telnet-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    diagnosticStarts: '550 5.7.64',
  },
  {
    file: 'openssl-client-echo.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    diagnosticStarts: '550 5.7.64',
  },
  {
    file: 'prose-no-code-5754.txt',
    family: 'onprem-relay-denied',
    patternId: 'onprem.5.7.54.unable-to-relay',
    rejectedBy: 'unknown',
  },
  {
    file: 'prose-code-only-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'unknown',
    enhancedStatus: '5.7.64',
  },
  {
    file: 'markdown-html-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    rejectedBy: 'remote',
    diagnosticStarts: '550 5.7.64 TenantAttribution; Relay Access Denied [DM3NAM02FT046',
  },
  {
    file: 'german-commentary-5764.txt',
    family: 'eop-relay-denied',
    patternId: T,
    diagnosticStarts: '550 5.7.64 TenantAttribution; Relay Access Denied',
  },
  { file: 'quoted-forwarded-5764.txt', family: 'eop-relay-denied', patternId: T, rejectedBy: 'remote' },
  { file: 'one-line-ndr-5764.txt', family: 'eop-relay-denied', patternId: T, rejectedBy: 'remote' },
  { file: 'queue-wrapped-blank-lines.txt', family: 'connection-failure', patternId: 'onprem.4.2.1.unable-to-connect' },
  { file: 'lri-led-form.txt', family: 'eop-relay-denied', patternId: T, rejectedBy: 'remote' },
  { file: 'tracking-recipientstatus-extra.txt', family: 'eop-relay-denied', patternId: T, rejectedBy: 'remote' },
  {
    file: 'opposite-4-4-316.txt',
    family: 'other-failure',
    patternId: 'exo.4.4.31x.onprem-unreachable',
    rejectedBy: 'remote',
  },
];

describe('NDR recognizer: the failure inside whatever surrounds it', () => {
  it('has a case for every file', () => {
    assert.deepEqual(fs.readdirSync(dir).sort(), CASES.map((c) => c.file).sort());
  });

  for (const c of CASES) {
    it(`${c.file} → ${c.family} (${c.patternId})`, () => {
      const text = fs.readFileSync(path.join(dir, c.file), 'utf8');
      const ndrs = recognizeNdr(text);
      assert.equal(ndrs.length, 1, ndrs.map((n) => n.diagnostic).join(' | '));
      const n = ndrs[0];
      assert.equal(n.patternId, c.patternId);
      if (c.rejectedBy) assert.equal(n.rejectedBy, c.rejectedBy);
      if (c.enhancedStatus) assert.equal(n.enhancedStatus, c.enhancedStatus);
      if (c.diagnosticStarts) assert.ok(n.diagnostic?.startsWith(c.diagnosticStarts), n.diagnostic);
      assert.equal(diagnose(buildFacts([text])).family, c.family);
    });
  }

  it('never takes a client line of a transcript for the reply', () => {
    const ndrs = recognizeNdr(
      'C: RCPT TO:<kim@fabrikam.example>\n> MAIL FROM:<550 5.7.64@contoso.com>\nS: 250 2.1.5 Recipient OK',
    );
    assert.deepEqual(ndrs, []);
  });

  it('prose that merely mentions a generic code or word stays unrecognized', () => {
    assert.deepEqual(recognizeNdr('We had an error last week, something like 5.1.1, but it went away.'), []);
    assert.deepEqual(recognizeNdr('Our relay server is fine and the printer sends mail.'), []);
  });
});
