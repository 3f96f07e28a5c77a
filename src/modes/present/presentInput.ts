/**
 * Projector-mode input: the presenter's keys (through the shared key table, 'present' context),
 * full screen, and a pointer that hides when it rests. Nothing here sets state per event except
 * a discrete command; the pointer is hidden by a class on the root element, not by store state.
 */
import { isControlTarget } from '../../input/controlTarget.ts';
import { actionForKey, type PressAction } from '../../input/keymap.ts';
import type { PresentCommand } from './presentSession.ts';

/** The pointer hides after this long without moving. */
export const POINTER_IDLE_MS = 2000;
/** The class on `<html>` while the pointer rests (styles hide the cursor and the control bar). */
export const POINTER_IDLE_CLASS = 'present-pointer-idle';

const COMMANDS: Partial<Record<PressAction, PresentCommand>> = {
  presentNext: 'next',
  presentPrevious: 'previous',
  presentFirst: 'first',
  presentLast: 'last',
  presentBlack: 'black',
  presentWhite: 'white',
  presentEscape: 'escape',
  presentPause: 'pause',
  presentMotion: 'motion',
  presentQuiz: 'quiz',
  presentContest: 'contest',
};

/** The session command a key action stands for; full screen and the presenter view are the window's own. */
export function commandForAction(action: PressAction): PresentCommand | null {
  return COMMANDS[action] ?? null;
}

/** What a key press in present mode does: a session command, or one of the window's own actions. */
export type PresentKeyOutcome =
  | { kind: 'command'; command: PresentCommand }
  | { kind: 'fullscreen' }
  | { kind: 'presenterView' }
  | { kind: 'live' }
  | { kind: 'none' };

/** Reads a key event through the key table. Modified keys (Ctrl+R, Alt+←…) stay the browser's. */
export function presentKeyOutcome(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>) {
  if (event.altKey || event.ctrlKey || event.metaKey || isControlTarget(event.target, event.key, { dialogsOwnKeys: false }))
    return { kind: 'none' } as const;
  const action = actionForKey('present', event.key);
  if (!action) return { kind: 'none' } as const;
  if (action === 'presentFullscreen') return { kind: 'fullscreen' } as const;
  if (action === 'presentPresenterView') return { kind: 'presenterView' } as const;
  if (action === 'presentLive') return { kind: 'live' } as const;
  const command = commandForAction(action as PressAction);
  return command ? ({ kind: 'command', command } as const) : ({ kind: 'none' } as const);
}

/**
 * Listens for the presenter's keys on a window. A held key does not repeat the action (a
 * clicker never repeats; a held PageDown must not race through the lesson).
 */
export function installPresentKeys(win: Window, handle: (outcome: PresentKeyOutcome) => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const outcome: PresentKeyOutcome = presentKeyOutcome(event);
    if (outcome.kind === 'none') return;
    event.preventDefault();
    if (!event.repeat) handle(outcome);
  };
  win.addEventListener('keydown', onKeyDown);
  return () => win.removeEventListener('keydown', onKeyDown);
}

/** Full screen on and off; a refusal (headless, no user gesture, an iframe) is ignored. */
export function toggleFullscreen(doc: Document): void {
  try {
    const request = doc.fullscreenElement ? doc.exitFullscreen?.() : doc.documentElement.requestFullscreen?.();
    request?.catch(() => undefined);
  } catch {
    // Some browsers throw instead of rejecting; full screen is a nicety, never an error.
  }
}

/**
 * Hides the pointer after `idleMs` without movement: a class on `root`, removed on the next
 * move. Returns the uninstaller.
 */
export function installPointerHiding(root: HTMLElement, win: Window, idleMs = POINTER_IDLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rest = () => root.classList.add(POINTER_IDLE_CLASS);
  const wake = () => {
    root.classList.remove(POINTER_IDLE_CLASS);
    clearTimeout(timer);
    timer = setTimeout(rest, idleMs);
  };
  win.addEventListener('pointermove', wake, { passive: true });
  win.addEventListener('pointerdown', wake, { passive: true });
  timer = setTimeout(rest, idleMs);
  return () => {
    clearTimeout(timer);
    win.removeEventListener('pointermove', wake);
    win.removeEventListener('pointerdown', wake);
    root.classList.remove(POINTER_IDLE_CLASS);
  };
}
