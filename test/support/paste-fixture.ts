import fs from 'node:fs';
import path from 'node:path';

import { repoRoot } from './paths';

/** Samples the dialog, bot, browser and CLI tests paste, one file each (see its README.md). */
const pastesDir = path.join(repoRoot, 'test', 'fixtures', 'pastes');

/**
 * The text of test/fixtures/pastes/<name>.txt without its provenance header (the leading lines that start
 * with "# ") and without the file's final newline: exactly what the test pastes. Read from the source tree,
 * not dist/ (tsc copies no .txt). An unknown name throws with the names there are, so a typo fails loudly.
 */
export function pasteFixture(name: string): string {
  const file = path.join(pastesDir, `${name}.txt`);
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name) || !fs.existsSync(file)) {
    const known = fs
      .readdirSync(pastesDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4));
    throw new Error(`no paste fixture "${name}" in test/fixtures/pastes (there are: ${known.join(', ')})`);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let start = 0;
  while (start < lines.length && lines[start].startsWith('# ')) start++;
  const body = lines.slice(start).join('\n');
  return body.endsWith('\n') ? body.slice(0, -1) : body;
}
