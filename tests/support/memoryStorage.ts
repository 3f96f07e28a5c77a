/**
 * A `Storage` kept in a Map, for the code that remembers things in the browser (the kiosk's
 * statistics, a quiz attempt, a follower's token and view): `failWrites` makes every write throw
 * as a full localStorage does, `failReads` every read as a storage the browser refuses.
 */
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  failWrites = false;
  failReads = false;
  [name: string]: unknown;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.failReads) throw new DOMException('refused', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
