import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { distRoot } from './paths';

// The bot as a real process (`node dist/bot/index.js`, what `npm start` runs), configured only through
// its environment, listening on 127.0.0.1 and a port the OS picks. Killed by PID.

export interface BotProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  output(): string;
  /** SIGKILL by default: a crash, no chance to finish anything. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const BOT_MAIN = path.join(distRoot, 'bot', 'index.js');

export async function startBotProcess(env: Record<string, string>, timeoutMs = 20000): Promise<BotProcess> {
  // A scratch working directory, so no developer `.env` is picked up.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-bot-'));
  const child: ChildProcess = spawn(process.execPath, [BOT_MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', LIVE_CHECKS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot process did not start in ${timeoutMs} ms: ${output.slice(-800)}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot process exited (${code}) at start: ${output.slice(-800)}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    pid: child.pid!,
    output: () => output,
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(child.pid!, signal);
        await exited;
      }
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}
