import { ManagedIdentityCredential } from '@azure/identity';
import type { Storage } from 'botbuilder';

import { blobIdentityClientId, type BotConfig } from '../config';
import { BlobStateStorage } from './blob-state-storage';
import { ExpiringMemoryStorage } from './expiring-memory-storage';

/**
 * The conversation state store chosen by configuration: `memory` (default: one instance, lost on
 * restart; local runs and the Agents Playground) or `blob` (Azure Blob Storage shared by every instance).
 */
export function createStorage(config: BotConfig): Storage {
  // Conversations silent beyond the TTL are swept from memory (they would start afresh anyway).
  if (config.STORAGE === 'memory') return new ExpiringMemoryStorage(config.STATE_TTL_MINUTES * 60 * 1000);
  if (config.BLOB_CONNECTION_STRING) {
    return new BlobStateStorage({ connectionString: config.BLOB_CONNECTION_STRING, container: config.BLOB_CONTAINER });
  }
  if (config.BLOB_ACCOUNT_URL) {
    // Identity-based access (Azure: the role "Storage Blob Data Contributor" on the account), no secret.
    const clientId = blobIdentityClientId(config);
    const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    return new BlobStateStorage({ accountUrl: config.BLOB_ACCOUNT_URL, credential, container: config.BLOB_CONTAINER });
  }
  throw new Error(
    'Invalid configuration: STORAGE=blob needs BLOB_CONNECTION_STRING (the storage account connection string) or BLOB_ACCOUNT_URL (with a managed identity)',
  );
}

/** One line for the startup log: where state lives, never the secret (account name and container only). */
export function describeStorage(config: BotConfig): string {
  if (config.STORAGE === 'memory') return 'in memory (lost on restart; one instance only)';
  if (!config.BLOB_CONNECTION_STRING && config.BLOB_ACCOUNT_URL) {
    return `Azure Blob Storage, ${new URL(config.BLOB_ACCOUNT_URL).host} (managed identity), container ${config.BLOB_CONTAINER}`;
  }
  const account = /(?:^|;)\s*AccountName=([^;]+)/i.exec(config.BLOB_CONNECTION_STRING ?? '')?.[1] ?? 'unknown account';
  return `Azure Blob Storage, account ${account}, container ${config.BLOB_CONTAINER}`;
}
