/**
 * The contest's countdowns on the server's clock. A phone's clock may be minutes off the
 * station's, so a deadline (server epoch ms) is never compared with `Date.now()` directly: each
 * snapshot says the server's time when it was sent, and the client keeps the difference as it
 * receives it. (The few milliseconds the message took on the station's Wi-Fi are not worth more.)
 */

/** How far the server's clock is ahead of this one (ms; negative when behind). */
export function clockOffset(serverTime: number, receivedAt: number): number {
  return serverTime - receivedAt;
}

/** A time on the server's clock, on this one's. */
export function toLocalTime(serverMs: number, offset: number): number {
  return serverMs - offset;
}

/** What is left of a contest question (ms, never below 0) at local time `now`. */
export function timeLeft(deadline: number, offset: number, now: number): number {
  return Math.max(0, toLocalTime(deadline, offset) - now);
}
