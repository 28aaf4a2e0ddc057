import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { blobIdentityClientId, ConfigSchema, loadConfig } from '../../bot/config';
import { BlobStateStorage } from '../../bot/storage/blob-state-storage';
import { createStorage, describeStorage } from '../../bot/storage/create-storage';
import { repoRoot } from '../support/paths';

// infra/main.bicep cannot be compiled here (no Bicep compiler runs on this machine; docs/deploy.md says
// so). What can be checked offline: every app setting it gives the web app is one the bot reads, the
// configuration they form is valid, and the health check path is the server's.

const bicep = fs.readFileSync(path.join(repoRoot, 'infra', 'main.bicep'), 'utf8');

/** `{ name: 'X', value: <expr> }` entries of the web app's appSettings. */
function appSettings(): Array<{ name: string; value: string }> {
  return [...bicep.matchAll(/\{ name: '([A-Za-z0-9_]+)', value: ([^}]+?) \}/g)].map((m) => ({ name: m[1], value: m[2].trim() }));
}

describe('infra/main.bicep against the bot configuration', () => {
  const platformSettings = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_RUN_FROM_PACKAGE']);

  it('sets only app settings the bot reads (besides App Service\'s own), and no secret', () => {
    const settings = appSettings();
    assert.ok(settings.length >= 10, `found ${settings.length} app settings`);
    const known = new Set(Object.keys(ConfigSchema.shape));
    for (const { name } of settings) {
      if (!platformSettings.has(name)) assert.ok(known.has(name), `${name} is read by bot/config.ts`);
    }
    const names = settings.map((s) => s.name);
    assert.ok(!names.includes('MicrosoftAppPassword'), 'no app password: the identity is a managed identity');
    assert.ok(!names.includes('BLOB_CONNECTION_STRING'), 'no storage key: Blob access is identity-based');
    assert.match(bicep, /allowSharedKeyAccess: false/);
  });

  it('configures the bot as UserAssignedMSI with Blob state through the identity, and the config accepts it', () => {
    const byName = new Map(appSettings().map((s) => [s.name, s.value]));
    assert.equal(byName.get('MicrosoftAppType'), "'UserAssignedMSI'");
    assert.equal(byName.get('STORAGE'), "'blob'");
    // The values Azure would fill in, shaped like the real ones.
    const config = loadConfig({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
      STORAGE: 'blob',
      BLOB_ACCOUNT_URL: 'https://strelaydoctorabc.blob.core.windows.net/',
      BLOB_CONTAINER: 'relay-doctor-state',
      BLOB_MANAGED_IDENTITY_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      LIVE_CHECKS: 'on',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/',
    });
    assert.equal(config.HOST, '0.0.0.0', 'with an app id the bot listens on every interface (App Service routes to it)');
    assert.equal(blobIdentityClientId(config), '11111111-2222-3333-4444-555555555555');
    const storage = createStorage(config);
    assert.ok(storage instanceof BlobStateStorage);
    assert.equal(describeStorage(config), 'Azure Blob Storage, strelaydoctorabc.blob.core.windows.net (managed identity), container relay-doctor-state');
  });

  it('the identity for Blob access falls back to the bot identity only for UserAssignedMSI', () => {
    assert.equal(blobIdentityClientId(loadConfig({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'abc' })), 'abc');
    assert.equal(blobIdentityClientId(loadConfig({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'abc' })), undefined);
    assert.throws(() => createStorage(loadConfig({ STORAGE: 'blob' })), /BLOB_CONNECTION_STRING.*BLOB_ACCOUNT_URL/);
    assert.throws(() => loadConfig({ BLOB_ACCOUNT_URL: 'not a url' }), /BLOB_ACCOUNT_URL/);
  });

  it('health check, always-on, HTTPS only, several instances, Teams channel and the messaging endpoint', () => {
    assert.match(bicep, /healthCheckPath: '\/healthz'/);
    const server = fs.readFileSync(path.join(repoRoot, 'bot', 'http', 'server.ts'), 'utf8');
    assert.match(server, /server\.get\('\/healthz'/);
    assert.match(bicep, /alwaysOn: true/);
    assert.match(bicep, /httpsOnly: true/);
    assert.match(bicep, /@maxValue\(10\)\nparam instanceCount int/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(bicep, /msaAppType: 'UserAssignedMSI'/);
    assert.match(bicep, /output botId string/);
    assert.match(bicep, /output messagingEndpoint string/);
  });
});
