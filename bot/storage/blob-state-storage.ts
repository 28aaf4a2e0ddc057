import type { TokenCredential } from '@azure/identity';
import { ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';

import { isETagConflictMessage, StorageConflictError, StorageUnavailableError } from './storage-errors';

/**
 * Retry policy for every Blob Storage call. The SDK default (4 tries, exponential back-off) takes about
 * 16 s to give up when storage refuses connections, longer than Teams waits for a reply (~15 s, then it
 * resends): two tries with short delays make an outage fail in well under a second, while a single
 * dropped request still gets a second chance. `tryTimeoutInMs` only asks the service to stop work
 * (URL `timeout` parameter); it does not bound a request that never gets an answer: see
 * `STORAGE_DEADLINE_MS`.
 */
const BLOB_RETRY_OPTIONS = {
  maxTries: 2,
  tryTimeoutInMs: 3000,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 1000,
} as const;

/**
 * Client-side limit for one storage operation (read, write or delete, retries included). Storage that
 * accepts connections and never answers would otherwise hold the turn until TCP gives up; a turn
 * reads once and writes once, so it stays under Teams' 15 s.
 */
const STORAGE_DEADLINE_MS = 5000;

export interface BlobStateSettings {
  /** A connection string (account key or SAS), or else `accountUrl` with a token `credential` (managed identity). */
  connectionString?: string;
  accountUrl?: string;
  credential?: TokenCredential;
  container: string;
  retryOptions?: Partial<typeof BLOB_RETRY_OPTIONS>;
  /** Overrides STORAGE_DEADLINE_MS (tests). */
  deadlineMs?: number;
}

/** The eTag an item had when read (or ABSENT), kept on the item itself, hidden from JSON and the state hash. */
const READ_ETAG = Symbol('relay-doctor.readETag');
const ABSENT = 'absent';

type TrackedItem = StoreItem & { [READ_ETAG]?: string };

/** What BlobStateStorage needs from Blob Storage (tests wrap it to hold a write back). */
export interface BlobBackend {
  /** Reads, conditional writes (`eTag` = If-Match) and deletes: botbuilder-azure-blobs' BlobsStorage. */
  items: Storage;
  /** Writes `item` only if no blob has this key yet (If-None-Match: *); false when one exists. */
  create(key: string, item: StoreItem): Promise<boolean>;
}

/**
 * Conversation state in Azure Blob Storage (`botbuilder-azure-blobs`), safe for several instances:
 *
 * - Optimistic concurrency. BotState saves with `eTag: '*'` (last writer wins), so two instances
 *   answering the same conversation at once would silently lose one turn's changes. Here a save carries
 *   the eTag the turn read instead, and a conversation that did not exist yet is created only if it
 *   still does not; if another instance saved in between, the write fails with `StorageConflictError`
 *   and the user is asked to send the message again (never dropped in silence).
 * - Outages fail fast (`BLOB_RETRY_OPTIONS`) as `StorageUnavailableError`, and the backend is rebuilt
 *   after a failure: BlobsStorage caches a failed container check and would fail forever after.
 */
export class BlobStateStorage implements Storage {
  private backend: BlobBackend;

  /** `make` builds the backend (tests pass their own); default: `blobBackend(settings)`. */
  constructor(
    private readonly settings: BlobStateSettings,
    private readonly make: () => BlobBackend = () => blobBackend(settings),
  ) {
    this.backend = make();
  }

  get container(): string {
    return this.settings.container;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.guard('read', () => this.backend.items.read(keys));
    for (const key of keys) {
      // A missing key reads as an empty item marked ABSENT (BotState takes it as it would take `{}`).
      const item = (items[key] ??= {}) as TrackedItem;
      const eTag = typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : ABSENT;
      Object.defineProperty(item, READ_ETAG, { value: eTag, writable: true, enumerable: false, configurable: true });
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const updates: StoreItems = {};
    const creates: Array<[string, StoreItem]> = [];
    for (const [key, item] of Object.entries(changes) as Array<[string, TrackedItem]>) {
      const readETag = item?.[READ_ETAG];
      // '*' is BotState's "overwrite whatever is there": replace it with what this turn read.
      const overwrite = item && (item.eTag === '*' || item.eTag === undefined);
      if (overwrite && readETag === ABSENT) {
        const { eTag: _ignored, ...body } = item;
        creates.push([key, body]);
      } else {
        updates[key] = overwrite && readETag ? { ...item, eTag: readETag } : item;
      }
    }
    for (const [key, body] of creates) {
      const created = await this.guard('write', () => this.backend.create(key, body), [key]);
      if (!created) throw new StorageConflictError(key);
    }
    if (Object.keys(updates).length > 0)
      await this.guard('write', () => this.backend.items.write(updates), Object.keys(updates));
    // The new eTag is not returned: a second save in the same turn overwrites its own first one.
    for (const item of Object.values(changes) as TrackedItem[]) {
      if (item && typeof item === 'object' && item[READ_ETAG] !== undefined) item[READ_ETAG] = undefined;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.guard('delete', () => this.backend.items.delete(keys));
  }

  private async guard<T>(
    operation: 'read' | 'write' | 'delete',
    run: () => Promise<T>,
    keys: string[] = [],
  ): Promise<T> {
    try {
      return await withDeadline(run(), this.settings.deadlineMs ?? STORAGE_DEADLINE_MS, operation);
    } catch (error) {
      if (error instanceof StorageConflictError) throw error;
      if (isETagConflictMessage(error)) throw new StorageConflictError(keys.join(', '), error);
      // A fresh backend, so the next turn retries the container check instead of its cached failure.
      this.backend = this.make();
      throw new StorageUnavailableError(operation, error);
    }
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`storage ${operation} got no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // A late failure of the abandoned request must not surface as an unhandled rejection.
    work.catch(() => undefined);
  }
}

/** The real backend: BlobsStorage for reads and conditional writes, a ContainerClient for create-only writes. */
export function blobBackend(settings: BlobStateSettings): BlobBackend {
  const storagePipelineOptions = { retryOptions: { ...BLOB_RETRY_OPTIONS, ...settings.retryOptions } };
  let items: BlobsStorage;
  let container: ContainerClient;
  if (settings.connectionString) {
    items = new BlobsStorage(settings.connectionString, settings.container, { storagePipelineOptions });
    container = new ContainerClient(settings.connectionString, settings.container, storagePipelineOptions);
  } else if (settings.accountUrl && settings.credential) {
    // BlobsStorage takes the container URL with a token credential in place of a connection string.
    const url = `${settings.accountUrl.replace(/\/+$/, '')}/${settings.container}`;
    items = new BlobsStorage('', settings.container, { storagePipelineOptions }, url, settings.credential as never);
    container = new ContainerClient(url, settings.credential, storagePipelineOptions);
  } else {
    throw new Error('Blob state needs a connection string, or an account URL with a credential');
  }
  return {
    items,
    create: async (key, item) => {
      const body = JSON.stringify(item);
      try {
        // Same blob name as BlobsStorage gives the key, so later reads and conditional writes find it.
        await container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        return true;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 409 || status === 412) return false;
        throw error;
      }
    },
  };
}
