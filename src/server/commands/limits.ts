/**
 * Rate limits, kept in memory (they protect a running process; a restart may forget them).
 *
 * - {@link AttemptLimiter}: wrong PINs, unknown join codes, bad presenter credentials per address;
 *   too many failures in a window lock the address out for a while, even for a right answer.
 * - {@link TokenBucket}: messages per connection; a burst is fine, a flood is refused.
 */

export interface AttemptLimits {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/** Bounds the memory an address-spraying client can make us spend. */
const MAX_KEYS = 10_000;

export class AttemptLimiter {
  private readonly entries = new Map<string, { failures: number[]; lockedUntil: number }>();

  constructor(
    private readonly limits: AttemptLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  isLocked(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.lockedUntil > this.clock();
  }

  /** Counts a failure; true when this one locked the key out. */
  fail(key: string): boolean {
    const now = this.clock();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((at) => now - at < this.limits.windowMs);
    entry.failures.push(now);
    if (!this.entries.has(key)) {
      if (this.entries.size >= MAX_KEYS) this.prune(now);
      this.entries.set(key, entry);
    }
    if (entry.failures.length >= this.limits.maxFailures) {
      entry.lockedUntil = now + this.limits.lockoutMs;
      entry.failures = [];
      return true;
    }
    return false;
  }

  succeed(key: string): void {
    if (!this.isLocked(key)) this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= now && entry.failures.every((at) => now - at >= this.limits.windowMs)) this.entries.delete(key);
    }
    // Still full of live entries: forget the oldest rather than grow without bound.
    while (this.entries.size >= MAX_KEYS) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

export interface BucketLimits {
  /** Messages allowed at once. */
  burst: number;
  /** Messages per second refilled. */
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limits: BucketLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = limits.burst;
    this.updatedAt = clock();
  }

  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.limits.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
