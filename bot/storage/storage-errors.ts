// Storage failures the bot tells the user about, told apart from bugs: a storage outage ("try again")
// and a lost race with another instance writing the same conversation ("send it again").

/** The store could not be reached or refused the operation (network, timeout, 5xx, credentials). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    readonly operation: 'read' | 'write' | 'delete',
    cause: unknown,
  ) {
    super(`conversation state ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** Another turn of the same conversation saved first (stale eTag): this turn's changes were not kept. */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
  constructor(
    readonly key: string,
    cause?: unknown,
  ) {
    super(`conversation state "${key}" changed since it was read (eTag conflict)`, { cause });
  }
}

export type StorageFailure = 'unavailable' | 'conflict';

/** BlobsStorage and MemoryStorage report a stale eTag as a plain Error with this wording. */
export function isETagConflictMessage(error: unknown): boolean {
  return error instanceof Error && /due to eTag conflict/i.test(error.message);
}

/**
 * The storage failure inside an error, if any. Dialog errors wrap the original (`DialogContextError.error`),
 * other layers use `cause`: look a few levels down.
 */
export function storageFailureOf(error: unknown, depth = 0): StorageFailure | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  if (error instanceof StorageUnavailableError) return 'unavailable';
  if (error instanceof StorageConflictError) return 'conflict';
  const inner = error as { error?: unknown; cause?: unknown };
  return storageFailureOf(inner.error, depth + 1) ?? storageFailureOf(inner.cause, depth + 1);
}
