import fs from 'node:fs';
import path from 'node:path';

// Scripts run from dist/manifest/, sources live in manifest/: find the repository root by walking up.
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'manifest', 'manifest.json')))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${start}`);
  }
}

export const repoRoot = findRoot(__dirname);
/** The source folder: manifest.json template and the two icons. */
const manifestDir = path.join(repoRoot, 'manifest');
export const manifestTemplatePath = path.join(manifestDir, 'manifest.json');
export const colorIconPath = path.join(manifestDir, 'color.png');
export const outlineIconPath = path.join(manifestDir, 'outline.png');
/** Default output of `npm run package` (dist/ is ignored by git and rebuilt by `npm run build`). */
export const defaultPackagePath = path.join(repoRoot, 'dist', 'app-package', 'relay-doctor-teams.zip');
