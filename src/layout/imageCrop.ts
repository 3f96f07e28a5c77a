/**
 * A photo's crop (an image's `crop` in the content: shares of the upright photo from its top-left
 * corner) as the board and the card draw it. Pure numbers, so the board's texture coordinates,
 * the card's CSS and the curator's picker all cut the same part.
 */
import type { Crop } from '../content/schema.ts';

export const WHOLE_PHOTO: Crop = { x: 0, y: 0, width: 1, height: 1 };

/** The shown part's aspect (width / height) for a photo of `aspect`. */
export function croppedAspect(aspect: number, crop: Crop | undefined): number {
  return crop ? (aspect * crop.width) / crop.height : aspect;
}

/**
 * Texture coordinates for three's unit PlaneGeometry (its vertices: top-left, top-right,
 * bottom-left, bottom-right), so the plane shows only the crop. A texture's v runs up from the
 * photo's bottom edge while the crop's y runs down from its top.
 */
export function cropUvs(crop: Crop): number[] {
  const left = crop.x;
  const right = crop.x + crop.width;
  const top = 1 - crop.y;
  const bottom = 1 - crop.y - crop.height;
  return [left, top, right, top, left, bottom, right, bottom];
}

/**
 * Where the whole photo goes inside a frame that shows only the crop, in percentages of the
 * frame (CSS `left`, `top`, `width`, `height` of an absolutely placed `<img>` in an
 * `overflow: hidden` frame of the cropped aspect).
 */
export function cropPlacement(crop: Crop): { left: number; top: number; width: number; height: number } {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    left: round((-crop.x / crop.width) * 100),
    top: round((-crop.y / crop.height) * 100),
    width: round((1 / crop.width) * 100),
    height: round((1 / crop.height) * 100),
  };
}

/** The smallest side a crop may have (as the content schema says: a tenth of the photo). */
export const MIN_CROP_SIDE = 0.1;

/**
 * A crop kept inside the photo and no smaller than MIN_CROP_SIDE: what the picker makes of a drag
 * past the photo's edge or a number typed too large. Its sides shrink to fit before it moves.
 */
export function clampCrop(crop: Crop): Crop {
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const width = clamp(crop.width, MIN_CROP_SIDE, 1);
  const height = clamp(crop.height, MIN_CROP_SIDE, 1);
  return { x: clamp(crop.x, 0, 1 - width), y: clamp(crop.y, 0, 1 - height), width, height };
}

/** The crop spanned by two corners (a drag from one to the other), in shares of the photo. */
export function cropBetween(from: { x: number; y: number }, to: { x: number; y: number }): Crop {
  return clampCrop({
    x: Math.min(from.x, to.x),
    y: Math.min(from.y, to.y),
    width: Math.abs(to.x - from.x),
    height: Math.abs(to.y - from.y),
  });
}

/** True when the crop cuts nothing away (then the content need not carry it). */
export function isWholePhoto(crop: Crop): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-3;
  return near(crop.x, 0) && near(crop.y, 0) && near(crop.width, 1) && near(crop.height, 1);
}
