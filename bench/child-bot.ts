import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

import type { BotKind, HostMessage, HostRequest, MemorySnapshot, StorageStats } from './host-protocol';

/** A bot running in a child process, on 127.0.0.1, reachable at `url`. */
export interface ChildBot {
  kind: BotKind;
  url: string;
  pid: number;
  measure(): Promise<{ memory: MemorySnapshot; storage: StorageStats }>;
  /** Fills MemoryStorage up to `total` conversations by copying the state real turns wrote. */
  cloneTo(total: number): Promise<number>;
  stop(): Promise<void>;
}

function nextMessage<T extends HostMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<HostMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`bot host: no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: HostMessage) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as Extract<HostMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bot host exited (${code}) before "${type}"`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startChildBot(kind: BotKind, options: { exposeGc?: boolean } = {}): Promise<ChildBot> {
  const child = fork(path.join(__dirname, 'bot-host.js'), [kind], {
    // restify reaches for a deprecated Node API on start; the warning is noise in the bench output.
    execArgv: ['--no-deprecation', ...(options.exposeGc ? ['--expose-gc'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage(child, 'ready', 30000).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  const request = (r: HostRequest) => child.send(r);
  return {
    kind,
    url: `http://127.0.0.1:${ready.port}`,
    pid: child.pid ?? -1,
    async measure() {
      const reply = nextMessage(child, 'measured', 60000);
      request({ type: 'measure' });
      const m = await reply;
      return { memory: m.memory, storage: m.storage };
    },
    async cloneTo(total) {
      const reply = nextMessage(child, 'cloned', 60000);
      request({ type: 'clone', total });
      return (await reply).conversations;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      request({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
