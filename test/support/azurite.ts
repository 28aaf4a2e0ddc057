import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from './paths';

// A real Azurite Blob service (the project's dev dependency) for tests: 127.0.0.1 only, a free port,
// a temporary data folder, telemetry off. It is stopped by PID; `restart()` brings it back on the same
// port and folder, so what was written before survives, as with a real storage account.

/** Azurite's documented, public development account (not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const AZURITE_MAIN = path.join(repoRoot, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');

export interface Azurite {
  port: number;
  connectionString: string;
  /** Data folder (removed by `dispose`). */
  location: string;
  /** PID of the running Azurite, undefined while stopped. */
  pid(): number | undefined;
  /** Stop by PID and wait for the exit (SIGTERM: Azurite flushes its metadata, as a real outage keeps data). */
  stop(): Promise<void>;
  /** Start again on the same port and folder. */
  restart(): Promise<void>;
  /** Stop and remove the data folder. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function startAzurite(): Promise<Azurite> {
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-azurite-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';

  async function launch(): Promise<void> {
    const proc = spawn(
      process.execPath,
      [
        AZURITE_MAIN,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        location,
        '--silent',
        '--disableTelemetry',
        '--skipApiVersionCheck',
        '--loose',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
    );
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    proc.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    let exited = false;
    proc.once('exit', () => {
      exited = true;
    });
    await waitFor(async () => {
      if (exited) throw new Error(`Azurite exited at start: ${output.slice(-500)}`);
      return canConnect(port);
    }, `Azurite on port ${port}`);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // SIGKILL would lose Azurite's unsaved in-memory metadata, which no real storage outage does.
    process.kill(proc.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (proc.pid && proc.exitCode === null) process.kill(proc.pid, 'SIGKILL');
    }, 10000);
    await exited;
    clearTimeout(timer);
  }

  await launch();
  return {
    port,
    location,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    pid: () => child?.pid,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    dispose: async () => {
      await stop();
      fs.rmSync(location, { recursive: true, force: true });
    },
  };
}
