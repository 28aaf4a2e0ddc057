import type { CloudAdapter, ConversationState } from 'botbuilder';
import type { Logger } from './logger';
import { StateExpiryMiddleware } from './storage-expiry-middleware';
import { StorageGuardMiddleware } from './storage-guard-middleware';

export interface StorageMiddlewareOptions {
  /** Minutes of silence after which a conversation starts afresh. */
  ttlMinutes: number;
  logger: Logger;
  now?: () => number;
}

/**
 * Adds the storage middleware to the adapter, after duplicate-drop and per-conversation ordering:
 * the guard outermost (it must also catch the expiry check's storage read), then the expiry check.
 */
export function useStorageMiddleware(adapter: CloudAdapter, conversationState: ConversationState, options: StorageMiddlewareOptions): void {
  adapter.use(new StorageGuardMiddleware(options.logger));
  adapter.use(new StateExpiryMiddleware(conversationState, options.ttlMinutes * 60 * 1000, options.now));
}
