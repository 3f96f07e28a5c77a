/**
 * Where the panel card sits on a screen of a given size, and which part of the 3D view stays
 * uncovered for the board. Pure, shared by the camera (which keeps the board in the uncovered
 * part) and the tests; the CSS in ui/styles.css draws the same rule (keep the two in step).
 *
 * - A wide screen (≥ 900 px), or a phone held in landscape: the card stands at the right,
 *   `min(560 px, 42 %)` wide, and the view shifts left by half of it.
 * - A narrow portrait screen (a phone): the card is a bottom sheet `SHEET_HEIGHT_SHARE` of the
 *   height, and the board is framed in the strip above it.
 * - The lobby kiosk sets its card larger, for reading at arm's length, and wider to match
 *   (`kioskCardWidthFor`; modes/kiosk/ui/kiosk.css: `--card-width: min(78vmin, 50vw)`).
 */
export const CARD_SIDE_MIN_WIDTH = 900;
/** The bottom sheet's height as a share of the viewport's (styles.css: `--sheet-height: 58dvh`). */
export const SHEET_HEIGHT_SHARE = 0.58;

export const cardWidthFor = (viewportWidth: number) => Math.min(560, viewportWidth * 0.42);

/** The kiosk's card: 78 % of the screen's shorter side (its type is sized by that side too), at most half the width. */
export const kioskCardWidthFor = (viewportWidth: number, viewportHeight: number) =>
  Math.min(0.78 * Math.min(viewportWidth, viewportHeight), 0.5 * viewportWidth);

export type CardRegion =
  | { kind: 'side'; cardWidth: number }
  /** `visibleHeight`: CSS pixels of view above the sheet, from the top of the screen. */
  | { kind: 'sheet'; visibleHeight: number };

export function cardRegion(width: number, height: number, { kiosk = false }: { kiosk?: boolean } = {}): CardRegion {
  if (width >= CARD_SIDE_MIN_WIDTH || width > height) {
    return { kind: 'side', cardWidth: kiosk ? kioskCardWidthFor(width, height) : cardWidthFor(width) };
  }
  return { kind: 'sheet', visibleHeight: Math.round(height * (1 - SHEET_HEIGHT_SHARE)) };
}
