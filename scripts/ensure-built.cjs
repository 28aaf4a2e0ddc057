#!/usr/bin/env node
// Builds dist/ only when a TypeScript source is newer than its output (or the output is missing), so
// `npm run playground` starts at once after `npm ci && npm test`, and never rebuilds under a running bot:
// when dist/ is stale and a process of this clone runs from it, it stops with a message instead.
// Plain JavaScript: it must run before there is a dist/.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCE_DIRS = ['engine', 'cards', 'dialogs', 'bot', 'cli', 'manifest', 'test', 'bench', 'scripts'];

/** Sources whose compiled .js is missing or older; [] when dist/ is current. */
function staleSources(root) {
  const stale = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(child);
        continue;
      }
      if (!e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) continue;
      const out = path.join(root, 'dist', child.replace(/\.ts$/, '.js'));
      let outTime = 0;
      try {
        outTime = fs.statSync(out).mtimeMs;
      } catch {
        /* missing */
      }
      if (outTime < fs.statSync(path.join(root, child)).mtimeMs) stale.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return stale;
}

/** Processes running code from this clone's dist/ (Linux /proc), as "pid command". */
function processesUsingDist(root) {
  const dist = path.join(root, 'dist') + path.sep;
  const found = [];
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    let args;
    let cwd = '';
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue;
    }
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      /* another user's process */
    }
    const uses = args.slice(1).some((a) => path.resolve(cwd || '/', a).startsWith(dist));
    if (uses) found.push(`${pid} ${args.join(' ').slice(0, 100)}`);
  }
  return found;
}

function refuseIfRunning(root, why) {
  const running = processesUsingDist(root);
  if (running.length === 0) return false;
  process.stderr.write(
    `${why} but this is running from it:\n${running.map((r) => `  pid ${r}`).join('\n')}\n` +
      'Stop it first (Ctrl+C in its terminal), then run this again.\n',
  );
  return true;
}

function main(argv) {
  const root = path.resolve(__dirname, '..');
  // `npm test` always rebuilds: with this flag it only checks that nothing runs from dist/.
  if (argv.includes('--not-while-running')) return refuseIfRunning(root, 'this rebuilds dist/') ? 1 : 0;
  const stale = staleSources(root);
  if (stale.length === 0) return 0;
  if (
    refuseIfRunning(
      root,
      `dist/ is out of date (${stale[0]}${stale.length > 1 ? ` and ${stale.length - 1} more` : ''})`,
    )
  )
    return 1;
  process.stdout.write(`Building dist/ (${stale.length} source${stale.length > 1 ? 's' : ''} changed)...\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

module.exports = { staleSources, processesUsingDist };

if (require.main === module) process.exit(main(process.argv.slice(2)));
