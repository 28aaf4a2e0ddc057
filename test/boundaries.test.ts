import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { repoRoot } from './support/paths';

// The dependency direction of docs/architecture.md: engine ← cards ← dialogs ← bot, and engine ← cli; inside
// engine/, the layers of ENGINE_ALLOWED below, and no import cycle between any two engine modules.

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

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

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
        if (target in ALLOWED_LOCAL && !ALLOWED_LOCAL[folder].includes(target))
          out.push(`${rel} imports ${spec} (${target})`);
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

// Inside engine/: each module belongs to a unit (its subfolder, or a role for the top-level files), and a
// unit imports only the units listed for it. The list is a layering (checked acyclic below): the contract
// at the bottom, knowledge/ as data on it, recognize/ (text → facts) above knowledge/, rules/ (facts →
// findings) above recognize/, questions/ (what to ask, from the rules' context) above rules/, and the
// pipeline files on top.

type EngineUnit =
  | 'contract'
  | 'net'
  | 'mime'
  | 'certificates'
  | 'knowledge'
  | 'live'
  | 'recognize'
  | 'rules'
  | 'questions'
  | 'report'
  | 'pipeline';

const ENGINE_ALLOWED: Record<EngineUnit, EngineUnit[]> = {
  contract: [],
  net: ['contract'],
  mime: ['contract'],
  certificates: ['contract'],
  knowledge: ['contract'],
  live: ['contract', 'net', 'knowledge'],
  recognize: ['contract', 'net', 'mime', 'certificates', 'knowledge'],
  rules: ['contract', 'net', 'certificates', 'knowledge', 'recognize'],
  questions: ['contract', 'net', 'certificates', 'knowledge', 'live', 'rules'],
  report: ['contract'],
  pipeline: [
    'contract',
    'net',
    'mime',
    'certificates',
    'knowledge',
    'live',
    'recognize',
    'rules',
    'questions',
    'report',
  ],
};

/** The contract every layer may read: the vocabulary, facts and verdict, and the answer vocabulary. */
const CONTRACT_FILES = new Set([
  'vocabulary.ts',
  'facts.ts',
  'verdict.ts',
  'questions/answer-types.ts',
  'questions/question-ids.ts',
]);

/**
 * Imports against the layering that remain to be moved (issue 13): rules/ reads the not-sure matcher and
 * labels an answer with its question's prompt. Each must still exist, so the list shrinks as they go.
 */
const ENGINE_EXCEPTIONS: ReadonlyArray<[string, string]> = [];

const engineDir = path.join(repoRoot, 'engine');

function engineUnitOf(rel: string): EngineUnit {
  const posix = rel.split(path.sep).join('/');
  if (CONTRACT_FILES.has(posix)) return 'contract';
  const parts = posix.split('/');
  if (parts.length === 1) return 'pipeline';
  const unit = parts[0] as EngineUnit;
  if (!(unit in ENGINE_ALLOWED))
    throw new Error(`engine/${parts[0]}/ has no place in ENGINE_ALLOWED (test/boundaries.test.ts)`);
  return unit;
}

/** Relative imports of every engine module, resolved to engine-relative .ts paths. */
function engineImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(engineDir)) {
    const targets: string[] = [];
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), spec);
      const resolved = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
        (p) => p.endsWith('.ts') && fs.existsSync(p),
      );
      if (resolved && resolved.startsWith(engineDir + path.sep)) targets.push(path.relative(engineDir, resolved));
    }
    out.set(path.relative(engineDir, file), targets);
  }
  return out;
}

/** The cycles of a graph (each as the path that closes it); [] when it has none. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (node: string, stack: string[]) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, stack);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
  return cycles;
}

describe('architecture boundaries: inside engine/', () => {
  const imports = engineImports();
  const posix = (p: string) => p.split(path.sep).join('/');

  it('the allowed layering itself has no cycle', () => {
    assert.deepEqual(cyclesOf(new Map(Object.entries(ENGINE_ALLOWED))), []);
  });

  it('each engine module imports only the layers below its own', () => {
    const out: string[] = [];
    for (const [from, targets] of imports) {
      const a = engineUnitOf(from);
      for (const to of targets) {
        const b = engineUnitOf(to);
        if (a === b || ENGINE_ALLOWED[a].includes(b)) continue;
        if (ENGINE_EXCEPTIONS.some(([f, t]) => f === posix(from) && t === posix(to))) continue;
        out.push(`engine/${posix(from)} (${a}) imports engine/${posix(to)} (${b})`);
      }
    }
    assert.deepEqual(out, []);
  });

  it('every listed exception still exists (remove it from the list once it is gone)', () => {
    for (const [from, to] of ENGINE_EXCEPTIONS) {
      const targets = (imports.get(path.join(...from.split('/'))) ?? []).map(posix);
      assert.ok(targets.includes(to), `${from} no longer imports ${to}`);
    }
  });

  it('no two engine modules import each other, directly or through others', () => {
    assert.deepEqual(
      cyclesOf(imports).map((c) => c.map(posix).join(' → ')),
      [],
    );
  });

  it('the cycle finder finds a cycle (so the check above can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(cyclesOf(g), [['a', 'b', 'c', 'a']]);
    assert.deepEqual(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    );
  });
});

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
    const sample =
      "import a from 'restify';\nexport { b } from '../bot/x';\nconst c = require('botbuilder');\nconst d = import('pino');";
    assert.deepEqual(importsOf(sample), ['restify', '../bot/x', 'botbuilder', 'pino']);
  });
});
