// Any text → no throw, empty results for what is not PowerShell output, linear time on big pastes.
import assert from 'node:assert/strict';

import fc from 'fast-check';

import { recognizePowerShell } from '../../../../engine/recognize/powershell';

const total = (t: string): number => {
  const f = recognizePowerShell(t);
  return (
    f.sendConnectors.length +
    f.inboundConnectors.length +
    f.acceptedDomains.length +
    f.certificates.length +
    f.protocolLogs.length
  );
};

// Pieces of real output, so generated text reaches the parsers' inner branches.
const PIECES = [
  'Name : x',
  'SmartHosts : {a, b...}',
  'DNSRoutingEnabled : True',
  'TlsSenderCertificateName :',
  '    continued',
  '{',
  '[',
  '}',
  ']',
  '"Name": 1,',
  'DomainName DomainType',
  '---- ----------',
  ',*,CN=x,Certificate subject',
  'TLS negotiation failed with error NoCredentials',
  '[PS] C:\\>',
  '',
  '\r',
  '\u00A0',
  '\u2026',
  '<I>',
  '<S>',
];

describe('recognizePowerShell robustness', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        recognizePowerShell(s);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on shuffled pieces of real output', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', ' '),
        (parts, sep) => {
          const facts = recognizePowerShell(parts.join(sep));
          for (const c of facts.sendConnectors) assert.ok(Array.isArray(c.smartHosts));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns nothing for prose, an NDR or an empty string', () => {
    assert.equal(total(''), 0);
    assert.equal(total('Hello, our mail to gmail bounces with relay access denied. What do we do?'), 0);
    const ndr =
      'Delivery has failed to these recipients or groups:\n\nDiagnostic information for administrators:\n' +
      "Generating server: EX01.contoso.com\nRemote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'\n" +
      'From: a@contoso.com\nSubject: test';
    assert.equal(total(ndr), 0);
  });

  it('handles 5 MB of garbage quickly', function () {
    this.timeout(20000);
    const line =
      'Name      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa : {{{{ ,,,, """" <I><S> ...\u2026 [[[ Certificate subject 220 ';
    const garbage = `${line.repeat(8)}\n${'x'.repeat(200000)}\n`.repeat(Math.ceil(5_000_000 / 200_900));
    assert.ok(garbage.length >= 5_000_000);
    const t0 = Date.now();
    recognizePowerShell(garbage);
    recognizePowerShell(`[${garbage}`);
    recognizePowerShell(garbage.replace(/\n/g, '\n    '));
    assert.ok(Date.now() - t0 < 8000, `took ${Date.now() - t0} ms`);
  });
});
