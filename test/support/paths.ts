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
/** `../shared` beside the clone; RELAY_DOCTOR_SHARED overrides it. */
export const sharedDir = process.env.RELAY_DOCTOR_SHARED ?? path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const hasShared = fs.existsSync(path.join(corpusDir, 'INDEX.tsv'));

/** Call inside a describe(): skips its tests with a visible message when ../shared is absent. */
export function requireShared(ctx: Mocha.Suite): void {
  if (hasShared) return;
  ctx.beforeAll(function skipWithoutShared() {
    process.stdout.write(`  (skipped: ${sharedDir} is absent; these tests need ../shared/corpus)\n`);
    this.skip();
  });
}
