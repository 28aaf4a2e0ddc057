import fs from 'node:fs';
import path from 'node:path';

import { corpusDir, repoRoot } from '../test/support/paths';

// The benchmark's inputs: every vendored corpus bounce (test/fixtures/bounces, listed in its INDEX.tsv) and
// every fixture the project wrote itself under test/fixtures/ndr and test/fixtures/powershell.

export interface BenchInput {
  /** `corpus:<path>` or `fixture:<area>/<file>`. */
  id: string;
  source: 'corpus' | 'fixture';
  /** Corpus kind (onprem-relay, other-relay, microsoft-other, near-miss) or the fixture area (ndr, powershell). */
  category: string;
  bytes: Uint8Array;
  /** A real-world bounce: corpus categories b–d and the project's own NDR fixtures. */
  realisticNdr: boolean;
}

const FIXTURE_AREAS = ['ndr', 'powershell'];
const NOT_INPUT = /\.(ts|js|md|map)$/i;

function loadCorpus(dir = corpusDir): BenchInput[] {
  const indexFile = path.join(dir, 'INDEX.tsv');
  if (!fs.existsSync(indexFile)) return [];
  const rows = fs
    .readFileSync(indexFile, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(1);
  return rows.map((row) => {
    const [file, category] = row.split('\t');
    return {
      id: `corpus:${file}`,
      source: 'corpus' as const,
      category,
      bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))),
      realisticNdr: category !== 'near-miss',
    };
  });
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return entry.isFile() && !NOT_INPUT.test(entry.name) && !entry.name.startsWith('.') ? [full] : [];
    })
    .sort();
}

export function loadFixtures(root = path.join(repoRoot, 'test', 'fixtures')): BenchInput[] {
  return FIXTURE_AREAS.flatMap((area) =>
    listFiles(path.join(root, area)).map((file) => ({
      id: `fixture:${path.relative(root, file).split(path.sep).join('/')}`,
      source: 'fixture' as const,
      category: area,
      bytes: new Uint8Array(fs.readFileSync(file)),
      realisticNdr: area === 'ndr',
    })),
  );
}

export interface InputSet {
  inputs: BenchInput[];
  corpusPresent: boolean;
  corpusDir: string;
}

export function loadInputs(): InputSet {
  const corpus = loadCorpus();
  return { inputs: [...corpus, ...loadFixtures()], corpusPresent: corpus.length > 0, corpusDir };
}
