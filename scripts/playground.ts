import fs from 'node:fs';
import path from 'node:path';
import { freePort, startProcess, waitForHttp, type ChildHandle } from './processes';

// `npm run playground`: the bot in anonymous mode on loopback, and the Microsoft 365 Agents Playground
// (a local Teams-like web client) pointed at it, telemetry off. The browser tests start the same pair.

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
export function botEnvironment(base: NodeJS.ProcessEnv, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Set to '' rather than deleted: the bot's dotenv never overrides a variable that exists, so a
  // developer's .env with real credentials cannot switch authentication on here.
  return { ...base, ...extra, PORT: String(port), HOST: '127.0.0.1', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', MicrosoftAppType: '' };
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
  const botPort = options.botPort || (await freePort());
  const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
  const started: ChildHandle[] = [];
  const stopAll = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  try {
    const bot = await startProcess(process.execPath, [botEntry], {
      cwd: options.repoRoot,
      env: botEnvironment(process.env, botPort, options.botEnv),
      ready: /listening/i,
      echo: options.echo,
      echoPrefix: '[bot] ',
    });
    started.push(bot.child);
    await waitForHttp(`http://127.0.0.1:${botPort}/healthz`);

    const cwd = options.cwd ?? options.repoRoot;
    const playground = await startProcess(process.execPath, [cli, ...playgroundArgs(botEndpoint, options.playgroundPort ?? DEFAULT_PLAYGROUND_PORT)], {
      cwd,
      // BROWSER=none: it must not try to open a desktop browser itself.
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      ready: /Listening on (\d+)/,
      timeoutMs: 60_000,
      echo: options.echo,
      echoPrefix: '[playground] ',
    });
    started.push(playground.child);
    const url = `http://localhost:${playground.match[1]}`;
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

async function main(): Promise<void> {
  const port = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? '');
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  const handle = await startPlayground({
    repoRoot: findRepoRoot(__dirname),
    botPort: port('PORT', 3978),
    playgroundPort: port('PLAYGROUND_PORT', DEFAULT_PLAYGROUND_PORT),
    echo: process.stdout,
  });
  process.stdout.write(
    `\nRelay Doctor is running in anonymous local mode at ${handle.botEndpoint}\n` +
      `Open ${handle.url} in your browser and paste a bounce into the chat (or type "example").\n` +
      'Press Ctrl+C to stop both.\n\n',
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
