// How many requests a sync keeps in flight: a counting semaphore whose limit can only go down during a run (halved on
// each 429 or quota answer, never below 1), so a server that says "too many" is asked more gently for the rest of it.

export class RequestLimiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private current: number;
  /** how many times the limit was lowered */
  lowered = 0;

  constructor(limit: number) {
    this.current = Math.max(1, Math.floor(limit));
  }

  get limit(): number {
    return this.current;
  }

  /** Halves the limit (down to 1). Returns the new limit. */
  lower(): number {
    if (this.current > 1) {
      this.current = Math.max(1, Math.floor(this.current / 2));
      this.lowered++;
    }
    return this.current;
  }

  /** Runs `fn` once a slot is free. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.current) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    this.active--;
    // A lowered limit drains: waiters start only while fewer than the new limit run.
    while (this.active < this.current && this.queue.length > 0) {
      this.active++;
      this.queue.shift()!();
    }
  }
}
