import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import iconv from 'iconv-lite';

import { bytesToText, type NdrFacts, NdrFactsSchema, recognize } from '../../../../engine/index';
import { htmlToText } from '../../../../engine/mime/html-to-text';
import { recognizeNdr } from '../../../../engine/recognize/ndr';
import { classifyNdr } from '../../../../engine/recognize/ndr/classify-ndr';
import { repoRoot } from '../../../support/paths';

// The recognizer must never throw, must stay linear in its input, and must read every transfer encoding,
// charset and line-ending convention the same way.

const REPLY =
  "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]'";
const FRAGMENTS = [
  REPLY,
  '#550 5.4.1 Relay Access Denied ##',
  'Diagnostic-Code: smtp;550 5.7.51 TenantInboundAttribution;',
  'Final-Recipient: rfc822;a@b.example',
  'Reporting-MTA: dns;ex01.contoso.com',
  'Remote-MTA: dns;',
  'Generating server: ',
  'host x.example[192.0.2.1] said: ',
  '{LED=',
  '};{FQDN=',
  'Content-Type: multipart/report; boundary="b"',
  '--b',
  '--b--',
  'Content-Transfer-Encoding: base64',
  'Content-Transfer-Encoding: quoted-printable',
  'charset=unicode-1-1-utf-7',
  '+AGQ-',
  '=3D=',
  '<html><p>',
  '&#39;',
  '<<< ',
  '(reason: ',
  '#SMTP#',
  '550 5.5.5.5.5.5.5.5',
  '[[[[',
  "''''",
  ' ',
  '\n',
  '\r\n',
  '\r',
];

function safe(text: string): NdrFacts[] {
  const out = recognizeNdr(text);
  for (const n of out) {
    NdrFactsSchema.parse(n);
    classifyNdr(n);
  }
  return out;
}

function fixture(file: string): string {
  return fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ndr', file), 'utf8');
}

function timeOf(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const t = process.hrtime.bigint();
    recognizeNdr(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return best;
}

describe('NDR recognizer: robustness', function () {
  this.timeout(120000);

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        safe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on strings built from NDR fragments', () => {
    const arb = fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })), { maxLength: 120 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(arb, (s) => {
        safe(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on any bytes (through bytesToText)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (b) => {
        safe(bytesToText(b));
      }),
      { numRuns: 300 },
    );
  });

  it('htmlToText never throws and drops every tag', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        htmlToText(s);
      }),
      { numRuns: 300 },
    );
    const text = htmlToText('<p>a&amp;b</p><script>550 5.7.64</script><br>c<!-- 550 5.7.64 --><style>x</style>');
    assert.deepEqual(
      text.split('\n').filter((l) => l !== ''),
      ['a&b', 'c'],
    );
  });

  it('reads a 5 MB paste and still finds the reply at its start', () => {
    const big = `${REPLY}\n${'ordinary words in a very long paste 12345 host.example.com\n'.repeat(90000)}`;
    assert.ok(big.length > 5_000_000);
    const out = safe(big);
    assert.equal(out[0]?.enhancedStatus, '5.7.64');
  });

  it('handles very long lines (a 4 MB line, a line of code pairs, a line of brackets)', () => {
    safe('x'.repeat(4_000_000));
    safe(`550 5.7.64 ${'550 5.5.5.5.'.repeat(200000)}`);
    safe(`550 5.7.64 TenantAttribution ${'['.repeat(500000)}`);
    safe(`<${'<a '.repeat(300000)}`);
    safe('=\n'.repeat(500000));
  });

  it('grows linearly: 4 MB takes less than 8 times as long as 1 MB', () => {
    const unit = `${REPLY}\nGenerating server: ex01.contoso.com\nkim@fabrikam.example\nsome text with 550 and 5.7 in it\n`;
    const one = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const four = unit.repeat(Math.ceil(4_000_000 / unit.length));
    timeOf(one); // warm up
    const ratio = timeOf(four) / timeOf(one);
    assert.ok(ratio < 8, `ratio ${ratio.toFixed(2)}`);
    const mime = 'From: a@b.example\nMIME-Version: 1.0\nContent-Type: text/plain\n\n';
    const ratioMime = timeOf(mime + four) / timeOf(mime + one);
    assert.ok(ratioMime < 8, `MIME ratio ${ratioMime.toFixed(2)}`);
  });

  it('nested multipart grows linearly: 4 times the nesting and size takes less than 8 times as long', () => {
    const nested = (depth: number) => {
      let msg = 'From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b0"\n\n';
      for (let i = 1; i < depth; i += 1)
        msg += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n${'a line of text in a part\n'.repeat(30)}`;
      return `${msg}--b${depth - 1}\nContent-Type: text/plain\n\n${REPLY}\n`;
    };
    const one = nested(100);
    const four = nested(400);
    const best = (t: string) => Math.min(timeOf(t), timeOf(t)); // best of 6: the machine is shared
    best(one); // warm up
    const ratio = best(four) / best(one);
    assert.ok(ratio < 8, `ratio ${ratio.toFixed(2)} (${one.length} → ${four.length} chars)`);
    assert.equal(safe(four)[0]?.enhancedStatus, '5.7.64', 'the reply past the cap is still found (raw scan)');
  });

  it('runs of bare CR (and of blank lines) cost no more than ordinary text of the same length', () => {
    const size = 1_000_000;
    const text =
      `${REPLY}\n${'ordinary words in a paste, host.example.com 12345\n'.repeat(Math.ceil(size / 50))}`.slice(0, size);
    const timeRecognize = (t: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i += 1) {
        const start = process.hrtime.bigint();
        recognize(t);
        best = Math.min(best, Number(process.hrtime.bigint() - start));
      }
      return best;
    };
    timeRecognize(text); // warm up
    const base = timeRecognize(text);
    for (const [name, shape] of [
      ['CR', '\r'],
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['spaces and CR', '  \r'],
    ] as const) {
      const runs = `${REPLY}\n${shape.repeat(Math.ceil(size / shape.length))}`.slice(0, size);
      const ratio = timeRecognize(runs) / base;
      assert.ok(ratio < 2, `${name}: ${ratio.toFixed(2)} times the time of ordinary text`);
      assert.equal(
        recognize(runs).facts.ndrs?.[0]?.enhancedStatus,
        '5.7.64',
        `${name}: the reply before the run is found`,
      );
    }
  });

  it('survives 200 levels of nested multipart and still finds the reply', () => {
    let msg = 'From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b0"\n\n';
    for (let i = 1; i < 200; i += 1) msg += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
    msg += `--b199\nContent-Type: text/plain\n\n${REPLY}\n`;
    const out = safe(msg);
    assert.equal(out[0]?.patternId, 'eop.5.7.64.tenant-attribution');
  });

  it('survives more MIME parts than the parser allows (falls back to the raw text)', () => {
    let msg = 'From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n';
    for (let i = 0; i < 1200; i += 1) msg += '--b\nContent-Type: text/plain\n\nx\n';
    msg += `--b\nContent-Type: text/plain\n\n${REPLY}\n--b--\n`;
    assert.equal(safe(msg)[0]?.enhancedStatus, '5.7.64');
  });

  it('reads CRLF and CR-only copies like the LF original', () => {
    const lf = fixture('exchange2013-5764.txt');
    const strip = (n: NdrFacts) => ({ ...n, evidence: [] as string[] });
    const a = safe(lf).map(strip);
    assert.deepEqual(safe(lf.replace(/\n/g, '\r\n')).map(strip), a);
    assert.deepEqual(safe(lf.replace(/\n/g, '\r')).map(strip), a);
    const eml = fixture('dsn-5751.eml');
    assert.deepEqual(safe(eml.replace(/\n/g, '\r')).map(strip), safe(eml).map(strip));
  });

  it('reads a message with blank lines before its headers', () => {
    const out = safe(`\n\n   \n${fixture('dsn-5751.eml')}`);
    assert.equal(out[0]?.patternId, 'eop.5.7.51.tenant-inbound-attribution');
    assert.equal(out[0]?.senderDomain, 'contoso.com');
  });

  it('reads truncated MIME and a multipart without a usable boundary', () => {
    const eml = fixture('mime-base64-5764.eml');
    const cut = eml.slice(0, eml.indexOf('--b64-b\nContent-Type: message/rfc822'));
    assert.equal(safe(cut)[0]?.enhancedStatus, '5.7.64');
    const noBoundary = fixture('dsn-5751.eml').replace('boundary="b1_dsn"', 'boundary="nowhere"');
    assert.equal(safe(noBoundary)[0]?.patternId, 'eop.5.7.51.tenant-inbound-attribution');
  });

  it('decodes base64 KOI8-R and UTF-7 parts through iconv-lite (windows-1252: mime-qp fixture)', () => {
    const text = 'Сообщение не доставлено.\nkim@fabrikam.example\n550 5.7.64 TenantAttribution; Relay Access Denied\n';
    const koi = iconv.encode(text, 'koi8-r').toString('base64');
    const msg = `From: postmaster@contoso.com\nMIME-Version: 1.0\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n${koi}\n`;
    const out = safe(msg);
    assert.equal(out[0]?.enhancedStatus, '5.7.64');
    assert.deepEqual(out[0]?.recipients, ['kim@fabrikam.example']);
    const utf7 = iconv
      .encode('Generierender Server: ex01.contoso.com\n550 5.7.64 TenantAttribution; Relay Access Denied\n', 'utf-7')
      .toString('latin1');
    const m7 = `From: postmaster@contoso.com\nMIME-Version: 1.0\nContent-Type: text/plain; charset=unicode-1-1-utf-7\n\n${utf7}\n`;
    const o7 = safe(m7);
    assert.equal(o7[0]?.generatingServer, 'ex01.contoso.com');
    assert.equal(o7[0]?.language, 'de');
  });

  it('returns nothing for plain questions, auto-replies and abuse reports', () => {
    assert.deepEqual(safe('Hi, our mail to external recipients bounces since yesterday. Any idea why?'), []);
    assert.deepEqual(safe(''), []);
    assert.deepEqual(
      safe(
        'From: kim@contoso.com\nTo: a@b.example\nSubject: Automatic reply: Report\nMIME-Version: 1.0\n\nI am out of office. 550 5.7.64 is not my problem.\n',
      ),
      [],
    );
    assert.deepEqual(
      safe(
        'From: staff@hotmail.example\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report; boundary="f"\n\n--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\n--f--\n',
      ),
      [],
    );
  });
});
