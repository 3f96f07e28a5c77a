/**
 * Photo textures for the boards, shared by URL and reference-counted: a texture is disposed as
 * soon as no board uses it (drei's `useTexture` caches forever, which a long-running kiosk with
 * many photos cannot afford). Loads report to the loading screen and failures to the caller.
 *
 * Only a few load at a time, the most urgent first (the boards nearest the visitor), so walking
 * into a corridor of a hundred photos does not queue a hundred downloads ahead of the one in view.
 * Each texture may name fallbacks (JPEG after WebP, the original after both), tried in order.
 */
import * as THREE from 'three';
import { applyTextureQuality } from './textureQuality.ts';

export type TextureState = { status: 'loading' } | { status: 'ready'; texture: THREE.Texture } | { status: 'failed' };

interface Entry {
  urls: readonly string[];
  users: number;
  state: TextureState;
  listeners: Set<(state: TextureState) => void>;
  /** Lower loads sooner; the most urgent of the entry's users. */
  priority: number;
  /** Whether its download has started. */
  started: boolean;
}

export interface TextureProgress {
  loaded: number;
  total: number;
}

export interface TextureCacheStats {
  /** Textures held (loaded, loading or waiting to load). */
  held: number;
  ready: number;
  failed: number;
  /** Downloads in flight. */
  loading: number;
  /** Waiting for a download slot. */
  queued: number;
}

export interface ImageTextureCacheOptions {
  onProgress?: (progress: TextureProgress) => void;
  /** How many downloads run at once. */
  maxConcurrent?: number;
}

export class ImageTextureCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loader = new THREE.TextureLoader();
  private readonly onProgress: (progress: TextureProgress) => void;
  private readonly maxConcurrent: number;
  private settled = 0;
  private requested = 0;
  private inFlight = 0;

  constructor(options: ImageTextureCacheOptions | ((progress: TextureProgress) => void) = {}) {
    const resolved = typeof options === 'function' ? { onProgress: options } : options;
    this.onProgress = resolved.onProgress ?? (() => {});
    this.maxConcurrent = Math.max(1, resolved.maxConcurrent ?? 4);
  }

  /**
   * Starts using the texture at `urls` (the first that loads); `listener` hears when it is ready
   * or has failed. `priority` orders the waiting downloads, lowest first. Returns the release.
   */
  acquire(urls: string | readonly string[], listener: (state: TextureState) => void, priority = 0): () => void {
    const list = typeof urls === 'string' ? [urls] : urls;
    const key = list.join('\n');
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { urls: list, users: 0, state: { status: 'loading' }, listeners: new Set(), priority, started: false };
      this.entries.set(key, entry);
      this.requested++;
      this.report();
    }
    const current = entry;
    current.users++;
    current.priority = Math.min(current.priority, priority);
    current.listeners.add(listener);
    if (current.state.status !== 'loading') listener(current.state);
    this.pump();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      current.listeners.delete(listener);
      current.users--;
      if (current.users > 0) return;
      if (current.state.status === 'ready') current.state.texture.dispose();
      else if (current.state.status === 'loading') this.settled++; // it will never report now
      this.entries.delete(key);
      this.report();
    };
  }

  /** Textures currently held (loaded, loading or waiting). */
  get size(): number {
    return this.entries.size;
  }

  stats(): TextureCacheStats {
    const stats: TextureCacheStats = { held: this.entries.size, ready: 0, failed: 0, loading: 0, queued: 0 };
    for (const entry of this.entries.values()) {
      if (entry.state.status === 'ready') stats.ready++;
      else if (entry.state.status === 'failed') stats.failed++;
      else if (entry.started) stats.loading++;
      else stats.queued++;
    }
    return stats;
  }

  disposeAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.state.status === 'ready') entry.state.texture.dispose();
    }
    this.entries.clear();
  }

  /** Starts the most urgent waiting downloads while there are free slots. */
  private pump(): void {
    while (this.inFlight < this.maxConcurrent) {
      let next: Entry | undefined;
      for (const entry of this.entries.values()) {
        if (!entry.started && (!next || entry.priority < next.priority)) next = entry;
      }
      if (!next) return;
      next.started = true;
      this.inFlight++;
      this.load(next, 0);
    }
  }

  private load(entry: Entry, index: number): void {
    const url = entry.urls[index] as string;
    const alive = () => this.entries.get(entry.urls.join('\n')) === entry;
    const done = () => {
      this.inFlight--;
      this.pump();
    };
    this.loader.load(
      url,
      (texture) => {
        done();
        texture.colorSpace = THREE.SRGBColorSpace;
        applyTextureQuality(texture);
        if (!alive()) {
          texture.dispose(); // released while it loaded
          return;
        }
        this.finish(entry, { status: 'ready', texture });
      },
      undefined,
      () => {
        if (alive() && index + 1 < entry.urls.length) {
          this.load(entry, index + 1); // keeps its download slot
          return;
        }
        done();
        if (alive()) this.finish(entry, { status: 'failed' });
      },
    );
  }

  private finish(entry: Entry, state: TextureState) {
    entry.state = state;
    this.settled++;
    this.report();
    for (const listener of entry.listeners) listener(state);
  }

  private report() {
    this.onProgress({ loaded: this.settled, total: this.requested });
  }
}
