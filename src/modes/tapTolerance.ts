/**
 * When a press that moved is still a click (or a tap) and not a drag to look around. A fingertip
 * wobbles more than a mouse: a tap may drift further and still open the board under it.
 */
export const CLICK_TOLERANCE_PX = 6;
export const TAP_TOLERANCE_PX = 14;

/** The tolerance for a pointer type ('mouse', 'touch', 'pen'; '' or unknown counts as a mouse). */
export function tapTolerance(pointerType: string | undefined): number {
  return pointerType === 'touch' || pointerType === 'pen' ? TAP_TOLERANCE_PX : CLICK_TOLERANCE_PX;
}

/** True when a press that travelled `distancePx` before release is a click or tap. */
export function isTap(distancePx: number, pointerType: string | undefined): boolean {
  return distancePx <= tapTolerance(pointerType);
}
