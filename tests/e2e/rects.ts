/**
 * Rectangles on the page for layout assertions: what an element covers when it is shown, and
 * whether two rectangles overlap.
 */
import type { Locator } from 'playwright-core';

/** CSS pixels, as `getBoundingClientRect` and the scene's `boardRect` hook give them. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The element's rectangle if it is rendered and visible (not `hidden`, `display: none` or `visibility: hidden`), else null. */
export function shownRect(locator: Locator): Promise<Rect | null> {
  return locator.evaluate((element) => {
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
    const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
    return width > 0 && height > 0 ? { left, top, right, bottom } : null;
  });
}

/** Every matching element's shown rectangle (the hidden ones left out). */
export async function shownRects(locator: Locator): Promise<Rect[]> {
  const rects = await Promise.all((await locator.all()).map(shownRect));
  return rects.filter((rect): rect is Rect => rect !== null);
}

/** True when the two share more than a hairline (half a pixel) of area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5
  );
}

export const describeRect = (rect: Rect | null) =>
  rect ? `${rect.left.toFixed(0)},${rect.top.toFixed(0)} → ${rect.right.toFixed(0)},${rect.bottom.toFixed(0)}` : 'none';
