/**
 * The walk's reduced frame (src/scene/reducedResolutionRender.ts): the corner's size, and how it is
 * stretched over the canvas.
 */
import { LinearFilter, NearestFilter } from 'three';
import { describe, expect, it } from 'vitest';
import { reducedRegion, stretchFilter } from '../../src/scene/reducedResolutionRender.ts';

describe('reducedRegion', () => {
  it('is the scale of the drawing buffer, rounded, never empty', () => {
    expect(reducedRegion(1280, 720, 0.5)).toEqual({ width: 640, height: 360 });
    expect(reducedRegion(1281, 721, 0.5)).toEqual({ width: 641, height: 361 });
    expect(reducedRegion(1920, 1080, 1 / 3)).toEqual({ width: 640, height: 360 });
    expect(reducedRegion(10, 10, 0)).toEqual({ width: 1, height: 1 });
    expect(reducedRegion(1280, 720, 2)).toEqual({ width: 1280, height: 720 });
  });
});

describe('stretchFilter', () => {
  it('repeats pixels where the canvas is a whole multiple of the corner both ways', () => {
    expect(stretchFilter(1280, 720, reducedRegion(1280, 720, 0.5))).toBe(NearestFilter);
    expect(stretchFilter(1920, 1080, reducedRegion(1920, 1080, 1 / 3))).toBe(NearestFilter);
    expect(stretchFilter(1170, 2532, reducedRegion(1170, 2532, 0.5))).toBe(NearestFilter);
  });

  it('blends where it is not: a fractional ratio, an odd size, or unequal factors', () => {
    expect(stretchFilter(1280, 720, reducedRegion(1280, 720, 0.65))).toBe(LinearFilter);
    expect(stretchFilter(1281, 721, reducedRegion(1281, 721, 0.5))).toBe(LinearFilter);
    expect(stretchFilter(1280, 720, { width: 640, height: 240 })).toBe(LinearFilter);
    expect(stretchFilter(1280, 720, { width: 1280, height: 720 })).toBe(NearestFilter); // 1:1, nothing to blend
  });
});
