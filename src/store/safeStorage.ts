/**
 * Web Storage where touching it may throw (a private window, storage disabled by policy): the one
 * place that asks. Callers get null and carry on without remembering.
 */
export type StorageKind = 'localStorage' | 'sessionStorage';

/** The window's storage of that kind, or null where there is no window or touching it throws. */
export function safeStorage(
  win: Window | undefined = typeof window === 'undefined' ? undefined : window,
  kind: StorageKind = 'localStorage',
): Storage | null {
  try {
    return win?.[kind] ?? null;
  } catch {
    return null;
  }
}
