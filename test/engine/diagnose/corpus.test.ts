import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { buildFacts, diagnose, FAMILIES, type Family } from '../../../engine/index';
import { repoRoot } from '../../support/paths';
import { readTable } from '../../support/recognition-figures';

// Every bounce of test/fixtures/bounces/INDEX.tsv (vendored from sisimai, PHP-Bounce-Handler and flanker,
// each with its licence) through the full pipeline (bytes → facts → verdict), checked against its
// `expect` column: `family=F` (exactly F) or `not=F1,F2` (none of those). Needs nothing outside the clone.

const dir = path.join(repoRoot, 'test', 'fixtures', 'bounces');
const all = readTable(path.join(dir, 'INDEX.tsv'));

function check(family: Family, expect: string): void {
  const eq = expect.indexOf('=');
  const kind = expect.slice(0, eq);
  const values = expect
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim());
  for (const v of values) assert.ok((FAMILIES as readonly string[]).includes(v), `unknown family in INDEX.tsv: ${v}`);
  if (kind === 'family') assert.equal(family, values[0]);
  else if (kind === 'not') assert.ok(!values.includes(family), `family ${family} is one of ${values.join(',')}`);
  else assert.fail(`unknown expect form: ${expect}`);
}

describe('corpus: real bounces (test/fixtures/bounces/INDEX.tsv)', () => {
  it('lists 129 files, each present with its source licence beside it', () => {
    assert.equal(all.length, 129);
    for (const row of all) {
      assert.ok(fs.existsSync(path.join(dir, row.path)), row.path);
      assert.ok(fs.existsSync(path.join(dir, row.path.split('/')[0], 'LICENSE')), `${row.path}: licence`);
    }
  });

  for (const row of all) {
    it(`${row.path} (${row.kind}) → ${row.expect}`, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, row.path)));
      const verdict = diagnose(buildFacts([bytes]));
      check(verdict.family, row.expect);
    });
  }
});
