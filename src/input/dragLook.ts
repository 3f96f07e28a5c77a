/**
 * Drag-look on the canvas, shared by every mode that lets the visitor look around (the visitor's
 * and the kiosk's): pointer drags become `motionInput` look deltas, never React state.
 */
import { motionInput, requestFrame } from '../store/live.ts';
import { canvasPresses, isTap, type PressLog } from './tapTolerance.ts';

/** Radians of look per CSS pixel dragged. */
const LOOK_PER_PIXEL = 0.0042;

/**
 * Drag anywhere on the canvas to look around (a mouse or a finger). A finger's drag starts only
 * once it has moved beyond the tap tolerance, so the wobble of a tap does not turn the view (nor
 * end the glide the tap starts). Two fingers are a pinch, never a look: from the moment a second
 * finger lands until the last one lifts, nothing turns. Every press is also written to `presses`,
 * which the scene's click handlers read to tell a tap from a long press or a pinch. Returns the
 * uninstaller.
 */
export function installDragLook(element: HTMLElement, presses: PressLog = canvasPresses, win: Window = window): () => void {
  let dragging: { id: number; x: number; y: number; startX: number; startY: number; engaged: boolean; type: string } | null =
    null;
  const onDown = (event: PointerEvent) => {
    presses.pointerDown(event);
    if (presses.gestureFingers() > 1) {
      dragging = null;
      return;
    }
    if (event.button !== 0 || (dragging && dragging.id !== event.pointerId)) return;
    const { clientX: x, clientY: y } = event;
    dragging = { id: event.pointerId, x, y, startX: x, startY: y, engaged: false, type: event.pointerType };
  };
  const onMove = (event: PointerEvent) => {
    if (!dragging || event.pointerId !== dragging.id) return;
    if (!dragging.engaged) {
      const travelled = Math.hypot(event.clientX - dragging.startX, event.clientY - dragging.startY);
      if (dragging.type !== 'mouse' && isTap(travelled, dragging.type)) return;
      dragging.engaged = true;
    }
    const dx = event.clientX - dragging.x;
    const dy = event.clientY - dragging.y;
    dragging.x = event.clientX;
    dragging.y = event.clientY;
    if (dx === 0 && dy === 0) return;
    // Dragging the scene to the right turns the view to the left, like grabbing the world.
    motionInput.lookYaw += dx * LOOK_PER_PIXEL;
    motionInput.lookPitch += dy * LOOK_PER_PIXEL;
    motionInput.takeover++;
    requestFrame();
  };
  const onUp = (event: PointerEvent) => {
    if (dragging && event.pointerId === dragging.id) dragging = null;
  };
  // A finger may lift anywhere (over a button, off the canvas): the log hears every release.
  const onRelease = (event: PointerEvent) => presses.pointerUp(event);
  // The drag is ours, not the browser's: `touch-action: none` stops it scrolling, but Chromium
  // still reads a quick drag as a fling, and the next tap (on 下一块展板, say) only "stops the
  // fling" and is never a click. Cancelling the touch moves tells it there is no gesture to fling.
  const onTouchMove = (event: TouchEvent) => {
    if (event.cancelable) event.preventDefault();
  };
  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onUp);
  element.addEventListener('pointerleave', onUp);
  element.addEventListener('touchmove', onTouchMove, { passive: false });
  win.addEventListener('pointerup', onRelease, { capture: true });
  win.addEventListener('pointercancel', onRelease, { capture: true });
  return () => {
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onUp);
    element.removeEventListener('pointerleave', onUp);
    element.removeEventListener('touchmove', onTouchMove);
    win.removeEventListener('pointerup', onRelease, { capture: true });
    win.removeEventListener('pointercancel', onRelease, { capture: true });
  };
}
