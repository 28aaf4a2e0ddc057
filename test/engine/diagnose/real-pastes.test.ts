import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { buildFacts, diagnose, FAMILIES, type Family } from '../../../engine/index';
import { repoRoot } from '../../support/paths';
import { hasTenantAttributionReply, pct } from '../../support/recognition-figures';

// What people really paste (test/fixtures/real-pastes, one excerpt a file with its address and what the
// thread concluded): each must get the family (and cause, and answering side) its header expects.

const dir = path.join(repoRoot, 'test', 'fixtures', 'real-pastes');

interface Paste {
  file: string;
  source: string;
  expect: string;
  cause?: string;
  side?: string;
  body: string;
}

function read(file: string): Paste {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const sep = text.indexOf('\n# ---\n');
  assert.ok(sep > 0, `${file}: no "# ---" line`);
  const head = text.slice(0, sep);
  const field = (name: string) => new RegExp(`^# ${name}: (.+)$`, 'm').exec(head)?.[1]?.trim();
  const expectLine = field('expect') ?? '';
  const words = expectLine.split(/\s+/);
  const get = (k: string) => words.find((w) => w.startsWith(`${k}=`))?.slice(k.length + 1);
  return {
    file,
    source: field('source') ?? '',
    expect: words.find((w) => /^(family|not)=/.test(w)) ?? '',
    cause: get('cause'),
    side: get('side'),
    body: text.slice(sep + 7),
  };
}

function familyOk(family: Family, expect: string): boolean {
  const [kind, list] = expect.split('=');
  const values = list.split(',');
  for (const v of values) assert.ok((FAMILIES as readonly string[]).includes(v), `unknown family ${v}`);
  return kind === 'family' ? family === values[0] : !values.includes(family);
}

describe('real pastes from public threads (test/fixtures/real-pastes)', () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const pastes = files.map(read);
  const results: Array<{ p: Paste; family: Family; ok: boolean }> = [];

  it('holds at least 40 excerpts, each with its address and an expectation', () => {
    assert.ok(pastes.length >= 40, `${pastes.length}`);
    for (const p of pastes) {
      assert.match(p.source, /^https:\/\/|^http:\/\//, p.file);
      assert.match(p.expect, /^(family|not)=/, p.file);
      assert.ok(p.body.length < 2000, `${p.file}: keep the pasted block short`);
    }
  });

  for (const p of pastes) {
    it(`${p.file} → ${p.expect}${p.cause ? ` (${p.cause})` : ''}`, () => {
      const facts = buildFacts([p.body]);
      const verdict = diagnose(facts);
      const ndr = facts.ndrs[0];
      const ok = familyOk(verdict.family, p.expect);
      results.push({ p, family: verdict.family, ok });
      assert.ok(ok, `family ${verdict.family}, expected ${p.expect}; diagnostic: ${ndr?.diagnostic ?? '(none)'}`);
      if (verdict.family === 'eop-relay-denied')
        assert.ok(hasTenantAttributionReply(ndr), 'eop-relay-denied needs a tenant-attribution reply');
      if (p.cause)
        assert.ok(
          verdict.causes.some((c) => c.id === p.cause),
          `cause ${p.cause} not among ${verdict.causes.map((c) => c.id).join(', ')}`,
        );
      if (p.side) assert.equal(ndr?.rejectedBy, p.side);
    });
  }

  after(() => {
    const byFamily = new Map<string, { n: number; ok: number }>();
    for (const r of results) {
      const key = r.p.expect;
      const e = byFamily.get(key) ?? { n: 0, ok: 0 };
      e.n += 1;
      if (r.ok) e.ok += 1;
      byFamily.set(key, e);
    }
    const ok = results.filter((r) => r.ok).length;
    process.stdout.write(
      `      real pastes: ${ok}/${results.length} classified as the thread concluded (${pct(ok, results.length)})\n`,
    );
    for (const [k, e] of [...byFamily].sort()) process.stdout.write(`        ${k}: ${e.ok}/${e.n}\n`);
  });
});
