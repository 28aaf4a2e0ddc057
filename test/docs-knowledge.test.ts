import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { CAUSE_IDS } from '../engine/vocabulary';
import { repoRoot } from './support/paths';

// docs/knowledge.md is where the code points for the why of each check: every cause has its own section.
describe('docs/knowledge.md', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'docs', 'knowledge.md'), 'utf8');

  it('has a section and an anchor for every cause id', () => {
    const missing = CAUSE_IDS.filter(
      (id) => !text.includes(`\n### ${id}\n`) || !text.includes(`<a id="cause-${id.replace(/\./g, '-')}"></a>`),
    );
    assert.deepEqual(missing, []);
  });

  it('every anchor the code points at exists', () => {
    const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const pointed = new Set<string>();
    for (const dir of ['engine', 'cards', 'dialogs', 'bot', 'cli']) {
      for (const file of fs.readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts')) continue;
        const src = fs.readFileSync(path.join(repoRoot, dir, file), 'utf8');
        for (const m of src.matchAll(/docs\/knowledge\.md#([a-z0-9-]+)/g)) pointed.add(m[1]);
      }
    }
    assert.deepEqual(
      [...pointed].filter((a) => !anchors.has(a)),
      [],
    );
  });
});
