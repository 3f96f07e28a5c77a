/**
 * Fewer pixels while the camera moves, when the device cannot draw them fast enough (issue 20).
 * A kiosk whose GPU driver Chromium blocklists draws WebGL on the CPU, where every pixel costs CPU
 * time: a walk at 1280×720 there took 160–280 ms a frame, a quarter of the pixels about half of
 * that. The ratio is driven only by the frame times measured while moving, so a device that draws
 * fast keeps its full ratio with no special case, and the still frame is always the full one.
 *
 * Pure: `nextWalkPixelRatio` is the rule, `walkFrame` the bookkeeping around it (one plain mutable
 * object, written per frame); scene/AdaptiveResolution.tsx applies them to the renderer.
 */

/**
 * The least short side of the canvas, in device pixels, while walking. At 360 px (a 720p canvas at
 * half its ratio) a board read from the viewpoint that frames it still gives its smallest line
 * (the caption) about ten device pixels an em and its body about eighteen: soft, but every
 * character can be told apart (tests/bench/walkLegibility.ts takes that screenshot); much lower,
 * the strokes of the small characters run together. The short
 * side, because a board is framed to fit it: the height of a landscape screen, the width of a
 * phone held upright.
 */
export const LEAST_WALK_SHORT_SIDE_PX = 360;

/** Slower than this (under 20 frames a second), the ratio steps down. */
export const SLOW_FRAME_MS = 50;
/** A step down aims at this (30 frames a second), below SLOW_FRAME_MS so it does not land on the edge. */
export const TARGET_FRAME_MS = 33;
/**
 * A step up is taken only when the frame time it predicts is at most this share of SLOW_FRAME_MS:
 * the band between the two is the hysteresis that keeps the ratio from going up and down in turn.
 */
export const STEP_UP_HEADROOM = 0.7;
export const STEP_UP_FACTOR = 1.25;
/** Ratios are multiples of this: no resize of the canvas for a change nobody would see. */
export const RATIO_QUANTUM = 0.05;
/** Frames measured at a ratio before stepping down (quick: each slow frame is felt) or up (slow: sure). */
export const SAMPLES_TO_STEP_DOWN = 3;
export const SAMPLES_TO_STEP_UP = 8;

export interface RatioBounds {
  /** The canvas's own ratio (the device's, as deviceQuality capped it): the still frame's. */
  full: number;
  /** The least ratio the walk may draw at (see leastWalkPixelRatio). */
  least: number;
}

/** The least walking ratio for a canvas of this size in CSS pixels: never above the full ratio. */
export function leastWalkPixelRatio(full: number, cssWidth: number, cssHeight: number): number {
  const shortSide = Math.min(cssWidth, cssHeight);
  if (!(shortSide > 0)) return full;
  return Math.min(full, LEAST_WALK_SHORT_SIDE_PX / shortSide);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const clamp = (ratio: number, { full, least }: RatioBounds) => Math.min(full, Math.max(least, ratio));
/** `steps` quanta, rounded so that 9 × 0.05 is 0.45 and not 0.45000000000000007. */
const onGrid = (steps: number) => Number((steps * RATIO_QUANTUM).toFixed(4));

/**
 * The ratio to walk at next, from the frame times (ms between frames) measured at `ratio` since it
 * was last changed. The time of a frame drawn on the CPU grows with its pixels, the square of the
 * ratio: a slow median steps down to the ratio that would take TARGET_FRAME_MS (fixed costs make
 * that a little too high, so the next frames step again; the median, so that one long task among
 * quick frames moves nothing); quick frames step up by STEP_UP_FACTOR when even at the higher
 * ratio a frame would stay well under SLOW_FRAME_MS.
 */
export function nextWalkPixelRatio(frameMs: readonly number[], ratio: number, bounds: RatioBounds): number {
  const current = clamp(ratio, bounds);
  if (frameMs.length < SAMPLES_TO_STEP_DOWN) return current;
  const typical = median(frameMs);
  if (typical > SLOW_FRAME_MS) {
    const aimed = current * Math.sqrt(TARGET_FRAME_MS / typical);
    // At least one quantum down, on the quantum grid, but never below the legible floor.
    const stepped = Math.min(onGrid(Math.floor(aimed / RATIO_QUANTUM + 1e-9)), current - RATIO_QUANTUM);
    return clamp(stepped, bounds);
  }
  if (frameMs.length < SAMPLES_TO_STEP_UP || current >= bounds.full) return current;
  const higher = Math.min(bounds.full, onGrid(Math.ceil((current * STEP_UP_FACTOR) / RATIO_QUANTUM - 1e-9)));
  // Up by the slower of the median and the mean: a CPU rasteriser's frames can come in bursts (a
  // few quick ones, then a long stall), whose median is quick while the walk is not.
  const mean = frameMs.reduce((sum, ms) => sum + ms, 0) / frameMs.length;
  const predicted = Math.max(typical, mean) * (higher / current) ** 2;
  return predicted <= SLOW_FRAME_MS * STEP_UP_HEADROOM ? higher : current;
}

/** What the walk has measured: one plain object, written every frame, never React state. */
export interface WalkResolution {
  /** The ratio the walk draws at; kept between walks, so the next one starts where this one ended. */
  walkRatio: number;
  /** ms between the frames drawn while moving at `walkRatio`, the latest last (at most SAMPLES_TO_STEP_UP). */
  frameMs: number[];
  /** When the last frame while moving was drawn (performance.now()); null at rest or after a change. */
  lastMovingFrameAt: number | null;
}

export function createWalkResolution(full: number): WalkResolution {
  return { walkRatio: full, frameMs: [], lastMovingFrameAt: null };
}

/**
 * One frame about to be drawn: records the time since the last moving frame and returns the ratio
 * to draw this frame at. At rest, the full ratio. The first frame of a walk measures nothing (the
 * time since the last frame is idleness), nor does the one after a change (it paid for the resize).
 */
export function walkFrame(state: WalkResolution, now: number, moving: boolean, bounds: RatioBounds): number {
  if (!moving) {
    state.lastMovingFrameAt = null;
    state.frameMs.length = 0;
    return bounds.full;
  }
  if (state.lastMovingFrameAt !== null) {
    state.frameMs.push(now - state.lastMovingFrameAt);
    if (state.frameMs.length > SAMPLES_TO_STEP_UP) state.frameMs.shift();
  }
  state.lastMovingFrameAt = now;
  const next = nextWalkPixelRatio(state.frameMs, state.walkRatio, bounds);
  if (next !== state.walkRatio) {
    state.walkRatio = next;
    state.frameMs.length = 0;
    state.lastMovingFrameAt = null;
  }
  return state.walkRatio;
}
