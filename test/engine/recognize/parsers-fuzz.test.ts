import assert from 'node:assert/strict';

import fc from 'fast-check';

import { buildFacts, diagnose } from '../../../engine/index';
import { recognizeNdrUnguarded } from '../../../engine/recognize/ndr';
import { parseAcceptedDomainTable } from '../../../engine/recognize/powershell/accepted-domain-table';
import { parseFormatList } from '../../../engine/recognize/powershell/format-list';
import { parseJsonOutput } from '../../../engine/recognize/powershell/json-output';
import { parseProtocolLog } from '../../../engine/recognize/powershell/protocol-log';

// The public recognizers catch everything (a paste must never crash a turn), so fuzzing them could not
// fail. These properties fuzz the parsers underneath, without the safety net.

const FRAGMENTS = [
  'Name : Internet',
  'SmartHosts : {a.mail.protection.outlook.com, ...}',
  'RequireTLS : False',
  'TlsCertificateName : <I>CN=a, O=b<S>CN=c',
  '{"Name":"x","ConnectorType":"OnPremises","SenderIPAddresses":["1.2.3.4"]}',
  '[{"DomainName":"contoso.com"}]',
  "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'",
  '#550 5.4.1 Relay Access Denied ##',
  'Content-Type: multipart/report; boundary="b"',
  '--b',
  'Content-Transfer-Encoding: base64',
  'Diagnostic-Code: smtp;550 5.7.1',
  '2026-01-01T00:00:00.000Z,Internet,08DD,1,10.0.0.5:1,1.2.3.4:25,*,CN=*.contoso.com,Certificate subject',
  'Name DomainName DomainType Default',
  '---- ---------- ---------- -------',
  '<html><body>',
  '=?utf-8?B?w6Q=?=',
  '+AGQ-',
];

const pasteLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 80 })), { maxLength: 40 })
  .map((parts) => parts.join('\n'));

describe('parsers under the recognizers (fuzzed without the catch-all)', () => {
  const parsers: Array<[string, (s: string) => unknown]> = [
    ['recognizeNdrUnguarded', recognizeNdrUnguarded],
    ['parseFormatList', parseFormatList],
    ['parseJsonOutput', parseJsonOutput],
    ['parseProtocolLog', parseProtocolLog],
    ['parseAcceptedDomainTable', parseAcceptedDomainTable],
  ];
  for (const [name, parse] of parsers) {
    it(`${name} never throws on paste-like text`, () => {
      fc.assert(
        fc.property(pasteLike, (text) => {
          parse(text);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('diagnose() of any recognized mixture validates and never throws', () => {
    fc.assert(
      fc.property(fc.array(pasteLike, { maxLength: 3 }), (texts) => {
        const v = diagnose(buildFacts(texts));
        assert.ok(v.family.length > 0);
      }),
      { numRuns: 200 },
    );
  });
});
