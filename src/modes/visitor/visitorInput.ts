/**
 * Visitor mode: maps keyboard and pointer input to store actions (discrete) and to
 * `motionInput` (continuous: held keys, drag deltas). Nothing here sets React state per event.
 */
import { isControlTarget } from '../../input/controlTarget.ts';
import { actionForKey, type HeldAction, isHeldAction, type PressAction } from '../../input/keymap.ts';
import { motionInput, releaseMotion, requestFrame } from '../../store/live.ts';
import type { ExhibitionStore } from '../../store/store.ts';

const HELD_FIELDS: Record<HeldAction, keyof typeof motionInput> = {
  walkForward: 'forward',
  walkBackward: 'backward',
  strafeLeft: 'left',
  strafeRight: 'right',
  turnLeft: 'turnLeft',
  turnRight: 'turnRight',
};

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
    // A card, the search or a quiz has the keys (the corridor behind them does not walk).
    if (state.openPanelId || state.searchOpen || state.quizScreen || state.status !== 'ready') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (isControlTarget(event.target, event.key, { dialogsOwnKeys: true })) return;
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
      requestFrame();
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
  win.addEventListener('blur', releaseMotion);
  return () => {
    win.removeEventListener('keydown', onKeyDown);
    win.removeEventListener('keyup', onKeyUp);
    win.removeEventListener('blur', releaseMotion);
    releaseMotion();
  };
}
