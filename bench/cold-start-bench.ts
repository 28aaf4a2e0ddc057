import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

import { freePort } from '../scripts/processes';
import { repoRoot } from '../test/support/paths';
import type { BotKind } from './host-protocol';
import { median, round } from './stats';
import { nowMs } from './timer';

// Process start to a 200 from GET /healthz, for `node dist/bot/index.js` (what `npm start` runs) and for
// the echo bot started the same way. Each start is a fresh `node` process, killed by its pid afterwards.

const ENTRY: Record<BotKind, string> = {
  real: path.join(repoRoot, 'dist', 'bot', 'index.js'),
  echo: path.join(repoRoot, 'dist', 'bench', 'echo-main.js'),
};

export interface ColdStartResult {
  starts: number;
  realMedianMs: number;
  echoMedianMs: number;
  ratioVsEcho: number;
  realMs: number[];
  echoMs: number[];
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function coldStartOnce(kind: BotKind, timeoutMs = 30000): Promise<number> {
  const port = await freePort();
  const started = nowMs();
  const child = spawn(process.execPath, [ENTRY[kind]], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    stdio: 'ignore',
  });
  try {
    while (nowMs() - started < timeoutMs) {
      if (child.exitCode !== null)
        throw new Error(`${kind} bot exited with ${child.exitCode} before /healthz answered`);
      if (await healthy(port)) return nowMs() - started;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`${kind} bot: /healthz not ready within ${timeoutMs} ms`);
  } finally {
    const exited = new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    await exited;
  }
}

export async function benchColdStart(starts: number, warmup = true): Promise<ColdStartResult> {
  const realMs: number[] = [];
  const echoMs: number[] = [];
  // One untimed start of each first: the first start after a build pays for reading files from disk.
  if (warmup) {
    await coldStartOnce('echo');
    await coldStartOnce('real');
  }
  for (let i = 0; i < starts; i++) {
    // Interleaved, so both see the same state of the file cache and the machine.
    echoMs.push(round(await coldStartOnce('echo'), 1));
    realMs.push(round(await coldStartOnce('real'), 1));
  }
  const realMedianMs = round(median(realMs), 1);
  const echoMedianMs = round(median(echoMs), 1);
  return { starts, realMedianMs, echoMedianMs, ratioVsEcho: round(realMedianMs / echoMedianMs, 2), realMs, echoMs };
}
