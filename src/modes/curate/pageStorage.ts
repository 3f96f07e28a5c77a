/**
 * Where the curator keeps the edits the station has not had yet: the page's `localStorage`, or,
 * where it is refused (a private window), a storage that keeps nothing — the edit then lives in
 * the page only, and the save state says when it has not gone through.
 */
import type { PendingStorage } from './draftModel.ts';

export function pageStorage(): PendingStorage {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    // Refused.
  }
  const none: PendingStorage = { getItem: () => null, setItem() {}, removeItem() {}, key: () => null, length: 0 };
  return none;
}
