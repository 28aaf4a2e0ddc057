import assert from 'node:assert/strict';
import { type ChildProcess,spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import JSZip from 'jszip';

import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { buildBundle, type BundleResult, type LockFile,productionPackages } from '../../scripts/bundle';
import { ConnectorStub } from '../support/connector-stub';
import { repoRoot } from '../support/paths';
import { CASE2_ANSWERS, walkOverWire, WireUser } from '../support/wire-user';

// `npm run bundle`'s zip, unpacked into an empty folder and started the way App Service starts it (the
// package.json start command), with nothing but the zip's own node_modules. Teams' Bot Connector is a
// FAKE (connector-stub.ts). The bot process runs in its own process group and is stopped by its PID.

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

async function unzip(zipPath: string, into: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    const target = path.join(into, entry.name);
    assert.ok(target.startsWith(into + path.sep), `zip entry stays inside the folder: ${entry.name}`);
    if (entry.dir) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await entry.async('nodebuffer'));
    names.push(entry.name);
  }
  return names;
}

/** True while any process of the group `pgid` exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('deployment bundle: npm run bundle, unpacked and started on its own', function () {
  this.timeout(15 * 60_000);
  const root = repoRoot;
  const devDependencies = Object.keys((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson).devDependencies ?? {});
  let work: string;
  let result: BundleResult;
  let unpacked: string;
  let names: string[];
  let child: ChildProcess | undefined;
  const stub = new ConnectorStub();

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-bundle-test-'));
    result = await buildBundle({ repoRoot: root, out: path.join(work, 'relay-doctor-bot.zip') });
    unpacked = path.join(work, 'site');
    fs.mkdirSync(unpacked);
    names = await unzip(result.zipPath, unpacked);
    await stub.start();
    console.log(`      bundle: ${(result.zipBytes / 1024 / 1024).toFixed(1)} MB zipped, ${(result.unpackedBytes / 1024 / 1024).toFixed(1)} MB unpacked, ${result.files} files`);
  });

  after(async () => {
    if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    await stub.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the compiled bot, production dependencies and a start command; no tests, no source maps, nothing from devDependencies', () => {
    assert.equal(names.length, result.files);
    const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as PackageJson;
    assert.equal(pkg.scripts?.start, 'node dist/bot/index.js');
    assert.deepEqual(Object.keys(pkg.scripts ?? {}), ['start']);
    assert.equal(pkg.devDependencies, undefined);
    assert.ok(fs.existsSync(path.join(unpacked, 'dist', 'bot', 'index.js')));
    assert.ok(fs.existsSync(path.join(unpacked, 'dist', 'cards', 'templates', 'verdict.json')));
    for (const dep of Object.keys(pkg.dependencies ?? {})) assert.ok(fs.existsSync(path.join(unpacked, 'node_modules', dep, 'package.json')), `${dep} ships`);
    // A devDependency ships only where a production package depends on it itself (@types/node: types only,
    // and .d.ts files are left out), exactly as `npm ci --omit=dev` would install it.
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;
    const needed = new Set(productionPackages(lock, Object.keys(pkg.dependencies ?? {})));
    for (const dev of devDependencies) {
      const shipped = fs.existsSync(path.join(unpacked, 'node_modules', dev));
      assert.equal(shipped, needed.has(`node_modules/${dev}`), `devDependency ${dev} ships only if a production package needs it`);
    }
    for (const dev of ['mocha', 'typescript', 'jszip', 'azurite', 'playwright-core']) assert.ok(!fs.existsSync(path.join(unpacked, 'node_modules', dev)), `${dev} must not ship`);
    // rimraf is a dependency only for botbuilder-dialogs' install script.
    assert.ok(!fs.existsSync(path.join(unpacked, 'node_modules', 'rimraf')), 'rimraf (install time only) must not ship');
    const topLevel = fs.readdirSync(path.join(unpacked, 'dist')).sort();
    assert.deepEqual(topLevel, ['bot', 'cards', 'dialogs', 'engine']);
    assert.deepEqual(names.filter((n) => n.endsWith('.map') || n.endsWith('.d.ts')), []);
    assert.deepEqual(names.filter((n) => /(^|\/)test(s)?\/.*\.test\.js$/.test(n) && n.startsWith('dist/')), []);
  });

  it('starts from the empty folder with its own node_modules, answers /healthz and a 5.7.64 NDR with a verdict card, and stops on SIGTERM', async () => {
    // Node looks for node_modules in every parent folder too: none may exist above the unpacked bundle.
    for (let dir = path.dirname(unpacked); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), `no node_modules above the bundle (${dir})`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as PackageJson;
    const [command, ...args] = (pkg.scripts?.start ?? '').split(' ');
    assert.equal(command, 'node');
    child = spawn(process.execPath, args, {
      cwd: unpacked,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', LIVE_CHECKS: 'off', NODE_PATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid!;
    let output = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bundle did not start: ${output.slice(-1500)}`)), 60_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      void exited.then(() => { clearTimeout(timer); reject(new Error(`the bundle exited at start: ${output.slice(-1500)}`)); });
    });

    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });

    const walk = await walkOverWire(new WireUser(stub), EXAMPLE_NDR, { base: () => url, answers: CASE2_ANSWERS });
    assert.equal(walk.verdict?.family, 'eop-relay-denied');
    assert.ok(walk.verdict?.causes.includes('inbound-connector.certificate-mismatch'), `causes: ${walk.verdict?.causes.join(', ')}`);

    process.kill(pid, 'SIGTERM');
    const exit = await exited;
    assert.deepEqual(exit, { code: 0, signal: null }, `clean exit after SIGTERM; output: ${output.slice(-800)}`);
    assert.equal(groupAlive(pid), false, 'no process of the bot is left');
    await assert.rejects(fetch(`${url}/healthz`), 'the port is closed');
    assert.doesNotMatch(output, /Cannot find module|MODULE_NOT_FOUND/);
  });
});
