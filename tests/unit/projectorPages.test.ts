/**
 * The projector's screens and type fitting, as arithmetic: a long panel's screens break between
 * lines (no line shows on two screens, none is cut at a screen's top), and a short panel's type
 * grows from the smallest size to the largest that fits.
 */
import { describe, expect, it } from 'vitest';
import { type LineBox, largestFit, pageStarts } from '../../src/modes/present/ui/projectorPages.ts';

/** `count` lines of `height` px, `gap` px apart (the leading between them). */
function lines(count: number, height: number, gap: number, from = 0): LineBox[] {
  return Array.from({ length: count }, (_, i) => ({
    top: from + i * (height + gap),
    bottom: from + i * (height + gap) + height,
  }));
}

/** Every line either whole on a screen or not on it at all, and on exactly one screen. */
function expectWholeLines(boxes: LineBox[], starts: number[], view: number) {
  for (const line of boxes) {
    const screens = starts.filter((start, index) => {
      const end = Math.min(start + view, starts[index + 1] ?? Number.POSITIVE_INFINITY);
      const overlaps = line.bottom > start && line.top < end;
      if (overlaps) {
        expect(line.top, `line ${line.top}–${line.bottom} cut at the top of the screen at ${start}`).toBeGreaterThanOrEqual(
          start,
        );
        expect(line.bottom, `line ${line.top}–${line.bottom} cut at the bottom of the screen at ${start}`).toBeLessThanOrEqual(
          end,
        );
      }
      return overlaps;
    });
    expect(screens.length, `line ${line.top}–${line.bottom}`).toBe(1);
  }
}

describe('pageStarts', () => {
  it('one screen when everything fits', () => {
    expect(pageStarts(lines(10, 40, 10), 500)).toEqual([0]);
    expect(pageStarts([], 500)).toEqual([0]);
  });

  it('each next screen starts at the top of the first line that did not fit whole', () => {
    // Lines at 0–40, 50–90, …; a 475 px window holds nine whole lines (the tenth ends at 490).
    const boxes = lines(25, 40, 10);
    const starts = pageStarts(boxes, 475);
    expect(starts).toEqual([0, 450, 900]);
    expectWholeLines(boxes, starts, 475);
  });

  it('does not repeat the last line of a screen at the top of the next (the old fold did)', () => {
    const boxes = lines(30, 52, 31);
    const starts = pageStarts(boxes, 778);
    for (const start of starts.slice(1)) expect(boxes.some((line) => line.top === start)).toBe(true);
    expectWholeLines(boxes, starts, 778);
  });

  it('rects of one line from several text nodes (a span in a paragraph) break together', () => {
    const boxes = [...lines(9, 40, 10), { top: 452, bottom: 488 }, { top: 450, bottom: 490 }, ...lines(5, 40, 10, 500)];
    const starts = pageStarts(boxes, 470);
    expect(starts[1]).toBe(450);
    expectWholeLines(boxes, starts, 470);
  });

  it('a block that reaches below the break (a tile beside a shorter one) moves the break up to it', () => {
    // Two tiles side by side: 300–420 and 310–470; the window ends at 450.
    const boxes: LineBox[] = [
      ...lines(6, 40, 10),
      { top: 300, bottom: 420 },
      { top: 310, bottom: 470 },
      ...lines(4, 40, 10, 480),
    ];
    const starts = pageStarts(boxes, 450);
    expect(starts[1]).toBe(300);
    expectWholeLines(boxes, starts, 450);
  });

  it('breaks through a block taller than the screen rather than stand still', () => {
    const starts = pageStarts([{ top: 0, bottom: 1200 }], 500);
    expect(starts).toEqual([0, 500, 1000]);
  });

  it('mixed line heights (a summary, headings, paragraphs) never leave a sliver at a screen top', () => {
    const boxes: LineBox[] = [];
    let y = 0;
    for (let i = 0; i < 60; i++) {
      const height = i % 7 === 0 ? 61 : i % 3 === 0 ? 47 : 43;
      boxes.push({ top: y, bottom: y + height });
      y += height + (i % 5 === 0 ? 24 : 13.6);
    }
    for (const view of [300, 477.5, 640, 778, 1000]) expectWholeLines(boxes, pageStarts(boxes, view), view);
  });
});

describe('largestFit', () => {
  it('grows from the smallest size while it fits, and keeps the last that did', () => {
    const tried: number[] = [];
    const scale = largestFit(
      (s) => {
        tried.push(s);
        return s <= 1.37;
      },
      1,
      1.6,
      0.05,
    );
    expect(scale).toBe(1.35);
    expect(tried).toEqual([1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4]);
  });

  it('never goes below the smallest size (a long panel pages at it) nor above the largest', () => {
    expect(largestFit(() => false, 1, 1.6, 0.05)).toBe(1);
    expect(largestFit(() => true, 1, 1.6, 0.05)).toBe(1.6);
  });
});
