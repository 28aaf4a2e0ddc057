import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type Browser, type BrowserContext, chromium } from 'playwright-core';

import { type ChildHandle, startProcess } from './processes';

// Debian's Chromium (apt-get install chromium), started by us so we hold its PID, then driven by
// playwright-core over CDP. Every request that is not to loopback is aborted.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export type ChromiumHandle = {
  browser: Browser;
  pid: number;
  /** A fresh context (1280×900 unless told) that can only reach 127.0.0.1 / localhost. */
  newLoopbackContext(viewport?: { width: number; height: number }): Promise<LoopbackContext>;
  close(): Promise<void>;
};

export type LoopbackContext = { context: BrowserContext; blocked: string[] };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return LOOPBACK_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/** Abort every request that leaves the machine; the aborted URLs are recorded for the caller. */
export async function allowLoopbackOnly(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}

export async function launchChromium(): Promise<ChromiumHandle> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-chromium-'));
  let child: ChildHandle | undefined;
  try {
    const started = await startProcess(
      CHROMIUM_PATH,
      [
        ...CHROMIUM_ARGS,
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-address=127.0.0.1',
        '--remote-debugging-port=0',
        'about:blank',
      ],
      { ready: /DevTools listening on (ws:\/\/\S+)/, timeoutMs: 30_000 },
    );
    child = started.child;
    const browser = await chromium.connectOverCDP(started.match[1]);
    const handle: ChromiumHandle = {
      browser,
      pid: child.pid,
      async newLoopbackContext(viewport = { width: 1280, height: 900 }) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
        return { context, blocked: await allowLoopbackOnly(context) };
      },
      async close() {
        // Ask Chromium to quit first so it reaps its own helpers; then make sure by PID (group).
        try {
          const session = await browser.newBrowserCDPSession();
          await session.send('Browser.close');
        } catch {
          // already gone or not answering: the kill below handles it
        }
        await browser.close().catch(() => undefined);
        await child?.waitExit(5000);
        await child?.stop();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
    return handle;
  } catch (error) {
    await child?.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
