import fs from 'node:fs';
import path from 'node:path';

import JSZip from 'jszip';

import { fillManifest } from './fill-manifest';
import { manifestVarsFrom } from './manifest-vars';
import { colorIconPath, manifestTemplatePath, outlineIconPath } from './paths';
import { validateManifest } from './validate-manifest';

// The Teams app package: a zip with manifest.json, color.png and outline.png at its root.

export type AppPackageOptions = {
  /** Where .env values come from (MicrosoftAppId, TeamsApp*). */
  env: Readonly<Record<string, string | undefined>>;
  /** App version (semver), normally package.json's. */
  version: string;
  outFile: string;
  allowPlaceholderId?: boolean;
};

export type AppPackage = { outFile: string; manifest: Record<string, unknown>; entries: string[] };

class ManifestInvalidError extends Error {
  override name = 'ManifestInvalidError';
  constructor(readonly errors: string[]) {
    super(`manifest.json does not match its schema:\n  ${errors.join('\n  ')}`);
  }
}

// A fixed timestamp keeps the zip byte-for-byte reproducible for the same inputs.
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

/** Fill the manifest, validate it offline, and write the zip. */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  const vars = manifestVarsFrom(options.env, {
    version: options.version,
    allowPlaceholderId: options.allowPlaceholderId,
  });
  const manifest = fillManifest(fs.readFileSync(manifestTemplatePath, 'utf8'), vars);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new ManifestInvalidError(errors);

  const zip = new JSZip();
  const add = (name: string, data: string | Buffer) => zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  add('color.png', fs.readFileSync(colorIconPath));
  add('outline.png', fs.readFileSync(outlineIconPath));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });

  fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
  fs.writeFileSync(options.outFile, bytes);
  return { outFile: options.outFile, manifest, entries: Object.keys(zip.files) };
}
