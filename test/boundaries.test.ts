import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/paths';

// The dependency direction of docs/architecture.md: engine ← cards ← dialogs ← bot, and engine ← cli.

type Folder = 'engine' | 'cards' | 'dialogs' | 'bot' | 'cli';

/** Project folders each folder may import from. */
const ALLOWED_LOCAL: Record<Folder, Folder[]> = {
  engine: ['engine'],
  cards: ['cards', 'engine'],
  dialogs: ['dialogs', 'cards', 'engine'],
  bot: ['bot', 'dialogs', 'cards', 'engine'],
  cli: ['cli', 'engine'],
};

/** Packages a folder must never import (prefix match). */
const FORBIDDEN_PACKAGES: Record<Folder, RegExp[]> = {
  engine: [/^botbuilder/, /^botframework/, /^restify/, /^adaptivecards/, /^pino/, /^dotenv/, /^@azure\//],
  cards: [/^botbuilder/, /^botframework/, /^restify/, /^pino/, /^dotenv/],
  dialogs: [/^restify/, /^dotenv/],
  bot: [],
  cli: [/^botbuilder/, /^botframework/, /^restify/, /^adaptivecards/],
};

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function violations(folder: Folder): string[] {
  const out: string[] = [];
  for (const file of sources(path.join(repoRoot, folder))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      const rel = path.relative(repoRoot, file);
      if (spec.startsWith('.')) {
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), spec)).split(path.sep)[0] as Folder;
        if (target in ALLOWED_LOCAL && !ALLOWED_LOCAL[folder].includes(target)) out.push(`${rel} imports ${spec} (${target})`);
      } else if (FORBIDDEN_PACKAGES[folder].some((re) => re.test(spec))) {
        out.push(`${rel} imports package ${spec}`);
      }
    }
    if (folder === 'engine' && /process\.env|console\.(log|error|warn|info)/.test(text)) {
      out.push(`${path.relative(repoRoot, file)} reads process.env or logs to the console`);
    }
    if (folder !== 'bot' && /process\.env\b/.test(text) && folder !== 'cli') {
      out.push(`${path.relative(repoRoot, file)} reads process.env (only bot/config.ts may)`);
    }
  }
  return out;
}

describe('architecture boundaries', () => {
  for (const folder of Object.keys(ALLOWED_LOCAL) as Folder[]) {
    it(`${folder}/ imports only what it may`, () => {
      assert.deepEqual(violations(folder), []);
    });
  }

  it('only bot/config.ts reads process.env inside bot/', () => {
    const offenders = sources(path.join(repoRoot, 'bot'))
      .filter((f) => /process\.env\b/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(repoRoot, f))
      .filter((f) => f !== path.join('bot', 'config.ts'));
    assert.deepEqual(offenders, []);
  });

  it('the import scanner sees every import form (so the checks above can fail)', () => {
    const sample = "import a from 'restify';\nexport { b } from '../bot/x';\nconst c = require('botbuilder');\nconst d = import('pino');";
    assert.deepEqual(importsOf(sample), ['restify', '../bot/x', 'botbuilder', 'pino']);
  });
});
