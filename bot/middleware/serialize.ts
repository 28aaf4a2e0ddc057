import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Runs the turns of one conversation one at a time, so two quick messages never race on state. A turn
 * waits for the one before it at most `maxWaitMs`: every outbound call has a deadline, so a turn that
 * takes longer is stuck, and the conversation must not stay wedged behind it.
 */
export class SerializeMiddleware implements Middleware {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly maxWaitMs = 120_000) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = context.activity.conversation?.id ?? '';
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      previous,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.maxWaitMs);
      }),
    ]);
    clearTimeout(timer);
    try {
      await next();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
