import fs from 'node:fs';
import path from 'node:path';

import dotenv from 'dotenv';

import { buildAppPackage } from './app-package';
import { ManifestConfigError } from './manifest-vars';
import { defaultPackagePath, repoRoot } from './paths';

// `npm run package`: node dist/manifest/package-app.js [--out file.zip] [--placeholder-id]

const USAGE = 'usage: package-app [--out <file.zip>] [--placeholder-id]';

export type PackageArgs = { outFile: string; allowPlaceholderId: boolean };

export function parsePackageArgs(argv: readonly string[]): PackageArgs {
  const args: PackageArgs = { outFile: defaultPackagePath, allowPlaceholderId: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--placeholder-id') args.allowPlaceholderId = true;
    else if (arg === '--out' && argv[i + 1]) args.outFile = path.resolve(argv[++i]);
    else throw new ManifestConfigError(`unknown argument "${arg}"\n${USAGE}`);
  }
  return args;
}

async function main(): Promise<number> {
  // .env does not override variables already set, the usual dotenv rule.
  const fromFile = fs.existsSync(path.join(repoRoot, '.env'))
    ? dotenv.parse(fs.readFileSync(path.join(repoRoot, '.env')))
    : {};
  const env = { ...fromFile, ...process.env };
  const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  const args = parsePackageArgs(process.argv.slice(2));
  const result = await buildAppPackage({ env, version, ...args });
  const id = String(result.manifest.id);
  const shown = path.relative(process.cwd(), result.outFile);
  process.stdout.write(`wrote ${shown.startsWith('..') ? result.outFile : shown}\n`);
  process.stdout.write(
    `  app and bot id ${id}${args.allowPlaceholderId && id.startsWith('00000000') ? ' (placeholder: not installable)' : ''}\n`,
  );
  process.stdout.write(`  contents: ${result.entries.join(', ')}\n`);
  process.stdout.write('Upload it in Teams: Apps > Manage your apps > Upload an app (see docs/teams-install.md).\n');
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const known = err instanceof Error && (err.name === 'ManifestConfigError' || err.name === 'ManifestInvalidError');
      process.stderr.write(`package-app: ${known ? err.message : String((err as Error)?.stack ?? err)}\n`);
      process.exit(1);
    },
  );
}
