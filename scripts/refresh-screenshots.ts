import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { CHROMIUM_PATH, hasChromium } from './chromium';

// `npm run screenshots`: runs the browser tests with their screenshots pointed at docs/screenshots/,
// replacing the pictures the README shows (card-*.png, playground-*.png).

const OURS = /^(card|playground)-.+\.png$/;

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${start}`);
  }
}

async function main(): Promise<number> {
  if (!hasChromium()) {
    process.stderr.write(`screenshots: ${CHROMIUM_PATH} is missing (apt-get install -y chromium); nothing changed\n`);
    return 1;
  }
  const root = findRepoRoot(__dirname);
  const out = path.join(root, 'docs', 'screenshots');
  const tests = path.join(root, 'dist', 'test', 'browser');
  const files = fs.existsSync(tests)
    ? fs
        .readdirSync(tests)
        .filter((f) => f.endsWith('.test.js'))
        .map((f) => path.join(tests, f))
    : [];
  if (files.length === 0) {
    process.stderr.write('screenshots: no compiled browser tests in dist/test/browser (build first)\n');
    return 1;
  }
  fs.mkdirSync(out, { recursive: true });
  const before = new Set(fs.readdirSync(out).filter((f) => OURS.test(f)));
  const started = Date.now();
  const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [mocha, '--no-config', '--timeout', '60000', '--exit', ...files], {
      cwd: root,
      env: { ...process.env, RELAY_DOCTOR_SCREENSHOTS: out },
      stdio: 'inherit',
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const written = fs.readdirSync(out).filter((f) => OURS.test(f) && fs.statSync(path.join(out, f)).mtimeMs >= started);
  // Pictures no test produced any more are stale: remove them, but only after a clean run.
  const stale = code === 0 ? [...before].filter((f) => !written.includes(f)) : [];
  for (const f of stale) fs.rmSync(path.join(out, f));
  process.stdout.write(
    `\nscreenshots: ${written.length} written to ${path.relative(root, out)}/${stale.length ? `, ${stale.length} stale removed` : ''}\n`,
  );
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
