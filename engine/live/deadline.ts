// One overall budget for all live checks: every query races the same timer, and when it fires the
// port is told to cancel, so nothing waits past the budget however the resolver behaves.

class BudgetExceeded extends Error {
  readonly code = 'ECANCELLED';
  constructor() {
    super('live check budget exhausted');
  }
}

export class Deadline {
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<never>;
  private expiredFlag = false;

  constructor(budgetMs: number, onExpire: () => void) {
    let fire: (e: Error) => void = () => undefined;
    this.expiry = new Promise<never>((_, reject) => {
      fire = reject;
    });
    this.expiry.catch(() => undefined); // no unhandled rejection when no query is waiting
    this.timer = setTimeout(
      () => {
        this.expiredFlag = true;
        fire(new BudgetExceeded());
        try {
          onExpire();
        } catch {
          /* a port that fails to cancel changes nothing: answers are already final */
        }
      },
      Math.max(0, budgetMs),
    );
    // Not unref'd: a hung port must not let the process exit with the checks unanswered.
  }

  get expired(): boolean {
    return this.expiredFlag;
  }

  /** Resolves like `work`, or rejects with BudgetExceeded once the budget is spent. */
  race<T>(work: () => Promise<T>): Promise<T> {
    if (this.expiredFlag) return Promise.reject(new BudgetExceeded());
    let started: Promise<T>;
    try {
      started = work();
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.race([started, this.expiry]);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
