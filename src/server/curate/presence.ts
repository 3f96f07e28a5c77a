/**
 * Who has which panel open in the curator, so two people on one panel see each other before a
 * conflict does it for them. Kept in memory (a restart forgets it; the pages say it again within
 * a beat); one entry per account and browser tab is not needed: one per account is what a person
 * reads ("王芳 也在编辑这块展板").
 */
import { PRESENCE_TTL_MS, type PresenceEntry } from '../../live/curateDraftProtocol.ts';

/** The station has a handful of staff; this only bounds what a misbehaving client could make it keep. */
const MAX_ENTRIES = 500;

export class CuratorPresence {
  private readonly entries = new Map<string, PresenceEntry>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs: number = PRESENCE_TTL_MS,
  ) {}

  /** Records that `accountId` has `panelId` open, and answers everyone else heard from lately. */
  beat(accountId: string, displayName: string, panelId: string | null): PresenceEntry[] {
    const now = this.clock();
    this.prune(now);
    if (!this.entries.has(accountId) && this.entries.size >= MAX_ENTRIES) return this.othersOf(accountId);
    this.entries.set(accountId, { accountId, displayName, panelId, seenAt: now });
    return this.othersOf(accountId);
  }

  /** Someone logged out or lost their session: gone at once. */
  forget(accountId: string): void {
    this.entries.delete(accountId);
  }

  private othersOf(accountId: string): PresenceEntry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.accountId !== accountId)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-Hans-CN'));
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) if (now - entry.seenAt > this.ttlMs) this.entries.delete(id);
  }
}
