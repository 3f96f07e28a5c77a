/**
 * A window with only what the hash sync uses: `location.hash`, `history.pushState` (which, as in a
 * browser, changes the address without a `hashchange`) and `hashchange` listeners, and `navigate`
 * for the visitor following a link or pressing back.
 */
export class FakeWindow {
  location = { hash: '' };
  pushed: string[] = [];
  listeners = new Map<string, Set<() => void>>();
  history = {
    pushState: (_state: unknown, _title: string, url?: string | URL | null) => {
      const hash = String(url ?? '');
      this.pushed.push(hash);
      // Like a browser: the address changes, and no hashchange fires.
      this.location.hash = hash === '#' ? '' : hash;
    },
  };

  constructor(hash = '') {
    this.location.hash = hash;
  }

  addEventListener(type: string, listener: () => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }

  /** The visitor follows a link or presses back: the hash changes and `hashchange` fires. */
  navigate(hash: string) {
    this.location.hash = hash;
    for (const listener of this.listeners.get('hashchange') ?? []) listener();
  }

  get listenerCount() {
    return this.listeners.get('hashchange')?.size ?? 0;
  }

  asWindow(): Window {
    return this as unknown as Window;
  }
}
