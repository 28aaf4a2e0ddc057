import { MemoryStorage, type StoreItems } from 'botbuilder';

// botbuilder's MemoryStorage keeps every conversation until the process ends (about 1 KB each), and its
// delete leaves the key behind. This one forgets a key nobody has read or written for `ttlMs` (the
// conversation would be expired by StateExpiryMiddleware anyway) in a sweep that runs at most once per
// `sweepEveryMs`, on the next write, so an idle bot does no work.

export class ExpiringMemoryStorage extends MemoryStorage {
  private readonly touched = new Map<string, number>();
  private lastSweep: number;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = Math.min(ttlMs, 10 * 60 * 1000),
  ) {
    super();
    this.lastSweep = now();
  }

  /** Keys held now (for tests and the memory benchmark). */
  get size(): number {
    return Object.keys(this.memory).length;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await super.read(keys);
    const now = this.now();
    for (const key of Object.keys(items)) this.touched.set(key, now);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.sweep();
    await super.write(changes);
    const now = this.now();
    for (const key of Object.keys(changes)) this.touched.set(key, now);
  }

  async delete(keys: string[]): Promise<void> {
    await super.delete(keys);
    for (const key of keys) this.forget(key);
  }

  /** Drops every key idle longer than the TTL (at most once per sweep interval). */
  sweep(force = false): number {
    const now = this.now();
    if (!force && now - this.lastSweep < this.sweepEveryMs) return 0;
    this.lastSweep = now;
    let dropped = 0;
    for (const key of Object.keys(this.memory)) {
      const at = this.touched.get(key);
      if (this.memory[key] === undefined || at === undefined || now - at > this.ttlMs) {
        this.forget(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  private forget(key: string): void {
    delete this.memory[key];
    this.touched.delete(key);
  }
}
