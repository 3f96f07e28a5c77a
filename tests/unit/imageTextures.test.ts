/**
 * The board photo cache without a browser: THREE's loader is replaced by one the test answers by
 * hand, so order, fallbacks, counting and disposal are all visible.
 */
import * as THREE from 'three';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageTextureCache, type TextureProgress, type TextureState } from '../../src/scene/imageTextures.ts';

interface PendingLoad {
  url: string;
  texture: THREE.Texture;
  succeed(): THREE.Texture;
  fail(): void;
}

let pending: PendingLoad[];

beforeEach(() => {
  pending = [];
  vi.spyOn(THREE.TextureLoader.prototype, 'load').mockImplementation((url, onLoad, _onProgress, onError) => {
    const texture = new THREE.Texture({ width: 400, height: 300 } as HTMLImageElement);
    pending.push({
      url,
      texture,
      succeed: () => {
        onLoad?.(texture);
        return texture;
      },
      fail: () => onError?.(new Error(`404 ${url}`)),
    });
    return texture;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const take = (url: string): PendingLoad => {
  const index = pending.findIndex((load) => load.url === url);
  if (index < 0) throw new Error(`${url} is not loading (loading: ${pending.map((load) => load.url).join(', ')})`);
  return pending.splice(index, 1)[0] as PendingLoad;
};

describe('ImageTextureCache', () => {
  it('loads a few at a time, the most urgent first', () => {
    const cache = new ImageTextureCache({ maxConcurrent: 2 });
    for (const [url, priority] of [
      ['far.webp', 9],
      ['near.webp', 0],
      ['middle.webp', 4],
      ['next.webp', 1],
    ] as const) {
      cache.acquire(url, () => {}, priority);
    }
    // The first two requests start at once (nothing else was waiting yet)…
    expect(pending.map((load) => load.url)).toEqual(['far.webp', 'near.webp']);
    expect(cache.stats()).toMatchObject({ held: 4, loading: 2, queued: 2 });
    // …and each free slot goes to the most urgent of those waiting.
    take('near.webp').succeed();
    expect(pending.map((load) => load.url)).toEqual(['far.webp', 'next.webp']);
    take('far.webp').succeed();
    expect(pending.map((load) => load.url)).toEqual(['next.webp', 'middle.webp']);
    expect(cache.stats()).toMatchObject({ held: 4, ready: 2, loading: 2, queued: 0 });
  });

  it('shares a texture between users and disposes it when the last one lets go', () => {
    const cache = new ImageTextureCache();
    const first = vi.fn<(state: TextureState) => void>();
    const second = vi.fn<(state: TextureState) => void>();
    const releaseFirst = cache.acquire(['a.webp', 'a.jpg'], first);
    const releaseSecond = cache.acquire(['a.webp', 'a.jpg'], second);
    expect(pending).toHaveLength(1);
    const texture = take('a.webp').succeed();
    expect(first).toHaveBeenCalledWith({ status: 'ready', texture });
    expect(second).toHaveBeenCalledWith({ status: 'ready', texture });
    expect(texture.colorSpace).toBe(THREE.SRGBColorSpace);
    const disposed = vi.fn();
    texture.addEventListener('dispose', disposed);
    releaseFirst();
    releaseFirst(); // twice is once
    expect(disposed).not.toHaveBeenCalled();
    releaseSecond();
    expect(disposed).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(0);
  });

  it('tries the fallbacks in order, and fails only when none loads', () => {
    const cache = new ImageTextureCache();
    const listener = vi.fn<(state: TextureState) => void>();
    cache.acquire(['p.webp', 'p.jpg', 'photos/p.jpg'], listener);
    take('p.webp').fail();
    take('p.jpg').fail();
    expect(listener).not.toHaveBeenCalled();
    const texture = take('photos/p.jpg').succeed();
    expect(listener).toHaveBeenCalledWith({ status: 'ready', texture });

    const missing = vi.fn<(state: TextureState) => void>();
    cache.acquire('photos/missing.jpg', missing);
    take('photos/missing.jpg').fail();
    expect(missing).toHaveBeenCalledWith({ status: 'failed' });
    expect(cache.stats()).toMatchObject({ ready: 1, failed: 1 });
  });

  it('a texture released while waiting is never loaded; one released while loading is disposed on arrival', () => {
    const cache = new ImageTextureCache({ maxConcurrent: 1 });
    const releaseLoading = cache.acquire('loading.webp', () => {});
    const releaseWaiting = cache.acquire('waiting.webp', () => {});
    releaseWaiting();
    releaseLoading();
    expect(cache.size).toBe(0);
    const arriving = take('loading.webp');
    const dispose = vi.spyOn(arriving.texture, 'dispose');
    arriving.succeed();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(pending).toEqual([]); // the waiting one never started
    cache.acquire('after.webp', () => {});
    expect(pending.map((load) => load.url)).toEqual(['after.webp']); // the slot was freed
  });

  it('reports progress over what was asked for, counting released loads as settled', () => {
    const reports: TextureProgress[] = [];
    const cache = new ImageTextureCache((progress) => reports.push(progress));
    cache.acquire('one.webp', () => {});
    const releaseTwo = cache.acquire('two.webp', () => {});
    expect(reports.at(-1)).toEqual({ loaded: 0, total: 2 });
    take('one.webp').succeed();
    expect(reports.at(-1)).toEqual({ loaded: 1, total: 2 });
    releaseTwo();
    expect(reports.at(-1)).toEqual({ loaded: 2, total: 2 });
  });
});
