/**
 * Who decides when a texture is uploaded. three uploads a texture whenever `needsUpdate = true` is
 * set, and troika sets it more often than there is anything new (scene/TextBatch.tsx and
 * scene/cpuSdfAtlas.ts say when): those textures take the requests through a filter of their own.
 */
import { Texture } from 'three';

const threeNeedsUpdate = Object.getOwnPropertyDescriptor(Texture.prototype, 'needsUpdate')?.set;

/** three's own `needsUpdate = true`, past the texture's filter. */
export function markForUpload(texture: Texture): void {
  threeNeedsUpdate?.call(texture, true);
}

/** From now on `texture.needsUpdate = true` uploads only when `allow()` says so. */
export function filterUploadRequests(texture: Texture, allow: () => boolean): void {
  Object.defineProperty(texture, 'needsUpdate', {
    configurable: true,
    get: () => false,
    set(value: boolean) {
      if (value === true && allow()) markForUpload(texture);
    },
  });
}
