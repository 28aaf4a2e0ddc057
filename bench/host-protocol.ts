// Messages between the bench runner and a bot it runs in a child process (bench/bot-host.ts).

export type BotKind = 'real' | 'echo';

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface StorageStats {
  /** Items in MemoryStorage, all kinds. */
  items: number;
  conversations: number;
  /** Conversations whose dialog stack is not empty: a prompt is waiting for the user. */
  midDialog: number;
  /** UTF-8 bytes of the JSON MemoryStorage keeps for conversation state (keys included). */
  conversationBytes: number;
  largestConversationBytes: number;
}

export type HostRequest = { type: 'measure' } | { type: 'stop' } | { type: 'clone'; total: number };

export type HostMessage =
  | { type: 'ready'; port: number }
  | { type: 'measured'; memory: MemorySnapshot; storage: StorageStats }
  | { type: 'cloned'; conversations: number };
