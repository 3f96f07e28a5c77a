/**
 * The arithmetic of the projector's screens, apart from the DOM so it can be tested on its own:
 * where each screen of a long panel starts, so that a screen breaks between lines and never shows
 * a sliver of the line before it, and which type size fills a short panel's slide.
 */

/** A line of text (or an unbreakable block: a figure tile, a person's box), top and bottom in px. */
export interface LineBox {
  top: number;
  bottom: number;
}

/** Half a pixel: rects of the same line from different text nodes differ by rounding. */
const EPSILON = 0.5;

/**
 * The offsets at which the screens start, the first at 0, for lines laid out in a column seen
 * through a window `viewHeight` high. Each screen holds the lines that fit on it whole; the next
 * starts at the top of the first line that did not, so no line is cut at a screen's top. A line
 * that overlaps that one (a tile beside it in a grid) moves to the next screen with it. Only a
 * block taller than the window itself is broken through, at the window's height.
 */
export function pageStarts(lines: readonly LineBox[], viewHeight: number): number[] {
  const starts = [0];
  if (!(viewHeight > 0)) return starts;
  for (let top = 0; starts.length < 1000; ) {
    const limit = top + viewHeight;
    // The first line (from the top) that does not fit whole on this screen.
    let start = lowestTop(lines, limit);
    if (start === null) break;
    // Anything that reaches below the break must go with it, or the next screen would start
    // inside it: move the break up until no line straddles it.
    for (let guard = 0; guard < lines.length; guard++) {
      const higher = lowestTop(lines, start);
      if (higher === null || higher >= start - EPSILON) break;
      start = higher;
    }
    // A single block taller than the window: break through it rather than stand still.
    if (start <= top + EPSILON) start = limit;
    starts.push(start);
    top = start;
  }
  return starts;
}

/** The highest top among the lines that reach below `edge`, or null when none does. */
function lowestTop(lines: readonly LineBox[], edge: number): number | null {
  let top: number | null = null;
  for (const line of lines) {
    if (line.bottom > edge + EPSILON && (top === null || line.top < top)) top = line.top;
  }
  return top;
}

/**
 * The largest type scale, from `min` upwards in steps of `step` up to `max`, at which `fits`
 * holds, trying them in that order and stopping at the first that does not fit. `min` is the
 * answer when even it does not fit (the panel is then paged at the smallest size).
 */
export function largestFit(fits: (scale: number) => boolean, min: number, max: number, step: number): number {
  let best = min;
  if (!fits(min)) return min;
  // Whole steps counted from min, so rounding never skips or repeats a size.
  const steps = Math.floor((max - min) / step + 1e-9);
  for (let i = 1; i <= steps; i++) {
    const scale = Math.round((min + i * step) * 1000) / 1000;
    if (!fits(scale)) break;
    best = scale;
  }
  return best;
}
