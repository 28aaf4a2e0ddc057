import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildFacts, diagnose, FAMILIES, type Family } from '../../engine/index';
import { corpusDir, hasShared, requireShared } from '../support/paths';

// Every real bounce of ../shared/corpus/INDEX.tsv through the full pipeline (bytes → facts → verdict),
// checked against its `expect` column: `family=F` (exactly F) or `not=F1,F2` (none of those).

interface Row { file: string; expect: string }

function rows(): Row[] {
  if (!hasShared) return [];
  const lines = fs.readFileSync(path.join(corpusDir, 'INDEX.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const pathCol = header.indexOf('path');
  const expectCol = header.indexOf('expect');
  return lines.slice(1).map((l) => {
    const cols = l.split('\t');
    return { file: cols[pathCol], expect: cols[expectCol] };
  });
}

function check(family: Family, expect: string): void {
  const eq = expect.indexOf('=');
  const kind = expect.slice(0, eq);
  const values = expect.slice(eq + 1).split(',').map((v) => v.trim());
  for (const v of values) assert.ok((FAMILIES as readonly string[]).includes(v), `unknown family in INDEX.tsv: ${v}`);
  if (kind === 'family') assert.equal(family, values[0]);
  else if (kind === 'not') assert.ok(!values.includes(family), `family ${family} is one of ${values.join(',')}`);
  else assert.fail(`unknown expect form: ${expect}`);
}

describe('corpus: real bounces (../shared/corpus/INDEX.tsv)', function () {
  requireShared(this);
  const all = rows();

  it('lists 129 files', function () {
    if (!hasShared) this.skip();
    assert.equal(all.length, 129);
  });

  for (const row of all) {
    it(row.file, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpusDir, row.file)));
      const verdict = diagnose(buildFacts([bytes]));
      check(verdict.family, row.expect);
    });
  }
});
