/**
 * The one table that maps keys to named actions, per context. Input handlers look keys up here
 * and never test key names themselves, so the keys of every mode can be read in one place.
 * Keys are `KeyboardEvent.key` values (lower-cased letters), so they follow the keyboard layout.
 */
export type KeyContext = 'visitor' | 'card' | 'present' | 'kiosk';

/** Actions that last while their key is held. */
export type HeldAction = 'walkForward' | 'walkBackward' | 'strafeLeft' | 'strafeRight' | 'turnLeft' | 'turnRight';

/** Actions that happen once per key press. */
export type PressAction =
  | 'nextPanel'
  | 'previousPanel'
  | 'openPanelInView'
  | 'cardPrevious'
  | 'cardNext'
  | 'cardScrollUp'
  | 'cardScrollDown'
  | 'cardPageUp'
  | 'cardPageDown'
  | 'closeCard'
  | 'presentNext'
  | 'presentPrevious'
  | 'presentFirst'
  | 'presentLast'
  | 'presentBlack'
  | 'presentWhite'
  | 'presentFullscreen'
  | 'presentPresenterView'
  | 'presentEscape';

export type KeyAction = HeldAction | PressAction;

export const KEYMAP: Record<KeyContext, Readonly<Record<string, KeyAction>>> = {
  visitor: {
    w: 'walkForward',
    ArrowUp: 'walkForward',
    s: 'walkBackward',
    ArrowDown: 'walkBackward',
    a: 'strafeLeft',
    d: 'strafeRight',
    ArrowLeft: 'turnLeft',
    ArrowRight: 'turnRight',
    n: 'nextPanel',
    p: 'previousPanel',
    Enter: 'openPanelInView',
  },
  card: {
    ArrowLeft: 'cardPrevious',
    ArrowRight: 'cardNext',
    ArrowUp: 'cardScrollUp',
    ArrowDown: 'cardScrollDown',
    PageUp: 'cardPageUp',
    PageDown: 'cardPageDown',
    Escape: 'closeCard',
  },
  // Presenter remotes send PageDown/PageUp (some → ← or B); PowerPoint and reveal.js users know these.
  present: {
    PageDown: 'presentNext',
    ArrowRight: 'presentNext',
    ' ': 'presentNext',
    Enter: 'presentNext',
    PageUp: 'presentPrevious',
    ArrowLeft: 'presentPrevious',
    Home: 'presentFirst',
    End: 'presentLast',
    b: 'presentBlack',
    '.': 'presentBlack',
    w: 'presentWhite',
    f: 'presentFullscreen',
    s: 'presentPresenterView',
    Escape: 'presentEscape',
  },
  // The lobby kiosk is touch only: no key does anything there.
  kiosk: {},
};

const HELD: ReadonlySet<KeyAction> = new Set<HeldAction>([
  'walkForward',
  'walkBackward',
  'strafeLeft',
  'strafeRight',
  'turnLeft',
  'turnRight',
]);

export function isHeldAction(action: KeyAction): action is HeldAction {
  return HELD.has(action);
}

/** The action a key stands for in a context; letters match in either case. */
export function actionForKey(context: KeyContext, key: string): KeyAction | undefined {
  const table = KEYMAP[context];
  return table[key] ?? (key.length === 1 ? table[key.toLowerCase()] : undefined);
}
