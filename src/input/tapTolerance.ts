/**
 * When a press is still a click (or a tap) and not a drag to look around, a long press or a pinch.
 * A fingertip wobbles more than a mouse: a tap may drift further and still open the board under it.
 */
export const CLICK_TOLERANCE_PX = 6;
export const TAP_TOLERANCE_PX = 14;
/**
 * A finger (or pen) held down longer than this is a long press, not a tap: phones take a press
 * as long after 400–500 ms, and someone resting a finger on the kiosk's screen means no command.
 * A mouse has no such limit: a slow click is still a click everywhere on a desktop.
 */
export const TAP_MAX_MS = 600;

/** The tolerance for a pointer type ('mouse', 'touch', 'pen'; '' or unknown counts as a mouse). */
export function tapTolerance(pointerType: string | undefined): number {
  return isFingerLike(pointerType) ? TAP_TOLERANCE_PX : CLICK_TOLERANCE_PX;
}

const isFingerLike = (pointerType: string | undefined) => pointerType === 'touch' || pointerType === 'pen';

/** How a press went: how long it was held, and how many fingers were down together at most. */
export interface PressShape {
  heldMs: number;
  fingers: number;
}

/**
 * True when a press that travelled `distancePx` before release is a click or tap: it stayed
 * within the tolerance, one finger alone (a pinch is no tap), and a finger lifted in time.
 */
export function isTap(
  distancePx: number,
  pointerType: string | undefined,
  press: PressShape = { heldMs: 0, fingers: 1 },
): boolean {
  if (distancePx > tapTolerance(pointerType) || press.fingers > 1) return false;
  return !isFingerLike(pointerType) || press.heldMs <= TAP_MAX_MS;
}

/** What a press log needs of a pointer event. */
export type PointerFacts = Pick<PointerEvent, 'pointerId' | 'timeStamp'> & { isPrimary?: boolean };

/**
 * The presses on the canvas: when each pointer went down, and which went down together (one
 * gesture: from the first finger down until the last is lifted). The click that ends a press
 * comes after its pointerup, so the last gesture's presses are kept until the next one starts.
 */
export class PressLog {
  private readonly down = new Set<number>();
  private readonly presses = new Map<number, { downAt: number; gesture: { fingers: number } }>();
  private gesture = { fingers: 0 };

  pointerDown(event: PointerFacts): void {
    // The primary pointer starts a gesture: no other finger is on the screen, whatever was
    // missed (a finger lifted outside the window sends its pointerup nowhere we listen).
    if (event.isPrimary !== false || this.down.size === 0) {
      this.down.clear();
      this.presses.clear();
      this.gesture = { fingers: 0 };
    }
    this.down.add(event.pointerId);
    this.gesture.fingers = Math.max(this.gesture.fingers, this.down.size);
    this.presses.set(event.pointerId, { downAt: event.timeStamp, gesture: this.gesture });
  }

  pointerUp(event: Pick<PointerEvent, 'pointerId'>): void {
    this.down.delete(event.pointerId);
  }

  /** Fingers on the screen now. */
  fingersDown(): number {
    return this.down.size;
  }

  /** Fingers that have been down together in the gesture under way (or the last one). */
  gestureFingers(): number {
    return this.gesture.fingers;
  }

  /**
   * The shape of the press a click ends (a click carries its pointer's id and is stamped at the
   * release). A click with no press seen here (a key, a test) counts as a quick tap.
   */
  shapeOf(click: Partial<PointerFacts> | undefined): PressShape {
    const press = click?.pointerId === undefined ? undefined : this.presses.get(click.pointerId);
    if (!press || click?.timeStamp === undefined) return { heldMs: 0, fingers: 1 };
    return { heldMs: Math.max(0, click.timeStamp - press.downAt), fingers: press.gesture.fingers };
  }
}

/** The canvas's press log (one canvas per page), kept by `installDragLook` and read by the scene's click handlers. */
export const canvasPresses = new PressLog();
