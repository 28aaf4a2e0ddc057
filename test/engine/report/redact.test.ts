import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { buildFacts, diagnose } from '../../../engine/index';
import { redact, Redactor } from '../../../engine/report/redact';
import { ticketText } from '../../../engine/report/ticket';
import { repoRoot } from '../../support/paths';

// Redaction properties (fast-check): no original address, IP or name survives, and one value always gets
// one placeholder. Plus the ticket's sections, read from a real diagnosis.

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((l) => !l.includes('--'));
const tld = fc.constantFrom('com', 'net', 'org', 'de', 'io', 'local', 'example', 'fr', 'nl', 'lan');
/** Not Microsoft's service names (kept on purpose) and not the placeholders' own words. */
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
  .map(([ls, t]) => `${ls.join('.')}.${t}`)
  .filter(
    (d) =>
      !/(outlook|microsoft|office|windows|azure|live|sharepoint|onmicrosoft)\./.test(d) &&
      !/^(domain|host|user|tenant)-\d/.test(d),
  );
const user = fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}[a-z0-9]$/);
const email = fc.tuple(user, domain).map(([u, d]) => `${u}@${d}`);
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc
  .tuple(octet, octet, octet, octet)
  .map((o) => o.join('.'))
  .filter((ip) => !/^(203\.0\.113|198\.51\.100|192\.0\.2)\./.test(ip));
const value = fc.oneof(
  domain.map((v) => ({ kind: 'domain', v })),
  email.map((v) => ({ kind: 'email', v })),
  ipv4.map((v) => ({ kind: 'ip', v })),
  domain.map((v) => ({ kind: 'cert', v: `*.${v}` })),
);
const SEPARATORS = [' ', '\n', ', ', ' (', ') ', ': ', ' [', '] ', " '", "' ", ' CN=', ' <', '> '];
const separator = fc.constantFrom(...SEPARATORS);

/** The value's own name (the part a reader could recognize): the domain of a wildcard, the whole otherwise. */
function core(v: { kind: string; v: string }): string {
  return v.kind === 'cert' ? v.v.slice(2) : v.v;
}

function survives(text: string, original: string): boolean {
  const escaped = original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // As a token: not as part of a longer name or number (203.0.113.1 is not 3.0.113.1).
  return new RegExp(`(?<![\\w.-])${escaped}(?![\\w-]|\\.\\w)`, 'i').test(text);
}

describe('redaction (property tests)', () => {
  it('no original e-mail address, IP, domain or certificate name survives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, separator), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = `Evidence:${parts.map(([v, s]) => `${s}${v.v}`).join('')} end.`;
        const out = redact(text);
        for (const [v] of parts) {
          assert.ok(!survives(out, core(v)), `${core(v)} survived in: ${out}`);
          if (v.kind === 'email') assert.ok(!survives(out, v.v.split('@')[1]), `${v.v}'s domain survived in: ${out}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same value always gets the same placeholder, in one text and across texts of one summary', () => {
    fc.assert(
      fc.property(value, fc.array(value, { maxLength: 6 }), separator, (v, others, s) => {
        const r = new Redactor();
        const first = r.redact(v.v);
        const mixed = r.redact(`${others.map((o) => o.v).join(s)}${s}${v.v.toUpperCase()}${s}${v.v}`);
        assert.ok(mixed.endsWith(`${s}${first}${s}${first}`), `${v.v} → ${first}, then: ${mixed}`);
        // Different values never share a placeholder.
        for (const o of others) {
          if (core(o).toLowerCase() !== core(v).toLowerCase() && o.kind === v.kind)
            assert.notEqual(r.redact(o.v), first);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('placeholders have the documented forms and Microsoft service names stay', () => {
    const out = redact(
      'EX01.corp.contoso.com (10.0.0.5) -> contoso-com.mail.protection.outlook.com for kim@fabrikam.example, cert *.contoso.com; see https://learn.microsoft.com/a',
    );
    assert.equal(
      out,
      'host-1.domain-1 (203.0.113.1) -> domain-1.mail.protection.outlook.com for user-1@domain-2, cert *.domain-1; see https://learn.microsoft.com/a',
    );
  });
});

describe('ticket summary', () => {
  const fixture = (...p: string[]) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', ...p));
  const verdict = diagnose(
    buildFacts([fixture('ndr', 'exchange2013-5764.txt'), fixture('powershell', 'inbound-wrong-cert-name.txt')]),
  );
  const time = new Date('2026-12-01T10:20:30.456Z');

  it('holds every section, the reply line, the read inputs, the ruled-out causes and the time', () => {
    const text = ticketText(verdict, { time });
    for (const h of [
      '## Symptom',
      '## What was read',
      '## Cause',
      '## Ruled out',
      '## Not checked',
      '## Fix',
      '## Verify',
    ])
      assert.ok(text.includes(`\n${h}\n`), h);
    assert.ok(verdict.diagnostic && text.includes(verdict.diagnostic));
    for (const i of verdict.inputs) assert.ok(text.includes(`- ${i.label}`));
    for (const c of verdict.causes.filter((x) => x.status === 'ruled-out'))
      assert.ok(text.includes(`- ${c.title}`), c.id);
    assert.ok(text.includes('2026-12-01T10:20:30Z'));
    assert.ok(
      !/\b(inbound-connector|send-connector|certificate)\.[a-z-]+\b/.test(text.replace(/https?:\S+/g, '')),
      'no cause ids',
    );
  });

  it('redacted: the same summary with no address, IP or organization name left', () => {
    const plain = ticketText(verdict, { time });
    const red = ticketText(verdict, { time, redact: true });
    for (const original of [
      'EX2019-01.corp.contoso.com',
      'contoso.com',
      'kim@fabrikam.example',
      'fabrikam.example',
      'contoso-com.mail.protection.outlook.com',
    ]) {
      if (plain.toLowerCase().includes(original.toLowerCase()))
        assert.ok(!red.toLowerCase().includes(original.toLowerCase()), original);
    }
    assert.equal(red.split('\n## ').length, plain.split('\n## ').length, 'same sections');
  });
});
