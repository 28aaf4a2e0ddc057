import fs from 'node:fs';
import path from 'node:path';

import { CHROMIUM_PATH, hasChromium } from '../../../scripts/chromium';
import { repoRoot } from '../paths';

// Shared by the browser tests: where screenshots go, and the one allowed reason to skip.

/**
 * Tests save screenshots under .tmp/screenshots/ (ignored by git); `npm run screenshots` points
 * RELAY_DOCTOR_SCREENSHOTS at docs/screenshots/ to refresh the README's pictures.
 */
export function screenshotDir(): string {
  const dir = path.resolve(repoRoot, process.env.RELAY_DOCTOR_SCREENSHOTS ?? path.join('.tmp', 'screenshots'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Call inside a describe(): skips with a visible message only when Debian's chromium is not installed. */
export function requireChromium(suite: Mocha.Suite): void {
  if (hasChromium()) return;
  suite.beforeAll(function skipWithoutChromium() {
    process.stdout.write(`  (skipped: ${CHROMIUM_PATH} is absent; install it with apt-get install -y chromium)\n`);
    this.skip();
  });
}

/** PNG width and height from its header (enough to check a screenshot was written). */
export function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** True while a process with this PID exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
