/**
 * A photo's crop as the board, the card and the curator's picker cut it (src/layout/imageCrop.ts),
 * checked against what the content schema accepts.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { imageSchema } from '../../src/content/schema.ts';
import { clampCrop, cropBetween, cropPlacement, croppedAspect, cropUvs, isWholePhoto } from '../../src/layout/imageCrop.ts';

describe('a photo’s crop', () => {
  it('has the cropped part’s shape', () => {
    expect(croppedAspect(1.5, undefined)).toBe(1.5);
    // The left half of a 3:2 photo is 3:4.
    expect(croppedAspect(1.5, { x: 0, y: 0, width: 0.5, height: 1 })).toBe(0.75);
  });

  it('gives the unit plane texture coordinates of the crop, v running up from the bottom', () => {
    const whole = new THREE.PlaneGeometry(1, 1).getAttribute('uv').array;
    expect(cropUvs({ x: 0, y: 0, width: 1, height: 1 })).toEqual(Array.from(whole));
    // The top-right quarter: u 0.5–1, v 0.5–1.
    expect(cropUvs({ x: 0.5, y: 0, width: 0.5, height: 0.5 })).toEqual([0.5, 1, 1, 1, 0.5, 0.5, 1, 0.5]);
    // The bottom strip.
    expect(cropUvs({ x: 0, y: 0.75, width: 1, height: 0.25 })).toEqual([0, 0.25, 1, 0.25, 0, 0, 1, 0]);
  });

  it('places the whole photo in a frame that shows only the crop', () => {
    expect(cropPlacement({ x: 0, y: 0, width: 1, height: 1 })).toEqual({ left: -0, top: -0, width: 100, height: 100 });
    expect(cropPlacement({ x: 0.25, y: 0.5, width: 0.5, height: 0.5 })).toEqual({
      left: -50,
      top: -100,
      width: 200,
      height: 200,
    });
  });

  it('keeps a drag past the photo’s edge inside it, and no side under a tenth', () => {
    expect(clampCrop({ x: 0.8, y: -0.2, width: 0.5, height: 0.5 })).toEqual({ x: 0.5, y: 0, width: 0.5, height: 0.5 });
    expect(clampCrop({ x: 0.5, y: 0.5, width: 0.01, height: 3 })).toEqual({ x: 0.5, y: 0, width: 0.1, height: 1 });
    // Dragged from bottom-right to top-left spans the same crop.
    expect(cropBetween({ x: 0.9, y: 0.8 }, { x: 0.3, y: 0.2 })).toEqual({
      x: 0.3,
      y: 0.2,
      width: 0.6000000000000001,
      height: 0.6000000000000001,
    });
    expect(isWholePhoto(clampCrop({ x: -1, y: -1, width: 5, height: 5 }))).toBe(true);
    expect(isWholePhoto({ x: 0.1, y: 0, width: 0.9, height: 1 })).toBe(false);
  });

  it('is what the content schema accepts, and one past the photo’s edge is refused in words', () => {
    const image = { src: 'photos/a.jpg', caption: '合影' };
    for (const crop of [
      clampCrop({ x: 0.8, y: 0.7, width: 0.5, height: 0.6 }),
      cropBetween({ x: 0, y: 0 }, { x: 1 / 3, y: 2 / 3 }),
    ]) {
      expect(imageSchema.safeParse({ ...image, crop }).success).toBe(true);
    }
    const outside = imageSchema.safeParse({ ...image, crop: { x: 0.6, y: 0, width: 0.5, height: 1 } });
    expect(outside.success).toBe(false);
    expect(outside.error?.issues[0]?.message).toContain('inside the photo');
    expect(imageSchema.safeParse({ ...image, crop: { x: 0, y: 0, width: 0.05, height: 1 } }).success).toBe(false);
  });
});
