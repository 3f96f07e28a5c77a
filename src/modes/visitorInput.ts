/**
 * Visitor mode: maps keyboard and pointer input to store actions (discrete) and to
 * `motionInput` (continuous: held keys, drag deltas). Nothing here sets React state per event.
 */
import { invalidate } from '@react-three/fiber';
import { type ExhibitionStore, motionInput } from '../store/store.ts';
import { actionForKey, type HeldAction, isHeldAction, type PressAction } from './keymap.ts';
import { canvasPresses, isTap, type PressLog } from './tapTolerance.ts';

const HELD_FIELDS: Record<HeldAction, keyof typeof motionInput> = {
  walkForward: 'forward',
  walkBackward: 'backward',
  strafeLeft: 'left',
  strafeRight: 'right',
  turnLeft: 'turnLeft',
  turnRight: 'turnRight',
};

/** Radians of look per CSS pixel dragged. */
const LOOK_PER_PIXEL = 0.0042;

/**
 * Keys typed into a text field belong to it; Enter and Space on a button or link activate it.
 * Everything else walks, even while a HUD button keeps the focus after a click.
 */
function belongsToControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select, dialog') !== null) return true;
  return (key === 'Enter' || key === ' ') && target.closest('button, a, summary') !== null;
}

function releaseAll() {
  for (const field of Object.values(HELD_FIELDS)) motionInput[field] = 0;
}

export function runPressAction(store: ExhibitionStore, action: PressAction): void {
  const state = store.getState();
  switch (action) {
    case 'nextPanel':
      state.stepPanel(1);
      break;
    case 'previousPanel':
      state.stepPanel(-1);
      break;
    case 'openPanelInView':
      state.openPanelInView();
      break;
    case 'openSearch':
      state.setSearchOpen(true);
      break;
    default:
      // Card actions are handled by the card itself.
      break;
  }
}

/**
 * Installs the visitor's keyboard handling on the window; returns the uninstaller. Without a 3D
 * scene (`scene: false`: no WebGL, the text twin is the page) only search works: the arrow keys
 * must scroll the page, not walk a corridor nobody sees.
 */
export function installVisitorKeys(store: ExhibitionStore, win: Window = window, { scene = true } = {}): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const state = store.getState();
    if (state.openPanelId || state.searchOpen || state.status !== 'ready') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (belongsToControl(event.target, event.key)) return;
    const action = actionForKey('visitor', event.key);
    if (!action) return;
    // Search is everywhere there is content to search (the corridor and the text twin).
    const walkable = scene && state.view === 'corridor';
    if (action !== 'openSearch' && !walkable) return;
    if (action === 'openSearch' && state.view === 'problems') return;
    event.preventDefault();
    if (isHeldAction(action)) {
      if (motionInput[HELD_FIELDS[action]] === 0) motionInput.takeover++;
      motionInput[HELD_FIELDS[action]] = 1;
      invalidate();
    } else if (!event.repeat) {
      runPressAction(store, action);
    }
  };
  const onKeyUp = (event: KeyboardEvent) => {
    const action = actionForKey('visitor', event.key);
    if (action && isHeldAction(action)) motionInput[HELD_FIELDS[action]] = 0;
  };
  // A key released while the window had no focus never sends keyup: stop walking on blur.
  win.addEventListener('keydown', onKeyDown);
  win.addEventListener('keyup', onKeyUp);
  win.addEventListener('blur', releaseAll);
  return () => {
    win.removeEventListener('keydown', onKeyDown);
    win.removeEventListener('keyup', onKeyUp);
    win.removeEventListener('blur', releaseAll);
    releaseAll();
  };
}

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
    invalidate();
  };
  const onUp = (event: PointerEvent) => {
    if (dragging && event.pointerId === dragging.id) dragging = null;
  };
  // A finger may lift anywhere (over a button, off the canvas): the log hears every release.
  const onRelease = (event: PointerEvent) => presses.pointerUp(event);
  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onUp);
  element.addEventListener('pointerleave', onUp);
  win.addEventListener('pointerup', onRelease, { capture: true });
  win.addEventListener('pointercancel', onRelease, { capture: true });
  return () => {
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onUp);
    element.removeEventListener('pointerleave', onUp);
    win.removeEventListener('pointerup', onRelease, { capture: true });
    win.removeEventListener('pointercancel', onRelease, { capture: true });
  };
}

/**
 * Follows `prefers-reduced-motion` into the store (the visitor's camera then cuts instead of
 * gliding); the system setting may change while the page is open. Returns the uninstaller.
 */
export function installReducedMotion(store: ExhibitionStore, win: Window = window): () => void {
  const query = win.matchMedia?.('(prefers-reduced-motion: reduce)');
  if (!query) return () => {};
  const apply = () => store.getState().setReducedMotion(query.matches);
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
