import fs from 'node:fs';
import path from 'node:path';

import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';

// Offline validation: @microsoft/app-manifest ships the Teams JSON schemas, so nothing is downloaded.

const SCHEMA_URL = /\/json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/;

/** The packaged schema file for a manifest's $schema URL. */
function localSchemaPath(schemaUrl: string): string {
  const version = SCHEMA_URL.exec(schemaUrl)?.[1];
  if (!version) throw new Error(`not a Teams manifest schema URL: ${schemaUrl}`);
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(pkg, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`@microsoft/app-manifest has no schema ${version}`);
  return file;
}

/** Schema errors for a filled manifest; an empty list means valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  const schema = JSON.parse(fs.readFileSync(localSchemaPath(schemaUrl), 'utf8')) as Parameters<
    typeof AppManifestUtils.validateAgainstSchema
  >[1];
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}
