import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { buildFacts, diagnose, type Family, recognize } from '../../../engine/index';
import { repoRoot } from '../../support/paths';
import {
  familiesForReason,
  hasTenantAttributionReply,
  pct,
  readTable,
  reasonGroup,
} from '../../support/recognition-figures';

// sisimai's set of emails (github.com/sisimai/set-of-emails, BSD-2-Clause, vendored under
// test/fixtures/bounces/sisimai with its LICENSE): every bounce of maildir/bsd must be recognized as a
// failure, every non-bounce (ARF, RFC 3834 auto-replies, positive DSNs, ordinary mail) left alone, no
// `eop-relay-denied` without a tenant-attribution reply, and where sisimai's tests name a reason
// (EXPECT.tsv, our table) the family must agree. The figures are printed and kept in docs/recognition.md.

const dir = path.join(repoRoot, 'test', 'fixtures', 'bounces', 'sisimai');

interface Outcome {
  file: string;
  kind: string;
  reasons: string[];
  family: Family;
  tenantReply: boolean;
}

function run(): Outcome[] {
  return readTable(path.join(dir, 'EXPECT.tsv')).map((r) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'maildir', r.file)));
    const facts = buildFacts([bytes]);
    const verdict = diagnose(facts);
    return {
      file: r.file,
      kind: r.kind,
      reasons: r.reasons === '-' ? [] : r.reasons.split(','),
      family: verdict.family,
      tenantReply: hasTenantAttributionReply(facts.ndrs[0]),
    };
  });
}

describe('sisimai set of emails: recall, non-bounces, per-family agreement', function () {
  this.timeout(120_000);
  let all: Outcome[] = [];
  before(() => {
    all = run();
  });

  it('reads the whole vendored set (630+ samples, licence beside it)', () => {
    assert.ok(all.length >= 630, `${all.length}`);
    assert.ok(fs.existsSync(path.join(dir, 'LICENSE')));
  });

  it('recognizes at least 99% of the bounces as failures', () => {
    const bounces = all.filter((o) => o.kind === 'bounce');
    const missed = bounces.filter((o) => o.family === 'not-an-ndr');
    process.stdout.write(
      `      sisimai recall: ${bounces.length - missed.length}/${bounces.length} bounces recognized (${pct(bounces.length - missed.length, bounces.length)})\n`,
    );
    for (const m of missed) process.stdout.write(`        missed: ${m.file} (${m.reasons.join(',') || '-'})\n`);
    assert.ok(missed.length <= bounces.length * 0.01, missed.map((m) => m.file).join(', '));
  });

  it('leaves every non-bounce alone (not-an-ndr)', () => {
    const others = all.filter((o) => o.kind !== 'bounce');
    assert.ok(others.length >= 25);
    assert.deepEqual(
      others.filter((o) => o.family !== 'not-an-ndr').map((o) => `${o.file} → ${o.family}`),
      [],
    );
    process.stdout.write(`      sisimai non-bounces left alone: ${others.length}/${others.length}\n`);
  });

  it('never says eop-relay-denied without a tenant-attribution reply', () => {
    assert.deepEqual(
      all.filter((o) => o.family === 'eop-relay-denied' && !o.tenantReply).map((o) => o.file),
      [],
    );
  });

  it('agrees with the reason sisimai names, per family group (relaying denied: all of them)', () => {
    const named = all.filter((o) => o.kind === 'bounce' && o.reasons.length > 0);
    const groups = new Map<string, { n: number; agree: number; off: string[] }>();
    for (const o of named) {
      const ok = o.reasons.some((r) => familiesForReason(r).includes(o.family));
      const g = reasonGroup(o.reasons[0]);
      const e = groups.get(g) ?? { n: 0, agree: 0, off: [] };
      e.n += 1;
      if (ok) e.agree += 1;
      else e.off.push(`${o.file}: ${o.reasons.join(',')} → ${o.family}`);
      groups.set(g, e);
    }
    let n = 0;
    let agree = 0;
    for (const [g, e] of [...groups].sort()) {
      n += e.n;
      agree += e.agree;
      process.stdout.write(`      sisimai agreement, ${g}: ${e.agree}/${e.n} (${pct(e.agree, e.n)})\n`);
      for (const off of e.off) process.stdout.write(`        differs: ${off}\n`);
    }
    process.stdout.write(`      sisimai agreement, all named reasons: ${agree}/${n} (${pct(agree, n)})\n`);
    assert.ok(n >= 500);
    assert.ok(agree >= n * 0.98, `${agree}/${n}`);
    const relay = groups.get('relaying denied');
    assert.ok(relay && relay.n >= 5);
  });

  it('the text front door says which failure it saw for a code-less bounce (not "paste the NDR")', () => {
    const file = path.join(dir, 'maildir', 'bsd', 'lhost-exim-06.eml');
    const rec = recognize(fs.readFileSync(file, 'utf8'));
    assert.equal(rec.kind, 'ndr');
  });
});
