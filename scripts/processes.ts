import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// Child processes for the launcher and the browser tests: each runs in its own process group so that
// stopping it by its PID also ends whatever it spawned (Chromium's helpers, a CLI's server).

export type ChildHandle = {
  readonly pid: number;
  /** Everything the child printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** Wait up to `ms` for the child to exit by itself; true if it did. */
  waitExit(ms: number): Promise<boolean>;
  /** SIGTERM to the group, SIGKILL after a grace period; resolves when the child has exited. */
  stop(graceMs?: number): Promise<void>;
};

export type StartOptions = {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Resolve once the output matches (the match is returned). */
  ready: RegExp;
  timeoutMs?: number;
  /** Also copy the output here (prefixed), e.g. process.stdout for the launcher. */
  echo?: NodeJS.WritableStream;
  echoPrefix?: string;
  /** Rewrite each echoed line ('' drops it), e.g. JSON log lines to one readable line. */
  echoFormat?: (line: string) => string;
  /** Append the output to this file. */
  logFile?: string;
};

export class StartError extends Error {
  override name = 'StartError';
}

export async function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): Promise<{ child: ChildHandle; match: RegExpExecArray }> {
  const proc = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: kill(-pid) reaches its children too
  });
  if (proc.pid === undefined) throw new StartError(`could not start ${command}`);
  const pid = proc.pid;
  let text = '';
  let done = false;
  // If this process ends without stopping the child (an uncaught error, process.exit), the child's group
  // goes with it: nothing is left holding the ports.
  trackChild(pid);
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      done = true;
      liveChildren.delete(pid);
      resolve();
    }),
  );
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  let partial = '';
  const echo = (s: string) => {
    if (!options.echo) return;
    const lines = (partial + s).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const shown = options.echoFormat ? options.echoFormat(line) : line;
      if (shown !== '') options.echo.write(`${options.echoPrefix ?? ''}${shown}\n`);
    }
  };
  const onData = (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    text += s;
    if (text.length > 1_000_000) text = text.slice(-500_000);
    log?.write(s);
    echo(s);
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);

  const child: ChildHandle = {
    pid,
    output: () => text,
    exited: () => done,
    async waitExit(ms) {
      if (done) return true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      const result = await Promise.race([exit.then(() => true), timeout]);
      clearTimeout(timer);
      return result;
    },
    async stop(graceMs = 3000) {
      if (!done) {
        signalGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
        await exit;
        clearTimeout(timer);
      }
      // Helpers left in the group (a browser's renderers) go too.
      signalGroup(pid, 'SIGKILL');
      log?.end();
    },
  };

  const timeoutMs = options.timeoutMs ?? 30_000;
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new StartError(`${command} was not ready within ${timeoutMs} ms:\n${text.slice(-2000)}`)),
      timeoutMs,
    );
    const check = () => {
      const m = options.ready.exec(text);
      if (m) finish(undefined, m);
    };
    const onExit = () => finish(new StartError(`${command} exited before it was ready:\n${text.slice(-2000)}`));
    function finish(error?: Error, m?: RegExpExecArray) {
      clearTimeout(timer);
      proc.stdout.off('data', check);
      proc.stderr.off('data', check);
      proc.off('exit', onExit);
      if (m) resolve(m);
      else reject(error);
    }
    proc.stdout.on('data', check);
    proc.stderr.on('data', check);
    proc.once('exit', onExit);
    check();
  }).catch(async (error: unknown) => {
    await child.stop(500);
    throw error;
  });
  return { child, match };
}

const liveChildren = new Set<number>();
let exitHooked = false;

function trackChild(pid: number): void {
  liveChildren.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const p of liveChildren) signalGroup(p, 'SIGKILL');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** A port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Poll an HTTP URL on loopback until it answers 200. */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new StartError(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
