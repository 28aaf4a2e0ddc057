import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import JSZip from 'jszip';

// `npm run bundle`: one zip for Azure App Service zip deploy. It holds the bot's compiled code (engine,
// cards, dialogs, bot; no tests, CLI or scripts), the production dependencies and a package.json whose
// `start` script App Service runs. Nothing is installed on the server: the zip has its node_modules.
//
// The dependencies are the packages of package-lock.json reachable from `dependencies`, copied from the
// installed node_modules at the paths the lock file gives them: the same tree `npm ci --omit=dev` lays
// out, without the registry and in seconds. Each copied package's version is checked against the lock.

/** Packages that are production dependencies only for install time, removed from the bundle afterwards. */
// rimraf: botbuilder-dialogs' postinstall runs `npx rimraf …`; without a local copy npx would fetch one.
export const INSTALL_TIME_ONLY = ['rimraf'];

/** Files of no use at run time: source maps, type declarations, build info, npm's .bin links. */
const SKIPPED_FILE = /(\.map|\.d\.[cm]?ts|\.tsbuildinfo)$/;
const SKIPPED_DIR = new Set(['.bin', '.cache']);

export interface BundleOptions {
  repoRoot: string;
  /** Where the zip is written. */
  out: string;
  /** Keep the compiled code's source maps (off by default). */
  sourceMaps?: boolean;
  /** Print progress here. */
  log?: (line: string) => void;
}

export interface BundleResult {
  zipPath: string;
  zipBytes: number;
  files: number;
  /** Bytes of the unpacked files. */
  unpackedBytes: number;
  /** Production dependencies in the bundle's package.json. */
  dependencies: string[];
}

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optional?: boolean;
  link?: boolean;
}

export interface LockFile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${(result.stderr || result.stdout || String(result.error ?? '')).slice(-3000)}`,
    );
  }
}

/** Where Node would find `name` required from the package at `from` (a lock key such as `node_modules/a`). */
function resolveInLock(lock: LockFile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/**
 * Lock keys of every package reachable from `roots` (the shipped dependencies) through dependencies,
 * optional and peer dependencies: what `npm ci --omit=dev` installs, minus what only an install-time
 * package needed. A missing optional dependency is skipped; a missing required one is an error.
 */
export function productionPackages(lock: LockFile, roots: string[]): string[] {
  if (lock.lockfileVersion < 2) throw new Error('package-lock.json must be lockfileVersion 2 or 3');
  const seen = new Set<string>();
  const visit = (from: string, name: string, optional: boolean) => {
    const where = resolveInLock(lock, from, name);
    if (!where) {
      if (optional) return;
      throw new Error(`package-lock.json has no ${name} for ${from || 'the project'}`);
    }
    if (seen.has(where)) return;
    seen.add(where);
    const entry = lock.packages[where];
    if (entry.link) throw new Error(`${where} is a link; the bundle copies installed packages only`);
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(where, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(where, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(where, dep, true);
  };
  for (const name of roots) visit('', name, false);
  return [...seen].sort();
}

/** Copy one installed package (without its nested node_modules: those are packages of their own). */
function copyPackage(repoRoot: string, staging: string, where: string, version: string | undefined): void {
  const from = path.join(repoRoot, where);
  if (!fs.existsSync(from)) {
    // An optional package the platform did not install (npm skips those for other OSes and CPUs).
    return;
  }
  const installed = (JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')) as { version?: string })
    .version;
  if (version && installed !== version) {
    throw new Error(`${where} is ${installed} in node_modules but ${version} in package-lock.json: run npm ci first`);
  }
  fs.cpSync(from, path.join(staging, where), {
    recursive: true,
    filter: (src) => !path.relative(from, src).split(path.sep).includes('node_modules'),
  });
}

/** The package.json that ships: the start command, runtime dependencies, the Node version; nothing else. */
export function shippedPackageJson(source: PackageJson): PackageJson {
  const dependencies = Object.fromEntries(
    Object.entries(source.dependencies ?? {}).filter(([name]) => !INSTALL_TIME_ONLY.includes(name)),
  );
  return {
    name: source.name,
    version: source.version,
    private: true,
    description: source.description,
    license: source.license,
    engines: source.engines,
    scripts: { start: 'node dist/bot/index.js' },
    dependencies,
  };
}

/** Every file under `dir` that ships, as paths relative to `root`. */
function listFiles(root: string, dir: string, sourceMaps: boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const inDependencies = path.relative(root, full).startsWith('node_modules');
    if (entry.isDirectory()) {
      if (!SKIPPED_DIR.has(entry.name)) listFiles(root, full, sourceMaps, out);
    } else if (entry.isFile()) {
      const keepMap = sourceMaps && !inDependencies && entry.name.endsWith('.js.map');
      if (!SKIPPED_FILE.test(entry.name) || keepMap) out.push(path.relative(root, full));
    }
    // Symbolic links (only under .bin with npm) are left out: zip deploy would not restore them.
  }
  return out;
}

async function writeZip(staging: string, files: string[], out: string): Promise<{ unpackedBytes: number }> {
  const zip = new JSZip();
  let unpackedBytes = 0;
  for (const rel of files.sort()) {
    const full = path.join(staging, rel);
    const stat = fs.statSync(full);
    unpackedBytes += stat.size;
    zip.file(rel.split(path.sep).join('/'), fs.readFileSync(full), {
      unixPermissions: stat.mode & 0o777,
      date: new Date('2026-01-01T00:00:00Z'),
    });
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.partial`;
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
        platform: 'UNIX',
      })
      .pipe(fs.createWriteStream(tmp))
      .on('finish', () => resolve())
      .on('error', reject);
  });
  fs.renameSync(tmp, out);
  return { unpackedBytes };
}

/** Build the deployment zip (compiles into a staging folder, installs production dependencies there, zips it). */
export async function buildBundle(options: BundleOptions): Promise<BundleResult> {
  const started = Date.now();
  const say = options.log ?? (() => undefined);
  const log = (line: string) => say(`${line} (at ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const { repoRoot } = options;
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-bundle-'));
  try {
    log('compiling the bot (engine, cards, dialogs, bot)');
    const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
    const tscArgs = [tsc, '-p', path.join(repoRoot, 'tsconfig.bundle.json'), '--outDir', path.join(staging, 'dist')];
    if (options.sourceMaps) tscArgs.push('--sourceMap');
    run(process.execPath, tscArgs, repoRoot);

    const source = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
    const shipped = shippedPackageJson(source);
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as LockFile;
    const packages = productionPackages(lock, Object.keys(shipped.dependencies ?? {}));
    log(`copying ${packages.length} production packages from node_modules, as the lock file places them`);
    for (const where of packages) copyPackage(repoRoot, staging, where, lock.packages[where].version);
    fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);

    const files = listFiles(staging, staging, options.sourceMaps ?? false);
    log(`zipping ${files.length} files`);
    const { unpackedBytes } = await writeZip(staging, files, options.out);
    return {
      zipPath: options.out,
      zipBytes: fs.statSync(options.out).size,
      files: files.length,
      unpackedBytes,
      dependencies: Object.keys(shipped.dependencies ?? {}),
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(repoRoot, 'bundle', 'relay-doctor-bot.zip'));
  buildBundle({
    repoRoot,
    out,
    sourceMaps: args.includes('--source-maps'),
    log: (line) => process.stdout.write(`bundle: ${line}\n`),
  })
    .then((r) => {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      process.stdout.write(
        `bundle: wrote ${path.relative(process.cwd(), r.zipPath) || r.zipPath}: ${mb(r.zipBytes)} MB zipped, ${mb(r.unpackedBytes)} MB unpacked, ${r.files} files\n`,
      );
      process.stdout.write(`bundle: production dependencies: ${r.dependencies.join(', ')}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
