/**
 * A `Storage` kept in a Map, for the kiosk's statistics recorder: `failWrites` makes every write
 * throw as a full localStorage does.
 */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
