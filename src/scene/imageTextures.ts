/**
 * Photo textures for the boards, shared by URL and reference-counted: a texture is disposed as
 * soon as no board uses it (drei's `useTexture` caches forever, which a long-running kiosk with
 * many photos cannot afford). Loads report to the loading screen and failures to the caller.
 */
import * as THREE from 'three';

export type TextureState = { status: 'loading' } | { status: 'ready'; texture: THREE.Texture } | { status: 'failed' };

interface Entry {
  users: number;
  state: TextureState;
  listeners: Set<(state: TextureState) => void>;
}

export interface TextureProgress {
  loaded: number;
  total: number;
}

export class ImageTextureCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loader = new THREE.TextureLoader();
  private settled = 0;
  private requested = 0;

  constructor(private readonly onProgress: (progress: TextureProgress) => void = () => {}) {}

  /** Starts using the texture at `url`; `listener` hears when it is ready or has failed. */
  acquire(url: string, listener: (state: TextureState) => void): () => void {
    let entry = this.entries.get(url);
    if (!entry) {
      const created: Entry = { users: 0, state: { status: 'loading' }, listeners: new Set() };
      entry = created;
      this.entries.set(url, created);
      this.requested++;
      this.report();
      this.loader.load(
        url,
        (texture) => {
          texture.colorSpace = THREE.SRGBColorSpace;
          texture.anisotropy = 4;
          if (this.entries.get(url) !== created) {
            texture.dispose(); // released while it loaded
            return;
          }
          this.finish(created, { status: 'ready', texture });
        },
        undefined,
        () => {
          if (this.entries.get(url) === created) this.finish(created, { status: 'failed' });
        },
      );
    }
    const current = entry;
    current.users++;
    current.listeners.add(listener);
    if (current.state.status !== 'loading') listener(current.state);
    return () => {
      current.listeners.delete(listener);
      current.users--;
      if (current.users > 0) return;
      if (current.state.status === 'ready') current.state.texture.dispose();
      else if (current.state.status === 'loading') this.settled++; // it will never report now
      this.entries.delete(url);
      this.report();
    };
  }

  /** Textures currently held (loaded or loading). */
  get size(): number {
    return this.entries.size;
  }

  disposeAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.state.status === 'ready') entry.state.texture.dispose();
    }
    this.entries.clear();
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
