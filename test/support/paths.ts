import fs from 'node:fs';
import path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'engine'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const distRoot = path.join(repoRoot, 'dist');
/** The vendored bounce corpus (third-party samples with their licenses) and the index of what each must yield. */
export const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'bounces');
