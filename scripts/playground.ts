import fs from 'node:fs';
import path from 'node:path';

import { formatLogLine, levelNumber } from './log-format';
import { busyPortMessage, portIsFree } from './port-owner';
import { type ChildHandle, freePort, startProcess, waitForHttp } from './processes';

// `npm run playground`: the bot in anonymous mode and the Microsoft 365 Agents Playground (a local
// Teams-like web client) pointed at it, telemetry off, both on 127.0.0.1 unless --expose is given. The
// browser tests start the same pair. The Playground's CLI has no host option: a preloaded module
// (loopback-listen.ts) gives its listen calls the host.

export type PlaygroundOptions = {
  repoRoot: string;
  /** Bot port; 0 picks a free one. */
  botPort?: number;
  /** Playground port; it falls back to a random port when this one is taken. */
  playgroundPort?: number;
  /** Working directory of the Playground: it writes its logs to ./devTools/ there. */
  cwd?: string;
  echo?: NodeJS.WritableStream;
  /** Extra environment for the bot (e.g. DNS_SERVERS for tests). */
  botEnv?: NodeJS.ProcessEnv;
  /** Listen on every interface instead of 127.0.0.1 (anyone who can reach this machine can chat). */
  expose?: boolean;
  /** Rewrite each echoed bot line ('' drops it). */
  botEchoFormat?: (line: string) => string;
};

export type PlaygroundHandle = {
  /** Open this in a browser. */
  url: string;
  botEndpoint: string;
  botPid: number;
  playgroundPid: number;
  botOutput(): string;
  playgroundOutput(): string;
  stop(): Promise<void>;
};

export const DEFAULT_PLAYGROUND_PORT = 56150;

/** Environment of the bot child: anonymous (the Playground sends no token), loopback only. */
export function botEnvironment(
  base: NodeJS.ProcessEnv,
  port: number,
  extra: NodeJS.ProcessEnv = {},
  host = '127.0.0.1',
): NodeJS.ProcessEnv {
  // Set to '' rather than deleted: the bot's dotenv never overrides a variable that exists, so a
  // developer's .env with real credentials cannot switch authentication on here.
  return {
    ...base,
    ...extra,
    PORT: String(port),
    HOST: host,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
  };
}

export class PortBusyError extends Error {
  override name = 'PortBusyError';
}

export function playgroundArgs(botEndpoint: string, port: number): string[] {
  return ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
}

export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundHandle> {
  const botEntry = path.join(options.repoRoot, 'dist', 'bot', 'index.js');
  const cli = path.join(options.repoRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  for (const file of [botEntry, cli]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: run npm ci and npm run build first`);
  }
  const host = options.expose ? '0.0.0.0' : '127.0.0.1';
  const botPort = options.botPort || (await freePort());
  // A taken port is a one-line answer naming its owner, not the bot's EADDRINUSE stack.
  if (!(await portIsFree(botPort, host)))
    throw new PortBusyError(busyPortMessage(botPort, 'the bot', 'PORT', await freePort()));
  const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
  const started: ChildHandle[] = [];
  const stopAll = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  try {
    const bot = await startProcess(process.execPath, [botEntry], {
      cwd: options.repoRoot,
      env: botEnvironment(process.env, botPort, options.botEnv, host),
      ready: /listening/i,
      echo: options.echo,
      echoPrefix: '[bot] ',
      echoFormat: options.botEchoFormat,
    });
    started.push(bot.child);
    await waitForHttp(`http://127.0.0.1:${botPort}/healthz`);

    const cwd = options.cwd ?? options.repoRoot;
    const preload = path.join(__dirname, 'loopback-listen.js');
    const playground = await startProcess(
      process.execPath,
      ['-r', preload, cli, ...playgroundArgs(botEndpoint, options.playgroundPort ?? DEFAULT_PLAYGROUND_PORT)],
      {
        cwd,
        // BROWSER=none: it must not try to open a desktop browser itself.
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', RELAY_DOCTOR_LISTEN_HOST: host },
        ready: /Listening on (\d+)/,
        timeoutMs: 60_000,
        echo: options.echo,
        echoPrefix: '[playground] ',
      },
    );
    started.push(playground.child);
    const url = `http://127.0.0.1:${playground.match[1]}`;
    await waitForHttp(url);
    return {
      url,
      botEndpoint,
      botPid: bot.child.pid,
      playgroundPid: playground.child.pid,
      botOutput: () => bot.child.output(),
      playgroundOutput: () => playground.child.output(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bot'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${start}`);
  }
}

const USAGE = 'usage: npm run playground [-- --expose]   (PORT, PLAYGROUND_PORT and LOG_LEVEL from the environment)';

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== '--expose');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}\n${USAGE}`);
  const expose = argv.includes('--expose');
  const port = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? '');
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  // Per-turn request lines are info: shown only when LOG_LEVEL asks for them.
  const minLevel = levelNumber(process.env.LOG_LEVEL, 'warn');
  let stopping = false;
  let handle: PlaygroundHandle | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nStopping (${signal})...\n`);
    const done = handle ? handle.stop() : Promise.resolve();
    done.then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Ctrl+C, kill, a closed terminal: the bot and the Playground run in their own process groups, so the
  // launcher stops them itself (and kills them on any other exit, see processes.ts).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  handle = await startPlayground({
    repoRoot: findRepoRoot(__dirname),
    botPort: port('PORT', 3978),
    playgroundPort: port('PLAYGROUND_PORT', DEFAULT_PLAYGROUND_PORT),
    echo: process.stdout,
    expose,
    botEchoFormat: (line) => formatLogLine(line, minLevel),
  });
  if (stopping) return;
  if (expose) {
    process.stdout.write(
      '\nWARNING: --expose: the bot and the Playground listen on every network interface, without\n' +
        'authentication. Anyone who can reach this machine can chat with the bot. Use it only on a trusted network.\n',
    );
  }
  process.stdout.write(
    `\nRelay Doctor is running in anonymous local mode (bot at ${handle.botEndpoint}).\n` +
      'Paste a bounce into the chat, or type "example". Ctrl+C stops both. LOG_LEVEL=info shows each request.\n' +
      `\n  Open ${handle.url}\n\n`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // One line for what the user can act on (a busy port, a missing build); the child's output otherwise.
    process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
