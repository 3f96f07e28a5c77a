import { LinearMipmapLinearFilter, LinearMipmapNearestFilter, type Texture } from 'three';
import { deviceQuality } from './deviceQuality.ts';

/** The device's filtering (scene/deviceQuality.ts) for a mipmapped texture of the corridor or a photo. */
export function applyTextureQuality(texture: Texture): void {
  const quality = deviceQuality();
  texture.anisotropy = quality.anisotropy;
  texture.minFilter = quality.blendMipmaps ? LinearMipmapLinearFilter : LinearMipmapNearestFilter;
}
