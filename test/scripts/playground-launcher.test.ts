// `npm run playground` behaves like a tool: loopback only, a one-line answer for a busy port, nothing
// left running after SIGTERM or SIGHUP, and no rebuild when dist/ is current.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { formatLogLine, levelNumber } from '../../scripts/log-format';
import { freePort } from '../../scripts/processes';
import { repoRoot } from '../support/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ensureBuilt = require(path.join(repoRoot, 'scripts', 'ensure-built.cjs')) as {
  staleSources(root: string): string[];
  processesUsingDist(root: string): string[];
};

const launcher = path.join(repoRoot, 'dist', 'scripts', 'playground.js');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat); // a zombie has exited
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}

/** Listening addresses of a port from /proc/net/tcp{,6}, as hex `ADDR` strings. */
function listenAddresses(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 3 && f[3] === '0A' && f[1].endsWith(`:${hex}`)) found.push(f[1].split(':')[0]);
    }
  }
  return found;
}

type Run = { child: ChildProcess; out: () => string; exited: Promise<number | null> };

function runLauncher(env: NodeJS.ProcessEnv, cwd: string): Run {
  const child = spawn(process.execPath, [launcher], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => {
    text += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => text, exited };
}

async function waitForText(run: Run, re: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = re.exec(run.out());
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}:\n${run.out().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm run playground (launcher)', function () {
  this.timeout(120_000);
  let workDir: string;
  before(() => {
    assert.ok(fs.existsSync(launcher), 'build first');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-launcher-'));
  });
  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('a busy bot port is one line naming the process that holds it and PORT, no EADDRINUSE stack', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = runLauncher({ PORT: String(port), PLAYGROUND_PORT: String(await freePort()) }, workDir);
      assert.equal(await run.exited, 1);
      const lines = run
        .out()
        .split('\n')
        .filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, run.out());
      assert.match(lines[0], new RegExp(`port ${port} for the bot is in use by .*\\(pid ${process.pid}\\)`));
      assert.match(lines[0], /set PORT to a free port \(e\.g\. PORT=\d+ npm run playground\)/);
      assert.doesNotMatch(run.out(), /EADDRINUSE|\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`both listen on 127.0.0.1 only, the URL comes last, and ${signal} leaves nothing running`, async () => {
      const botPort = await freePort();
      const playgroundPort = await freePort();
      const run = runLauncher(
        { PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort), LOG_LEVEL: '' },
        workDir,
      );
      try {
        await waitForText(run, /Open http:\/\/127\.0\.0\.1:(\d+)\n/, 90_000);
        const children = childrenOf(run.child.pid!);
        assert.equal(children.length, 2, `expected the bot and the Playground: ${children.join(', ')}`);
        // 0100007F is 127.0.0.1 in /proc/net/tcp; nothing on 0.0.0.0 or ::.
        assert.deepEqual(listenAddresses(botPort), ['0100007F']);
        assert.deepEqual(listenAddresses(playgroundPort), ['0100007F']);
        const lines = run.out().trimEnd().split('\n');
        assert.match(lines[lines.length - 1], /Open http:\/\/127\.0\.0\.1:\d+$/);
        assert.doesNotMatch(run.out(), /DeprecationWarning|"level":/);
        run.child.kill(signal);
        assert.equal(await run.exited, 0);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(children.filter(isAlive), [], 'children left running');
        assert.deepEqual(listenAddresses(botPort), []);
      } finally {
        if (run.child.exitCode === null) run.child.kill('SIGKILL');
      }
    });
  }

  it('the bot log is one readable line per entry, from LOG_LEVEL (warn by default)', () => {
    const line =
      '{"level":30,"time":"2026-12-01T22:40:01.123Z","service":"relay-doctor","msg":"request","status":200,"ms":12}';
    assert.equal(formatLogLine(line, levelNumber(undefined, 'warn')), '');
    assert.equal(formatLogLine(line, levelNumber('info', 'warn')), '22:40:01 info  request status=200 ms=12');
    assert.equal(formatLogLine('not json', 40), 'not json');
  });
});

describe('build only when dist/ is stale (scripts/ensure-built.cjs)', () => {
  it('does not rebuild a current dist/', () => {
    const probe = path.join(repoRoot, 'dist', 'bot', 'index.js');
    const before = fs.statSync(probe).mtimeMs;
    assert.deepEqual(ensureBuilt.staleSources(repoRoot), []);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'ensure-built.cjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Building/);
    assert.equal(fs.statSync(probe).mtimeMs, before);
  });

  it('finds a source newer than its output, or without one; and a process running from dist/', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-stale-'));
    try {
      fs.mkdirSync(path.join(root, 'engine'), { recursive: true });
      fs.mkdirSync(path.join(root, 'dist', 'engine'), { recursive: true });
      fs.writeFileSync(path.join(root, 'engine', 'a.ts'), '');
      assert.deepEqual(ensureBuilt.staleSources(root), [path.join('engine', 'a.ts')]);
      fs.writeFileSync(path.join(root, 'dist', 'engine', 'a.js'), 'setInterval(() => {}, 1000);');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(root, 'engine', 'a.ts'), old, old);
      assert.deepEqual(ensureBuilt.staleSources(root), []);
      fs.utimesSync(path.join(root, 'engine', 'a.ts'), new Date(), new Date(Date.now() + 5000));
      assert.deepEqual(ensureBuilt.staleSources(root), [path.join('engine', 'a.ts')]);

      assert.deepEqual(ensureBuilt.processesUsingDist(root), []);
      const child = spawn(process.execPath, ['dist/engine/a.js'], { cwd: root, stdio: 'ignore' });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const found = ensureBuilt.processesUsingDist(root);
        assert.equal(found.length, 1);
        assert.ok(found[0].startsWith(`${child.pid} `), found[0]);
      } finally {
        child.kill('SIGKILL');
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
